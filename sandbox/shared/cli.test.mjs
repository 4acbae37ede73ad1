// CLI helper: parseArgs table, number checks, nested keys, flags, usage, the shared flags and the
// vendor CLI wiring.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	CliError,
	commonFlags,
	describeSandbox,
	flagsToOptions,
	parseCli,
	sandboxCli,
	usage,
} from './cli.mjs';

const TABLE = {
	port: { type: 'number', key: 'port', integer: true, min: 0, max: 65535, help: 'port' },
	host: { type: 'string', key: 'host', help: 'host' },
	latency: { type: 'number', key: 'latencyMs', min: 0 },
	'rate-limit': { type: 'number', key: 'rateLimit.limit' },
	'no-retry-after': { type: 'flag', key: 'rateLimit.retryAfter', value: false, help: 'no header' },
	verbose: { type: 'flag', key: 'verbose' },
	mode: { type: 'string', key: 'mode', choices: ['strict', 'lenient'], help: 'reading' },
};

describe('parseCli', () => {
	it('sets only the given options, nested by key, in both --a b and --a=b forms', () => {
		assert.deepEqual(
			parseCli(
				['--port', '80', '--host=::', '--rate-limit=5', '--no-retry-after', '--verbose'],
				TABLE,
			),
			{
				options: {
					port: 80,
					host: '::',
					rateLimit: { limit: 5, retryAfter: false },
					verbose: true,
				},
			},
		);
		assert.deepEqual(parseCli([], TABLE), { options: {} });
		assert.deepEqual(parseCli(['--latency', '2.5'], TABLE), { options: { latencyMs: 2.5 } });
		assert.deepEqual(parseCli(['--mode', 'strict'], TABLE), { options: { mode: 'strict' } });
	});

	it('answers --help and -h', () => {
		assert.deepEqual(parseCli(['--help'], TABLE), { help: true });
		assert.deepEqual(parseCli(['-h', '--port', 'x'], TABLE), { help: true });
	});

	it('refuses bad numbers, unknown options, missing values and positionals', () => {
		for (const [argv, message] of [
			[['--port', 'abc'], /--port needs an integer, got 'abc'/],
			[['--port', '1.5'], /--port needs an integer/],
			[['--port', ''], /--port needs an integer/],
			[['--port', '70000'], /--port must be <= 65535/],
			[['--latency=-1'], /--latency must be >= 0/],
			[['--latency', 'Infinity'], /--latency needs a number/],
			[['--nope'], /nope/],
			[['--port'], /argument missing/],
			[['stray'], /stray/],
			[['--mode', 'loose'], /--mode must be one of strict, lenient, got 'loose'/],
		])
			assert.throws(
				() => parseCli(argv, TABLE),
				(err) => err instanceof CliError && message.test(err.message),
			);
	});
});

describe('usage', () => {
	it('lists every flag with its help and default', () => {
		const text = usage('demo', TABLE, { port: 0, rateLimit: { limit: 60 } });
		assert.match(text, /^Usage: demo \[options\]/);
		assert.match(text, /--port <number> +port \(default: 0\)/);
		assert.match(text, /--rate-limit <number> +\(default: 60\)/);
		assert.match(text, /--no-retry-after +no header\n/);
		assert.match(text, /--mode <strict\|lenient> +reading\n/);
		assert.match(text, /--help +this text/);
	});
});

describe('commonFlags', () => {
	it('picks the shared flags in the order given', () => {
		const table = commonFlags('rate-limit', 'port', 'latency');
		assert.deepEqual(Object.keys(table), ['rate-limit', 'port', 'latency']);
		assert.match(
			usage('demo', table, { port: 0 }),
			/--port <number> +0 picks a free port \(default: 0\)\n/,
		);
		assert.throws(() => parseCli(['--port', '65536'], table), /--port must be <= 65535/);
		assert.equal(table.latency.key, 'latencyMs');
		assert.equal(table['rate-limit'].key, 'rateLimit.limit');
		assert.ok(Object.isFrozen(table.port));
	});

	it('parses the shared flags with their checks', () => {
		const table = commonFlags('port', 'host', 'seed', 'customers', 'max-page-size');
		assert.deepEqual(
			parseCli(['--port', '4100', '--host', '::', '--seed=3', '--customers', '0'], table),
			{ options: { port: 4100, host: '::', seed: 3, customers: 0 } },
		);
		assert.throws(() => parseCli(['--customers=-1'], table), /--customers must be >= 0/);
		assert.throws(() => parseCli(['--max-page-size', '0'], table), /--max-page-size must be >= 1/);
	});

	it('refuses a name that is not a shared flag', () => {
		assert.throws(() => commonFlags('port', 'items'), /No common sandbox flag --items/);
	});
});

describe('flagsToOptions', () => {
	const defaults = { port: 0, rateLimit: { limit: 60, intervalSeconds: 10, retryAfter: true } };

	it('lays the rate-limit flags over the default rate limit', () => {
		assert.deepEqual(flagsToOptions({}, defaults), {
			rateLimit: { limit: 60, intervalSeconds: 10, retryAfter: true },
		});
		assert.deepEqual(flagsToOptions({ port: 5, rateLimit: { intervalSeconds: 2 } }, defaults), {
			port: 5,
			rateLimit: { limit: 60, intervalSeconds: 2, retryAfter: true },
		});
	});

	it('turns rate limiting off with a limit of 0', () => {
		assert.deepEqual(flagsToOptions({ rateLimit: { limit: 0, retryAfter: false } }, defaults), {
			rateLimit: false,
		});
	});
});

describe('describeSandbox', () => {
	it('gives url, apiBase and tokenUrl, with an empty tokenUrl when there is none', () => {
		const handle = { url: 'http://h:1', apiBase: 'http://h:1/api', port: 1, close() {} };
		assert.deepEqual(describeSandbox(handle), {
			url: 'http://h:1',
			apiBase: 'http://h:1/api',
			tokenUrl: '',
		});
		assert.equal(
			JSON.stringify(describeSandbox({ ...handle, tokenUrl: 'http://h:1/token' })),
			'{"url":"http://h:1","apiBase":"http://h:1/api","tokenUrl":"http://h:1/token"}',
		);
	});
});

describe('sandboxCli', () => {
	const defaults = { port: 0, rateLimit: { limit: 60, intervalSeconds: 10, retryAfter: true } };
	const table = commonFlags('port', 'rate-limit');

	it('parseArgs gives start options, { help: true }, or throws CliError', () => {
		const cli = sandboxCli({ name: 'demo', table, defaults, start: () => undefined });
		assert.deepEqual(cli.parseArgs(['--port', '7']), {
			port: 7,
			rateLimit: { limit: 60, intervalSeconds: 10, retryAfter: true },
		});
		assert.deepEqual(cli.parseArgs(['--rate-limit', '0']), { rateLimit: false });
		assert.deepEqual(cli.parseArgs(['-h']), { help: true });
		assert.throws(() => cli.parseArgs(['--port', 'x']), CliError);
	});

	it('run starts with the options, prints one JSON line and stops on SIGTERM', async () => {
		let started;
		let closed = 0;
		const start = async (options) => {
			started = options;
			return {
				url: 'http://127.0.0.1:9',
				apiBase: 'http://127.0.0.1:9/api',
				token: 't',
				close: async () => {
					closed += 1;
				},
			};
		};
		const describe = (handle) => ({ ...describeSandbox(handle), token: handle.token });
		const cli = sandboxCli({ name: 'demo', table, defaults, start, describe });

		const signals = ['SIGINT', 'SIGTERM'];
		const before = Object.fromEntries(signals.map((s) => [s, process.listeners(s)]));
		const written = [];
		const write = process.stdout.write;
		const exit = process.exit;
		let exitCode;
		let exited;
		const exitedOnce = new Promise((resolve) => (exited = resolve));
		process.stdout.write = (chunk) => written.push(String(chunk));
		process.exit = (code) => {
			exitCode = code;
			exited();
		};
		try {
			const handle = await cli.run(['--port', '9', '--rate-limit', '3']);
			assert.deepEqual(started, {
				port: 9,
				rateLimit: { limit: 3, intervalSeconds: 10, retryAfter: true },
			});
			assert.equal(handle.token, 't');
			assert.deepEqual(written, [
				'{"url":"http://127.0.0.1:9","apiBase":"http://127.0.0.1:9/api","tokenUrl":"","token":"t"}\n',
			]);
			const added = process.listeners('SIGTERM').filter((l) => !before.SIGTERM.includes(l));
			assert.equal(added.length, 1);
			added[0]('SIGTERM');
			await exitedOnce;
			assert.equal(closed, 1);
			assert.equal(exitCode, 0);
		} finally {
			process.stdout.write = write;
			process.exit = exit;
			for (const s of signals)
				for (const l of process.listeners(s)) if (!before[s].includes(l)) process.off(s, l);
		}
	});
});
