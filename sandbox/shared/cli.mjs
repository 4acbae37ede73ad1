// Command line of a sandbox, on node:util parseArgs. A vendor declares its options table,
//   { 'flag-name': { type: 'string' | 'number' | 'flag', key: 'rateLimit.limit', help, integer?,
//                    min?, max?, value? (what a flag sets, default true), choices? (the only
//                    values a string may take) } },
// and gets --help, number checks and the run loop (print one JSON line, stop on SIGINT/SIGTERM).
// The flags every sandbox has come from `commonFlags`; `sandboxCli` wires a vendor's table, defaults
// and start function into its `parseCliArgs` and its run loop.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export class CliError extends Error {}

function setPath(target, path, value) {
	const keys = path.split('.');
	const last = keys.pop();
	let node = target;
	for (const key of keys) node = node[key] ??= {};
	node[last] = value;
}

const getPath = (source, path) => path.split('.').reduce((node, key) => node?.[key], source);

function toNumber(flag, spec, text) {
	const n = Number(text);
	const kind = spec.integer ? 'an integer' : 'a number';
	if (text.trim() === '' || !Number.isFinite(n) || (spec.integer && !Number.isInteger(n)))
		throw new CliError(`--${flag} needs ${kind}, got '${text}'`);
	if (spec.min !== undefined && n < spec.min)
		throw new CliError(`--${flag} must be >= ${spec.min}, got ${n}`);
	if (spec.max !== undefined && n > spec.max)
		throw new CliError(`--${flag} must be <= ${spec.max}, got ${n}`);
	return n;
}

/**
 * Parse argv against the table. Returns { help: true } for --help/-h, else { options } with only
 * the given flags set (nested by `key`). Throws CliError with a readable message.
 */
export function parseCli(argv, table) {
	const config = { help: { type: 'boolean', short: 'h' } };
	for (const [flag, spec] of Object.entries(table))
		config[flag] = { type: spec.type === 'flag' ? 'boolean' : 'string' };
	let values;
	try {
		({ values } = parseArgs({ args: argv, options: config, strict: true }));
	} catch (err) {
		throw new CliError(err.message);
	}
	if (values.help) return { help: true };
	const options = {};
	for (const [flag, spec] of Object.entries(table)) {
		if (values[flag] === undefined) continue;
		let value = values[flag];
		if (spec.type === 'number') value = toNumber(flag, spec, value);
		if (spec.choices && !spec.choices.includes(value))
			throw new CliError(`--${flag} must be one of ${spec.choices.join(', ')}, got '${value}'`);
		if (spec.type === 'flag') value = spec.value ?? true;
		setPath(options, spec.key, value);
	}
	return { options };
}

/** Usage text: one line per flag with its help and the default taken from `defaults`. */
export function usage(name, table, defaults = {}) {
	const rows = Object.entries(table).map(([flag, spec]) => {
		const kind = spec.choices ? spec.choices.join('|') : spec.type;
		const left = spec.type === 'flag' ? `--${flag}` : `--${flag} <${kind}>`;
		const fallback = spec.type === 'flag' ? undefined : getPath(defaults, spec.key);
		const suffix = fallback === undefined ? '' : ` (default: ${fallback})`;
		return [left, `${spec.help ?? ''}${suffix}`];
	});
	const width = Math.max(...rows.map(([left]) => left.length)) + 2;
	const lines = rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
	return `Usage: ${name} [options]\n\nOptions:\n${lines.join('\n')}\n  ${'--help'.padEnd(width)}this text\n`;
}

/** True when the module at `importMetaUrl` is the script node was started with. */
export function isMain(importMetaUrl) {
	if (!process.argv[1]) return false;
	try {
		return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(importMetaUrl));
	} catch {
		return false;
	}
}

/**
 * The CLI of a sandbox: parse (exit 2 with a message on bad flags, usage on --help), start, print
 * `describe(handle)` as one JSON line, close on SIGINT/SIGTERM.
 * @param toOptions (parsed flags) => options for start
 */
export async function runCli({
	name,
	table,
	defaults,
	argv = process.argv.slice(2),
	toOptions,
	start,
	describe,
}) {
	let parsed;
	try {
		parsed = parseCli(argv, table);
	} catch (err) {
		if (!(err instanceof CliError)) throw err;
		process.stderr.write(`${name}: ${err.message}\nRun with --help for the options.\n`);
		process.exit(2);
	}
	if (parsed.help) {
		process.stdout.write(usage(name, table, defaults));
		process.exit(0);
	}
	const handle = await start(toOptions ? toOptions(parsed.options) : parsed.options);
	process.stdout.write(`${JSON.stringify(describe(handle))}\n`);
	const stop = () => handle.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	return handle;
}

/** Freezes a table and each of its specs, so a vendor cannot change a shared flag by accident. */
const freezeTable = (table) => {
	for (const spec of Object.values(table)) Object.freeze(spec);
	return Object.freeze(table);
};

/** Flags with the same meaning in every sandbox; `commonFlags` picks them by name. */
const COMMON_FLAGS = freezeTable({
	port: {
		type: 'number',
		key: 'port',
		integer: true,
		min: 0,
		max: 65535,
		help: '0 picks a free port',
	},
	host: { type: 'string', key: 'host', help: 'address to listen on' },
	seed: { type: 'number', key: 'seed', integer: true, help: 'seed of the generated data' },
	customers: { type: 'number', key: 'customers', integer: true, min: 0, help: 'seeded customers' },
	'future-customers': {
		type: 'number',
		key: 'futureCustomers',
		integer: true,
		min: 0,
		help: 'date the last n seeded customers ahead of the clock (one an hour from now, changed 30 min later)',
	},
	latency: { type: 'number', key: 'latencyMs', min: 0, help: 'delay before each API answer (ms)' },
	'max-page-size': {
		type: 'number',
		key: 'maxPageSize',
		integer: true,
		min: 1,
		help: 'largest pageSize',
	},
	'rate-limit': {
		type: 'number',
		key: 'rateLimit.limit',
		help: 'requests per window; 0 turns it off',
	},
	'rate-interval': { type: 'number', key: 'rateLimit.intervalSeconds', help: 'window length (s)' },
});

/**
 * Table entries of the shared flags, in the order given, for spreading into a vendor's table
 * (the order of the table is the order of --help). Throws on a name that is not a shared flag.
 */
export function commonFlags(...names) {
	const picked = {};
	for (const name of names) {
		if (!Object.hasOwn(COMMON_FLAGS, name)) throw new Error(`No common sandbox flag --${name}`);
		picked[name] = COMMON_FLAGS[name];
	}
	return picked;
}

/**
 * Sandbox options from the parsed flags: the rate-limit flags are laid over `defaults.rateLimit`,
 * and a limit of 0 (`--rate-limit 0`) turns rate limiting off (`rateLimit: false`).
 */
export function flagsToOptions(flags, defaults) {
	const rateLimit = { ...defaults.rateLimit, ...flags.rateLimit };
	return { ...flags, rateLimit: rateLimit.limit > 0 ? rateLimit : false };
}

/** The first line a sandbox prints: its url, apiBase and tokenUrl ('' when it has no token URL). */
export const describeSandbox = ({ url, apiBase, tokenUrl = '' }) => ({ url, apiBase, tokenUrl });

/**
 * The CLI of a vendor sandbox.
 * @param name      program name in messages and usage
 * @param table     options table (see the top of this file)
 * @param defaults  the vendor's defaults: shown by --help, the base of the rate limit
 * @param start     (options) => handle with close()
 * @param describe  (handle) => the JSON line printed once listening; default `describeSandbox`
 * @returns { parseArgs(argv) => options, or { help: true } (throws CliError on a bad flag),
 *            run(argv?) => handle, see runCli }
 */
export function sandboxCli({ name, table, defaults, start, describe = describeSandbox }) {
	const toOptions = (flags) => flagsToOptions(flags, defaults);
	return {
		parseArgs(argv) {
			const parsed = parseCli(argv, table);
			return parsed.help ? parsed : toOptions(parsed.options);
		},
		run: (argv) => runCli({ name, table, defaults, argv, toOptions, start, describe }),
	};
}
