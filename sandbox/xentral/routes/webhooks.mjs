// Reference lists (payment methods) and webhooks: registration (`/api/v1/webhooks`), the event
// type list, and signed deliveries of sales-price events to every webhook that asked for them.
import { ApiError } from '../../shared/errors.mjs';
import { created, findById, noContent, validBody } from '../helpers.mjs';
import { listAnswer, parseListQuery } from '../query.mjs';
import { webhookCreate, webhookUpdate } from '../schemas.mjs';
import { EVENT_TYPES } from '../data.mjs';

const PAYMENT_SPEC = {
	filterKeys: ['search', 'id', 'type', 'project'],
	ops: [
		'equals',
		'notEquals',
		'in',
		'notIn',
		'contains',
		'notContains',
		'startsWith',
		'endsWith',
		'greaterThan',
		'lessThan',
	],
	orderFields: ['id', 'type', 'project'],
};

function paymentValue(method, key) {
	if (key === 'search') return `${method.designation} ${method.type}`;
	if (key === 'project') return method.project?.id;
	return method[key];
}

/**
 * HTTPS only, as Xentral requires; plain http is accepted for localhost and 127.0.0.1 so that a
 * local n8n can be registered [assumption: for testing].
 */
function checkUrl(url) {
	const parsed = new URL(url);
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
	if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:'))
		throw new ApiError(400, 'request-validation', 'Request payload validation failed.', {
			url: ['The webhook URL must use https.'],
		});
}

function checkEvents(events) {
	const known = new Set(EVENT_TYPES.map((e) => e.id));
	const bad = events.filter((e) => !known.has(e.id));
	if (bad.length)
		throw new ApiError(400, 'request-validation', 'Request payload validation failed.', {
			events: [`Unknown event type: ${bad.map((e) => e.id).join(', ')}.`],
		});
}

const view = ({ id, name, url, events }) => ({ id, name, url, events: structuredClone(events) });

export function register(router) {
	router.add('GET', '/v1/paymentMethods', ({ state, query, options }) => {
		const parsed = parseListQuery(query, PAYMENT_SPEC);
		return {
			status: 200,
			body: listAnswer(state.paymentMethods, parsed, paymentValue, options.readings),
		};
	});

	router.add('GET', '/v1/webhookEventTypes', ({ query }) => {
		const version = query.get('xentralVersion') ?? 'latest';
		if (version !== 'latest' && !/^\d+\.\d+(\.\d+)?$/.test(version))
			throw new ApiError(400, 'generic-validation', `Unknown Xentral version ${version}.`);
		return { status: 200, body: { data: EVENT_TYPES } };
	});

	router.add('GET', '/v1/webhooks', ({ state }) => ({
		status: 200,
		body: { data: state.webhooks.map(view) },
	}));

	router.add(
		'POST',
		'/v1/webhooks',
		({ state, body, headers }) => {
			const data = validBody(webhookCreate, body);
			checkUrl(data.url);
			checkEvents(data.events);
			const id = String(++state.nextIds.webhook);
			state.webhooks.push({ id, ...data });
			return created(headers, `/api/v1/webhooks/${id}`);
		},
		{ body: true },
	);

	router.add('GET', '/v1/webhooks/:id', ({ state, params }) => ({
		status: 200,
		body: { data: view(findById(state.webhooks, params.id)) },
	}));

	router.add(
		'PATCH',
		'/v1/webhooks/:id',
		({ state, params, body }) => {
			const hook = findById(state.webhooks, params.id);
			const data = validBody(webhookUpdate, body);
			checkUrl(data.url);
			checkEvents(data.events);
			Object.assign(hook, data);
			return noContent();
		},
		{ body: true },
	);

	router.add('DELETE', '/v1/webhooks/:id', ({ state, params }) => {
		const hook = findById(state.webhooks, params.id);
		state.webhooks.splice(state.webhooks.indexOf(hook), 1);
		return noContent();
	});
}
