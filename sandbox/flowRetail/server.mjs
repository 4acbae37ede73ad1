// Flow Retail API v2 sandbox: a stateful, seeded fake of the customer API of seed 004 and the
// resources around it, on the shared sandbox server. Library: `await startFlowRetailSandbox(options)`.
// CLI: `node sandbox/flowRetail/server.mjs --port 4300` (`--help` lists the options).
import { commonFlags, describeSandbox, isMain, sandboxCli } from '../shared/cli.mjs';
import { ApiError } from '../shared/errors.mjs';
import { withLocalTimes } from '../shared/localTimes.mjs';
import { Router } from '../shared/router.mjs';
import { resolveOptions, sandboxHandle, startSandboxServer } from '../shared/server.mjs';
import { withFutureCustomers } from '../shared/futureDated.mjs';
import { customerChanges } from '../shared/changes.mjs';
import { newCustomer, seedState } from './data.mjs';
import { emitEvent, flowDeliverer } from './delivery.mjs';
import { deliveryControl } from '../shared/webhooks.mjs';
import * as customers from './routes/customers.mjs';
import * as related from './routes/related.mjs';
import { readingsOf, unknownsFlags } from './unknowns.mjs';
import { errorBody, paramErrors } from './validate.mjs';

export const DEFAULTS = Object.freeze({
	port: 0,
	host: '127.0.0.1',
	seed: 1,
	customers: 25,
	tenantUid: 'sandbox-tenant',
	token: 'flow-sandbox-integration-token',
	// No limit is documented; the sandbox answers 429 with Retry-After past it.
	rateLimit: { limit: 600, intervalSeconds: 60, retryAfter: true },
	latencyMs: 0,
	maxPageSize: 1000,
	maxBatchSize: 100,
	// The tenant's extensions EXTERNAL_CUSTOMER_SEARCH and B2B, and the integration user's
	// permissions.
	externalCustomerSearch: true,
	b2b: false,
	backoffice: true,
	tenantAdmin: true,
	webhookTimeoutMs: 10_000,
	webhookBackoffMs: 1000,
	// The tenant's zone (its `timezone`), and whether times are sent in it without an offset.
	timezone: 'Europe/Oslo',
	localTimes: false,
	// The readings of what the documents leave open (unknowns.mjs): a mode, and per behaviour.
	vendorUnknowns: 'lenient',
	unknowns: {},
});

/** The record times the API sends; in the local-times mode they leave without an offset. */
const TIME_KEYS = ['createdAt', 'lastModifiedAt'];

function buildRouter(options) {
	const router = new Router();
	customers.register(router);
	related.register(router);
	if (options.localTimes) {
		const local = (answer) =>
			answer?.body && typeof answer.body === 'object'
				? { ...answer, body: withLocalTimes(answer.body, options.timezone, TIME_KEYS) }
				: answer;
		for (const route of router.routes) {
			const handler = route.handler;
			route.handler = (ctx) => {
				const answer = handler(ctx);
				return answer instanceof Promise ? answer.then(local) : local(answer);
			};
		}
	}
	return router;
}

/** Integration token as Bearer; the token opens one tenant only. */
function authenticate(options) {
	return ({ headers, match }) => {
		const auth = headers.authorization ?? '';
		const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
		if (!token || token !== options.token)
			throw new ApiError(401, 'Unauthorized', 'Missing or invalid integration token.');
		const tenantUid = match?.params?.tenantUid;
		if (tenantUid !== undefined && tenantUid !== options.tenantUid)
			throw new ApiError(403, 'Forbidden', `The token has no access to tenant ${tenantUid}.`);
		return undefined;
	};
}

function summary(state) {
	return {
		customers: state.customers.length,
		contacts: state.customers.reduce((n, c) => n + c.contacts.length, 0),
		addresses: state.customers.reduce((n, c) => n + c.addresses.length, 0),
		groups: state.groups.length,
		pricelists: state.pricelists.length,
		prices: state.prices.length,
		transports: state.transports.length,
	};
}

export async function startFlowRetailSandbox(userOptions = {}) {
	const options = resolveOptions(DEFAULTS, userOptions);
	options.readings = readingsOf(options.vendorUnknowns, options.unknowns);
	// A zone the runtime does not know fails here, not on the first request.
	new Intl.DateTimeFormat('en-US', { timeZone: options.timezone });
	const deliverer = flowDeliverer(options);
	const sb = await startSandboxServer({
		options,
		seed: withFutureCustomers(seedState, { created: 'createdAt', changed: 'lastModifiedAt' }),
		api: {
			prefix: '/v2',
			router: buildRouter(options),
			context: ({ state }) => ({
				emit: (action, entity) => emitEvent(state, deliverer, options, action, entity),
			}),
			authenticate: authenticate(options),
			rateKey: ({ method, match, apiPath }) => `${method} ${match?.route?.template ?? apiPath}`,
			checkParams: paramErrors,
		},
		errorBody,
		summary,
		control: {
			...deliveryControl(deliverer),
			// POST /__sandbox/changes: many customers created and changed at once (no deliveries).
			...customerChanges({
				list: (state) => state.customers,
				keyOf: (customer) => customer.customerUid,
				changed: 'lastModifiedAt',
				make: newCustomer,
				touch: (customer, n) => {
					customer.internalNote = `Change ${n}`;
				},
			}),
			'GET transports': (_parsed, sandbox) => ({ status: 200, body: sandbox.state.transports }),
		},
		onReset: () => deliverer.reset(),
	});

	return {
		...sandboxHandle(sb, options),
		apiBase: `${sb.url}/v2`,
		credentials: { tenantUid: options.tenantUid, token: options.token },
		emit: (action, entity) => emitEvent(sb.state, deliverer, options, action, entity),
		deliveries: deliverer.deliveries,
		settleDeliveries: async () => {
			await deliverer.settled();
			return deliverer.deliveries();
		},
	};
}

// ---- CLI -------------------------------------------------------------------------------------

export const CLI_OPTIONS = {
	...commonFlags('port', 'host', 'seed', 'customers', 'future-customers'),
	'tenant-uid': { type: 'string', key: 'tenantUid', help: 'the one tenant the token opens' },
	token: { type: 'string', key: 'token', help: 'the accepted integration token' },
	...commonFlags('latency', 'max-page-size'),
	'max-batch-size': {
		type: 'number',
		key: 'maxBatchSize',
		integer: true,
		min: 1,
		help: 'largest batch',
	},
	...commonFlags('rate-limit', 'rate-interval'),
	'no-external-search': {
		type: 'flag',
		key: 'externalCustomerSearch',
		value: false,
		help: 'the tenant lacks EXTERNAL_CUSTOMER_SEARCH (403)',
	},
	b2b: {
		type: 'flag',
		key: 'b2b',
		help: 'the tenant has the B2B extension (without it, B2B customers are refused)',
	},
	'no-backoffice': {
		type: 'flag',
		key: 'backoffice',
		value: false,
		help: 'customer delete answers 403',
	},
	'no-tenant-admin': {
		type: 'flag',
		key: 'tenantAdmin',
		value: false,
		help: 'HTTP transports answer 403',
	},
	'webhook-backoff': {
		type: 'number',
		key: 'webhookBackoffMs',
		min: 0,
		help: 'first delivery retry wait (ms)',
	},
	'webhook-timeout': {
		type: 'number',
		key: 'webhookTimeoutMs',
		min: 1,
		help: 'delivery timeout (ms)',
	},
	timezone: { type: 'string', key: 'timezone', help: "the tenant's time zone (IANA)" },
	'local-times': {
		type: 'flag',
		key: 'localTimes',
		help: "send createdAt and lastModifiedAt without an offset, in the tenant's zone",
	},
	...unknownsFlags(),
};

const cli = sandboxCli({
	name: 'flow-retail-sandbox',
	table: CLI_OPTIONS,
	defaults: DEFAULTS,
	start: startFlowRetailSandbox,
	// The tenant and token beside the addresses, for a credential.
	describe: (handle) => ({ ...describeSandbox(handle), ...handle.credentials }),
});

/** Options from argv (throws CliError on a bad flag; `--help` gives { help: true }). */
export function parseCliArgs(argv) {
	return cli.parseArgs(argv);
}

if (isMain(import.meta.url)) await cli.run();
