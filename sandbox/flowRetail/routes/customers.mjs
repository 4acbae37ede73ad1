// Customers: the twelve operations of the seed, under /tenants/:tenantUid.
import { ApiError, notFound, throwIfErrors } from '../../shared/errors.mjs';
import { array, object, optional, t } from '../../shared/zod.mjs';
import { hasExtension } from '../data.mjs';
import { numericId } from '../delivery.mjs';
import {
	CREATE_SCHEMA,
	DELETE_SCHEMA,
	KEYED_SCHEMA,
	UPDATE_SCHEMA,
	createCustomer,
	customerByUid,
	deleteCustomer,
	updateCustomer,
} from '../model.mjs';
import { UID_RE, pageOf, queryPaging, validBody } from '../validate.mjs';
import { checkBody } from '../../shared/zod.mjs';
import { parseDate } from '../../shared/values.mjs';

export const CUSTOMER_SORT = [
	'createdAt',
	'lastModifiedAt',
	'customerUid',
	'displayName',
	'firstname',
	'lastname',
];

const SEARCH_SCHEMA = object({
	exactMatch: optional(t.boolean()),
	query: optional(t.string().max(255, 'At most 255 characters.')),
	mobile: optional(t.string().max(32, 'At most 32 characters.')),
	email: optional(t.string().max(255, 'At most 255 characters.')),
	vatNumber: optional(t.string().max(32, 'At most 32 characters.')),
	// The seed gives the search's storeUid the pattern of every UID.
	storeUid: optional(t.string().regex(UID_RE, 'Expected a UID (^[A-Za-z0-9-_]+$).')),
	createdAt: optional(t.datetime()),
});
// `query` is optional in the seed; without it the external CRM's list is read whole.
const EXTERNAL_SEARCH_SCHEMA = object({
	query: optional(t.string().max(255, 'At most 255 characters.')),
});
const EXTERNAL_SORT = ['externalId', 'firstname', 'lastname', 'email'];
// Both the add and the remove take `storeUid*` in the body [verified: API customer].
const EXTENSION_SCHEMA = object({
	storeUid: t.string().regex(UID_RE, 'Expected a UID.'),
});
const EXTENSION_CODES = ['TWO_INVOICE'];

const T = '/tenants/:tenantUid';

/**
 * A create body as the API takes it: the client-made `customerUid` kept, or dropped under the
 * reading `ignored` (the API then makes its own; no document shows the field on a create).
 */
const createBody = (ctx, body) => {
	if (ctx.options.readings.customerUid !== 'ignored') return body;
	const { customerUid: _ignored, ...rest } = body;
	return rest;
};
const event = (ctx, action, customerUid) =>
	ctx.emit(action, { customer: { Id: numericId(customerUid), Uid: customerUid } });

/** Search: `query` over the documented fields, minus those given their own criterion. */
function searchMatches(c, body, state) {
	const exact = body.exactMatch === true;
	const eq = (value, wanted) =>
		exact
			? String(value ?? '').toLowerCase() === wanted.toLowerCase()
			: String(value ?? '')
					.toLowerCase()
					.includes(wanted.toLowerCase());
	for (const key of ['mobile', 'email', 'vatNumber'])
		if (body[key] && !eq(c[key], body[key])) return false;
	if (body.storeUid) {
		if (!state.stores.some((s) => s.storeUid === body.storeUid)) return false;
		if (c.defaultStore?.storeUid !== body.storeUid) return false;
	}
	if (body.createdAt && c.createdAt < parseDate(body.createdAt)) return false;
	if (body.query) {
		const fields = [
			'firstname',
			'lastname',
			'city',
			'postalCode',
			'companyName',
			'mobile',
			'email',
			'vatNumber',
		].filter((f) => !body[f]);
		if (!fields.some((f) => eq(c[f], body.query))) return false;
	}
	return true;
}

/** One batch entry, applied alone: its own status and error, never failing the others. */
function batchEntry(ctx, kind, raw, index) {
	const schema = {
		create: CREATE_SCHEMA,
		update: KEYED_SCHEMA,
		upsert: KEYED_SCHEMA,
		delete: DELETE_SCHEMA,
	}[kind];
	const { data, errors } = checkBody(schema, raw);
	const customerUid = typeof raw?.customerUid === 'string' ? raw.customerUid : null;
	if (!data)
		return {
			index,
			customerUid,
			status: 400,
			message: 'One or more validation errors occurred.',
			errors,
		};
	try {
		const { state, nowIso } = ctx;
		if (kind === 'create') {
			const c = createCustomer(state, createBody(ctx, data), nowIso());
			event(ctx, 'CUSTOMER_CREATE', c.customerUid);
			return { index, customerUid: c.customerUid, status: 201, customer: c };
		}
		if (kind === 'delete') {
			deleteCustomer(state, customerByUid(state, data.customerUid));
			event(ctx, 'CUSTOMER_DELETE', data.customerUid);
			return { index, customerUid: data.customerUid, status: 204 };
		}
		const existing = state.customers.find((c) => c.customerUid === data.customerUid);
		if (!existing && kind === 'update') throw notFound(`Customer ${data.customerUid}`);
		if (!existing) {
			const c = createCustomer(state, createBody(ctx, data), nowIso());
			event(ctx, 'CUSTOMER_CREATE', c.customerUid);
			return { index, customerUid: c.customerUid, status: 201, customer: c };
		}
		const { customerUid: _uid, ...fields } = data;
		const c = updateCustomer(state, existing, fields, nowIso());
		event(ctx, 'CUSTOMER_UPDATE', c.customerUid);
		return { index, customerUid: c.customerUid, status: 200, customer: c };
	} catch (err) {
		if (!(err instanceof ApiError)) throw err;
		return {
			index,
			customerUid,
			status: err.status,
			message: err.message,
			...(err.validationErrors ? { errors: err.validationErrors } : {}),
		};
	}
}

/**
 * The batch answer under the reading `flat`: one list of every entry in a shape of its own, not
 * the `{results: {<kind>: [...]}}` the package assumes (no document shows either).
 */
function flatResults(results) {
	return Object.entries(results).flatMap(([kind, list]) =>
		list.map((r) => ({
			type: kind.toUpperCase(),
			position: r.index,
			succeeded: r.status < 300,
			...(r.status < 300 ? {} : { messages: [r.message, ...Object.values(r.errors ?? {})] }),
		})),
	);
}

export function register(router) {
	router.add('GET', `${T}/customers`, (ctx) => {
		const paging = queryPaging(ctx.query, ctx.options, CUSTOMER_SORT);
		const externalId = ctx.query.get('customerExternalId');
		const list = externalId
			? ctx.state.customers.filter((c) => c.externalId === externalId)
			: ctx.state.customers;
		return { status: 200, body: pageOf(list, paging, 'customerUid') };
	});

	router.add(
		'POST',
		`${T}/customers`,
		(ctx) => {
			const body = validBody(CREATE_SCHEMA, ctx.body);
			const c = createCustomer(ctx.state, createBody(ctx, body), ctx.nowIso());
			event(ctx, 'CUSTOMER_CREATE', c.customerUid);
			return { status: 201, body: c };
		},
		{ body: true },
	);

	router.add(
		'POST',
		`${T}/customers/search`,
		(ctx) => {
			const paging = queryPaging(ctx.query, ctx.options, CUSTOMER_SORT);
			const body = validBody(SEARCH_SCHEMA, ctx.body);
			const list = ctx.state.customers.filter((c) => searchMatches(c, body, ctx.state));
			return { status: 200, body: pageOf(list, paging, 'customerUid') };
		},
		{ body: true },
	);

	router.add(
		'POST',
		`${T}/customers/search/external`,
		(ctx) => {
			if (!hasExtension(ctx.state, 'EXTERNAL_CUSTOMER_SEARCH'))
				throw new ApiError(
					403,
					'ExtensionNotActive',
					'The tenant extension EXTERNAL_CUSTOMER_SEARCH is not active.',
				);
			const paging = queryPaging(ctx.query, ctx.options, EXTERNAL_SORT);
			const { query } = validBody(EXTERNAL_SEARCH_SCHEMA, ctx.body);
			const q = (query ?? '').toLowerCase();
			const list = ctx.state.externalCrm.filter((e) =>
				['firstname', 'lastname', 'email', 'mobile', 'externalId'].some((f) =>
					String(e[f]).toLowerCase().includes(q),
				),
			);
			return { status: 200, body: pageOf(list, paging, 'externalId') };
		},
		{ body: true },
	);

	router.add(
		'POST',
		`${T}/customers/batch`,
		(ctx) => {
			const body = ctx.body;
			if (!body || typeof body !== 'object' || Array.isArray(body))
				throw new ApiError(400, 'ValidationError', 'Expected a JSON object.');
			const errors = {};
			const kinds = ['create', 'update', 'upsert', 'delete'];
			for (const key of Object.keys(body)) if (!kinds.includes(key)) errors[key] = 'Unknown field.';
			for (const key of kinds)
				if (body[key] !== undefined && !Array.isArray(body[key]))
					errors[key] = 'Expected an array.';
			throwIfErrors(errors);
			const total = kinds.reduce((n, k) => n + (body[k]?.length ?? 0), 0);
			if (total === 0) throw new ApiError(400, 'ValidationError', 'The batch is empty.');
			if (total > ctx.options.maxBatchSize)
				throw new ApiError(
					400,
					'ValidationError',
					`A batch holds at most ${ctx.options.maxBatchSize} entries.`,
				);
			const results = {};
			let failed = false;
			for (const kind of kinds) {
				if (!body[kind]) continue;
				results[kind] = body[kind].map((raw, index) => batchEntry(ctx, kind, raw, index));
				if (results[kind].some((r) => r.status >= 300)) failed = true;
			}
			const status = failed ? 207 : 200;
			if (ctx.options.readings.batchResult === 'flat')
				return { status, body: flatResults(results) };
			return { status, body: { results } };
		},
		{ body: true },
	);

	router.add('GET', `${T}/customers/:customerUid/export`, (ctx) => {
		const c = customerByUid(ctx.state, ctx.params.customerUid);
		return {
			status: 200,
			body: {
				customer: c,
				orders: ctx.state.orders.filter((o) => o.customerUid === c.customerUid),
			},
		};
	});

	router.add('GET', `${T}/customers/:customerUid`, (ctx) => ({
		status: 200,
		body: customerByUid(ctx.state, ctx.params.customerUid),
	}));

	router.add(
		'PUT',
		`${T}/customers/:customerUid`,
		(ctx) => {
			const current = customerByUid(ctx.state, ctx.params.customerUid);
			const body = validBody(UPDATE_SCHEMA, ctx.body);
			const c = updateCustomer(ctx.state, current, body, ctx.nowIso());
			event(ctx, 'CUSTOMER_UPDATE', c.customerUid);
			return { status: 200, body: c };
		},
		{ body: true },
	);

	router.add('DELETE', `${T}/customers/:customerUid`, (ctx) => {
		if (!ctx.options.backoffice)
			throw new ApiError(
				403,
				'Forbidden',
				'Deleting customers needs the TENANT.BACKOFFICE permission.',
			);
		const c = customerByUid(ctx.state, ctx.params.customerUid);
		deleteCustomer(ctx.state, c);
		event(ctx, 'CUSTOMER_DELETE', c.customerUid);
		return { status: 204 };
	});

	const extension = (ctx) => {
		const code = ctx.params.customerExtensionCode;
		if (!EXTENSION_CODES.includes(code))
			throw new ApiError(400, 'ValidationError', `Unknown extension code ${code}.`, {
				customerExtensionCode: `Must be one of ${EXTENSION_CODES.join(', ')}.`,
			});
		return code;
	};
	/** The code, the customer and the store (`storeUid*` of the body) of an extension call. */
	const extensionTarget = (ctx) => {
		const code = extension(ctx);
		const c = customerByUid(ctx.state, ctx.params.customerUid);
		const { storeUid } = validBody(EXTENSION_SCHEMA, ctx.body);
		const store = ctx.state.stores.find((s) => s.storeUid === storeUid);
		if (!store)
			throw new ApiError(400, 'ValidationError', `Store ${storeUid} does not exist.`, {
				storeUid: 'Unknown store.',
			});
		return { code, c, store };
	};
	router.add(
		'POST',
		`${T}/customers/:customerUid/extensions/:customerExtensionCode`,
		(ctx) => {
			const { code, c, store } = extensionTarget(ctx);
			if (
				!c.extensions.some(
					(e) => e.extensionCode === code && e.organizationUid === store.organizationUid,
				)
			)
				c.extensions.push({ extensionCode: code, organizationUid: store.organizationUid });
			c.lastModifiedAt = ctx.nowIso();
			return { status: 200, body: c };
		},
		{ body: true },
	);
	router.add(
		'DELETE',
		`${T}/customers/:customerUid/extensions/:customerExtensionCode`,
		(ctx) => {
			const { code, c, store } = extensionTarget(ctx);
			const before = c.extensions.length;
			c.extensions = c.extensions.filter(
				(e) => !(e.extensionCode === code && e.organizationUid === store.organizationUid),
			);
			if (c.extensions.length === before)
				throw notFound(`Extension ${code} of customer ${c.customerUid}`);
			c.lastModifiedAt = ctx.nowIso();
			return { status: 204 };
		},
		{ body: true },
	);

	router.add('GET', `${T}/stores/:storeUid/customers/:customerUid`, (ctx) => {
		const store = ctx.state.stores.find((s) => s.storeUid === ctx.params.storeUid);
		if (!store) throw notFound(`Store ${ctx.params.storeUid}`);
		const c = customerByUid(ctx.state, ctx.params.customerUid);
		return {
			status: 200,
			body: {
				...c,
				store: {
					storeUid: store.storeUid,
					name: store.name,
					organizationUid: store.organizationUid,
				},
				extensions: c.extensions.filter((e) => e.organizationUid === store.organizationUid),
			},
		};
	});
}
