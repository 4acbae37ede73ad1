// CLI helper: parseArgs table, number checks, nested keys, flags, usage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CliError, parseCli, usage } from './cli.mjs';

const TABLE = {
	port: { type: 'number', key: 'port', integer: true, min: 0, max: 65535, help: 'port' },
	host: { type: 'string', key: 'host', help: 'host' },
	latency: { type: 'number', key: 'latencyMs', min: 0 },
	'rate-limit': { type: 'number', key: 'rateLimit.limit' },
	'no-retry-after': { type: 'flag', key: 'rateLimit.retryAfter', value: false, help: 'no header' },
	verbose: { type: 'flag', key: 'verbose' },
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
		assert.match(text, /--help +this text/);
	});
});
