// Xentral ERP API sandbox: a stateful, seeded fake of the v1/v2 REST API (customers, addresses,
// contact persons, sales prices, payment methods, webhooks) on the shared sandbox server.
// Library: `await startXentralSandbox(options)`.
// CLI: `node sandbox/xentral/server.mjs --port 4200` (`--help` lists the options).
import { commonFlags, isMain, sandboxCli } from '../shared/cli.mjs';
import { ApiError } from '../shared/errors.mjs';
import { Router } from '../shared/router.mjs';
import { resolveOptions, sandboxHandle, startSandboxServer } from '../shared/server.mjs';
import { withFutureCustomers } from '../shared/futureDated.mjs';
import { customerChanges } from '../shared/changes.mjs';
import { newCustomer, seedState } from './data.mjs';
import { createAnnouncer } from './deliveries.mjs';
import { deliveryControl } from '../shared/webhooks.mjs';
import { errorBody, errorHeaders } from './problems.mjs';
import * as addresses from './routes/addresses.mjs';
import * as contactPersons from './routes/contactPersons.mjs';
import * as customers from './routes/customers.mjs';
import * as customersV3 from './routes/customersV3.mjs';
import * as referenceData from './routes/referenceData.mjs';
import * as salesPrices from './routes/salesPrices.mjs';
import * as webhooks from './routes/webhooks.mjs';

/**
 * The readings of what Xentral's documents leave open, each a switch (CLI flag, or
 * `POST /__sandbox/readings` with some of them), so that the node is tested under each:
 * - project: `required`: a new customer needs `project.id`, as the v2 guide says; `optional`: it
 *   may be left out (the schema lists no required field).
 * - filterCase: `sensitive`: list filters compare text with its case (`equals` on `Info@x.de`
 *   misses `info@x.de`); `insensitive`: case is ignored, as a MySQL default collation does.
 * - viewAddress: `without`: the v2 customer view and list carry only the fields of the customer
 *   model; `with`: they embed the master-data address as `address` (seed 003 does not describe it).
 * - times: `offset`: creation and change times carry their offset (`Z`); `offsetless`: the v2
 *   customer's times are Xentral's wall-clock time in Europe/Berlin without an offset
 *   (`2026-01-01 01:00:00`), as several Xentral endpoints document them.
 */
export const STRICT_READINGS = Object.freeze({
	project: 'required',
	filterCase: 'sensitive',
	viewAddress: 'without',
	times: 'offset',
});
const READING_VALUES = {
	project: ['required', 'optional'],
	filterCase: ['sensitive', 'insensitive'],
	viewAddress: ['without', 'with'],
	times: ['offset', 'offsetless'],
};

/** Readings over the current ones, or an Error naming the bad key or value. */
export function checkReadings(current, change) {
	if (!change || typeof change !== 'object' || Array.isArray(change))
		return new Error('readings must be a JSON object such as {"filterCase": "insensitive"}');
	for (const [key, value] of Object.entries(change)) {
		if (!Object.hasOwn(READING_VALUES, key))
			return new Error(`unknown reading ${key}; known: ${Object.keys(READING_VALUES).join(', ')}`);
		if (!READING_VALUES[key].includes(value))
			return new Error(`reading ${key} must be one of ${READING_VALUES[key].join(', ')}`);
	}
	return { ...current, ...change };
}

export const DEFAULTS = Object.freeze({
	port: 0,
	host: '127.0.0.1',
	seed: 1,
	customers: 25,
	token: 'sandbox-personal-access-token',
	// Tokens that were valid once: expired or revoked, they get the same 401 as any other.
	expiredTokens: ['sandbox-expired-token'],
	// 100 requests per minute per instance, as documented.
	rateLimit: { limit: 100, intervalSeconds: 60, retryAfter: true },
	latencyMs: 0,
	deliveryRetries: 3,
	// The instance's feature flag `api-v3-customers`: without it the v3 customer list answers 404.
	v3Customers: true,
	// Behaviours no Xentral document decides, one switch each; the defaults are the strict reading.
	readings: Object.freeze({ ...STRICT_READINGS }),
});

// Xentral sends Limit and Remaining, and on a 429 Retry-After and X-RateLimit-Reset.
const RATE_LIMIT_HEADERS = Object.freeze({ intervalHeader: false, resetOnLimit: true });

function buildRouter(announce) {
	const router = new Router();
	for (const module of [
		customers,
		customersV3,
		addresses,
		contactPersons,
		salesPrices,
		referenceData,
		webhooks,
	])
		module.register(router, { announce });
	return router;
}

/** Bearer PAT only; anything else is a text/html 401, as the spec declares. */
function authenticate({ headers, options }) {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
	if (match && match[1] === options.token) return undefined;
	return {
		status: 401,
		headers: { 'Content-Type': 'text/html; charset=utf-8' },
		body: '<html><body><h1>401 Unauthorized</h1></body></html>',
	};
}

/** IDs in paths are strings of digits; an address ID may also be `masterdata`/`billingaddress`. */
function paramErrors({ route, params }) {
	const errors = {};
	for (const [name, value] of Object.entries(params)) {
		if (route.template.includes('/addresses/') && name === 'id') continue;
		if (!/^\d{1,18}$/.test(value)) errors[name] = ['This value should be a numeric ID.'];
	}
	return errors;
}

function summary(state) {
	return {
		customers: state.customers.length,
		contactPersons: state.contactPersons.length,
		salesPrices: state.salesPrices.length,
		webhooks: state.webhooks.length,
	};
}

export async function startXentralSandbox(userOptions = {}) {
	const options = resolveOptions(DEFAULTS, userOptions, RATE_LIMIT_HEADERS);
	const readings = checkReadings(STRICT_READINGS, userOptions.readings ?? {});
	if (readings instanceof Error) throw readings;
	const startReadings = Object.freeze(readings);
	options.readings = { ...startReadings };
	const { deliverer, announce } = createAnnouncer({ retries: options.deliveryRetries });
	const sb = await startSandboxServer({
		options,
		seed: withFutureCustomers(seedState, { created: 'createdAt', changed: 'updatedAt' }),
		api: {
			prefix: '/api',
			router: buildRouter(announce),
			authenticate,
			// One window per instance: every endpoint counts against the same 100 per minute.
			rateKey: () => 'instance',
			checkParams: paramErrors,
			rateLimitError: () => new ApiError(429, 'TooManyRequests', 'Too many API calls made'),
		},
		errorBody,
		errorHeaders,
		summary,
		control: {
			...deliveryControl(deliverer),
			// POST /__sandbox/changes: many customers created and changed at once.
			...customerChanges({
				list: (state) => state.customers,
				keyOf: (customer) => customer.id,
				changed: 'updatedAt',
				make: newCustomer,
				touch: (customer, n) => {
					customer.contactDetails.website = `https://change-${n}.customer-${customer.id}.example`;
				},
			}),
			'GET webhooks': (_parsed, sandbox) => ({ status: 200, body: sandbox.state.webhooks }),
			'GET readings': () => ({ status: 200, body: options.readings }),
			'POST readings': (parsed) => {
				const next = checkReadings(options.readings, parsed.kind === 'json' ? parsed.value : null);
				if (next instanceof Error) return { status: 400, body: { error: next.message } };
				options.readings = next;
				return { status: 200, body: next };
			},
		},
		// A reset also puts the readings back to those the sandbox started with.
		onReset: () => {
			deliverer.reset();
			options.readings = { ...startReadings };
		},
	});

	return {
		...sandboxHandle(sb, options),
		apiBase: sb.url,
		credentials: { instance: sb.url, token: options.token },
		deliveries: () => deliverer.deliveries(),
		deliveriesSettled: () => deliverer.settled(),
	};
}

// ---- CLI -------------------------------------------------------------------------------------

export const CLI_OPTIONS = {
	...commonFlags('port', 'host', 'seed', 'customers', 'future-customers'),
	token: { type: 'string', key: 'token', help: 'the accepted personal access token' },
	...commonFlags('latency', 'rate-limit', 'rate-interval'),
	'without-v3-customers': {
		type: 'flag',
		key: 'v3Customers',
		value: false,
		help: 'act as an instance without the api-v3-customers flag: the v3 list answers 404',
	},
	'project-optional': {
		type: 'flag',
		key: 'readings.project',
		value: 'optional',
		help: 'accept a new customer without project.id (default: required, as the v2 guide says)',
	},
	'case-insensitive-filters': {
		type: 'flag',
		key: 'readings.filterCase',
		value: 'insensitive',
		help: 'list filters ignore the case of text (default: case-sensitive)',
	},
	'view-address': {
		type: 'flag',
		key: 'readings.viewAddress',
		value: 'with',
		help: 'embed the master-data address as `address` in the v2 customer view and list',
	},
	'offsetless-times': {
		type: 'flag',
		key: 'readings.times',
		value: 'offsetless',
		help: "send the v2 customers' createdAt/updatedAt as Europe/Berlin wall-clock times without an offset",
	},
	'delivery-retries': {
		type: 'number',
		key: 'deliveryRetries',
		integer: true,
		min: 0,
		help: 'webhook delivery retries after a failed attempt',
	},
};

const cli = sandboxCli({
	name: 'xentral-sandbox',
	table: CLI_OPTIONS,
	defaults: DEFAULTS,
	start: startXentralSandbox,
});

/** Options from argv (throws CliError on a bad flag; `--help` gives { help: true }). */
export function parseCliArgs(argv) {
	return cli.parseArgs(argv);
}

if (isMain(import.meta.url)) await cli.run();
