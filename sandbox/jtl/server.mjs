// JTL Cloud ERP API sandbox: a stateful, seeded fake of the vendor API (never published), on the
// shared sandbox server. Library: `await startJtlSandbox(options)`.
// CLI: `node sandbox/jtl/server.mjs --port 4100` (`--help` lists the options).
import { commonFlags, isMain, sandboxCli } from '../shared/cli.mjs';
import { Router } from '../shared/router.mjs';
import { resolveOptions, sandboxHandle, startSandboxServer } from '../shared/server.mjs';
import { isUuid, parseInt32 } from '../shared/values.mjs';
import { authenticate, issueToken, maskTokenBody, tokenResponse } from './auth.mjs';
import { withFutureCustomers } from '../shared/futureDated.mjs';
import { newCustomer, seedState } from './data.mjs';
import { customerChanges } from '../shared/changes.mjs';
import { DEFAULT_READINGS, READING_FLAGS, readingsOf } from './readings.mjs';
import * as contacts from './routes/contacts.mjs';
import * as customersV1 from './routes/customers-v1.mjs';
import * as customersV2 from './routes/customers-v2.mjs';
import * as prices from './routes/prices.mjs';
import * as reference from './routes/reference.mjs';
import { errorBody } from './validate.mjs';

export const DEFAULTS = Object.freeze({
	port: 0,
	host: '127.0.0.1',
	seed: 1,
	customers: 25,
	items: 10,
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	tenantId: '6c9f3d0e-2b1a-4c8e-9f7d-5a4b3c2d1e0f',
	tokenTtlSeconds: 3600,
	rateLimit: { limit: 60, intervalSeconds: 10, retryAfter: true },
	latencyMs: 0,
	requireAppHeaders: true,
	maxPageSize: 100,
	// An older JTL-Wawi (Cloud ERP API 2.0/2.1) without GET /v2/customers: that call answers 404.
	withoutV2CustomerList: false,
	// What no JTL document decides: one switch per behaviour (readings.mjs).
	...DEFAULT_READINGS,
});

/** A fresh state with the readings it renders by. */
function seedWithReadings(options) {
	return { ...seedState(options), readings: readingsOf(options) };
}

function buildRouter() {
	const router = new Router();
	for (const module of [reference, customersV1, customersV2, contacts, prices])
		module.register(router);
	for (const route of router.routes)
		route.surface = route.template.startsWith('/v2/') ? 'v2' : 'v1';
	return router;
}

/** '/erp/v1/customers' and '/erp/customers' share one handler; returns the path below /erp. */
function apiPathOf(pathname) {
	let path = pathname.slice('/erp'.length).replace(/\/+$/, '') || '/';
	if (/^\/v1(\/|$)/i.test(path) && !/^\/v1\/v2(\/|$)/i.test(path)) path = path.slice(3) || '/';
	return path;
}

/** Path parameters: int32 on v1 routes, UUID on v2 routes. */
function paramErrors({ route, params }) {
	const errors = {};
	for (const [name, value] of Object.entries(params)) {
		if (route.surface === 'v1' && parseInt32(value) === undefined) {
			errors[name] = `The value '${value}' is not valid for ${name}: expected an int32.`;
		} else if (route.surface === 'v2' && !isUuid(value)) {
			errors[name] = `The value '${value}' is not valid for ${name}: expected a UUID.`;
		}
	}
	return errors;
}

/** Counters for GET /__sandbox/state (beside the shared seed, clock, requests and faults). */
function summary(state, nowMs) {
	return {
		tokensIssued: state.tokensIssued,
		activeTokens: [...state.tokens.values()].filter((exp) => exp > nowMs).length,
		customers: state.customers.length,
		contacts: state.contacts.length,
		prices: state.prices.length,
		items: state.items.length,
	};
}

export async function startJtlSandbox(userOptions = {}) {
	const options = resolveOptions(DEFAULTS, userOptions);
	readingsOf(options); // an unknown time zone fails here, before the server listens
	const sb = await startSandboxServer({
		options,
		seed: withFutureCustomers(seedWithReadings, { created: 'createdAt', changed: 'lastChanged' }),
		api: {
			prefix: '/erp',
			router: buildRouter(),
			pathOf: apiPathOf,
			context: ({ apiPath }) => ({ surface: /^\/v2(\/|$)/i.test(apiPath) ? 'v2' : 'v1' }),
			authenticate,
			// A fixed window per tenant and endpoint: method and route template, or the route
			// template alone (--rate-limit-per-path; JTL does not say which an endpoint is).
			rateKey: ({ headers, method, match, apiPath }) =>
				`${headers['x-tenant-id'] ?? '-'}|${options.rateLimitPerPath ? '*' : method} ${match?.route?.template ?? apiPath}`,
			checkParams: paramErrors,
		},
		endpoints: {
			'/oauth2/token': {
				maskBody: maskTokenBody,
				handle: ({ method, headers, parsed, state, now }) =>
					tokenResponse({ method, headers, parsed, state, options, nowMs: now() }),
			},
		},
		errorBody,
		summary,
		// POST /__sandbox/changes: many customers created and changed at once (shared/changes.mjs).
		control: customerChanges({
			list: (state) => state.customers,
			keyOf: (customer) => customer.uuid,
			changed: 'lastChanged',
			make: newCustomer,
			touch: (customer, n) => {
				customer.website = `https://change-${n}.customer-${customer.id}.example`;
			},
		}),
	});

	return {
		...sandboxHandle(sb, options),
		apiBase: `${sb.url}/erp`,
		tokenUrl: `${sb.url}/oauth2/token`,
		credentials: {
			clientId: options.clientId,
			clientSecret: options.clientSecret,
			tenantId: options.tenantId,
		},
		issueToken: () => issueToken(sb.state, options, sb.now()),
	};
}

// ---- CLI -------------------------------------------------------------------------------------

export const CLI_OPTIONS = {
	...commonFlags('port', 'host', 'seed', 'customers', 'future-customers'),
	items: { type: 'number', key: 'items', integer: true, min: 0, help: 'seeded items' },
	'client-id': { type: 'string', key: 'clientId', help: 'OAuth2 client id' },
	'client-secret': { type: 'string', key: 'clientSecret', help: 'OAuth2 client secret' },
	'tenant-id': { type: 'string', key: 'tenantId', help: 'the accepted X-Tenant-ID' },
	'token-ttl': { type: 'number', key: 'tokenTtlSeconds', help: 'token lifetime in seconds' },
	...commonFlags('latency', 'max-page-size', 'rate-limit', 'rate-interval'),
	'no-retry-after': {
		type: 'flag',
		key: 'rateLimit.retryAfter',
		value: false,
		help: 'answer 429 without Retry-After',
	},
	'without-v2-customer-list': {
		type: 'flag',
		key: 'withoutV2CustomerList',
		value: true,
		help: 'act as a JTL-Wawi older than 2.2: GET /v2/customers answers 404',
	},
	'no-app-headers': {
		type: 'flag',
		key: 'requireAppHeaders',
		value: false,
		help: 'do not require x-appid / x-appversion',
	},
	...READING_FLAGS,
};

const cli = sandboxCli({
	name: 'jtl-sandbox',
	table: CLI_OPTIONS,
	defaults: DEFAULTS,
	start: startJtlSandbox,
});

/** Options from argv (throws CliError on a bad flag; `--help` gives { help: true }). */
export function parseCliArgs(argv) {
	return cli.parseArgs(argv);
}

if (isMain(import.meta.url)) await cli.run();
