// What hangs off a customer or the tenant: contacts, addresses, customer groups, price lists and
// their prices, stores, and the HTTP transports that webhooks are delivered through.
import { ApiError, notFound } from '../../shared/errors.mjs';
import { array, object, oneOf, optional, t, z } from '../../shared/zod.mjs';
import { numericId } from '../delivery.mjs';
import { customerByUid } from '../model.mjs';
import { UID_RE, conflict, errorBody, pageOf, queryPaging, validBody } from '../validate.mjs';

const T = '/tenants/:tenantUid';
const uid = () => t.string().regex(UID_RE, 'Expected a UID (^[A-Za-z0-9-_]+$).');
const text = (max = 255) => t.string().max(max, `At most ${max} characters.`);
const SORT = ['createdAt', 'lastModifiedAt', 'name'];
const page = (ctx, list, key, sortable = SORT) => ({
	status: 200,
	body: pageOf(list, queryPaging(ctx.query, ctx.options, [...sortable, key]), key),
});
const pick = (body, keys) =>
	Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k] ?? '']));
const displayName = (r) =>
	[r.firstname, r.lastname].filter(Boolean).join(' ') || r.companyName || '';

/**
 * An endpoint no document shows, under the reading `absent`: the answer a server gives for a
 * route it does not have, 404 like any unknown path, or 405 where other methods exist there.
 */
const absent = (ctx, status = 404) => {
	const err =
		status === 405
			? new ApiError(405, 'MethodNotAllowed', `Method ${ctx.method} is not allowed on ${ctx.path}`)
			: new ApiError(404, 'NotFound', `No endpoint ${ctx.method} ${ctx.path}`);
	return { status, body: errorBody(err), headers: status === 405 ? { Allow: 'GET' } : undefined };
};

// ---- contacts [verified: API customercontact; PUT and DELETE are assumptions] -----------------
const CONTACT_KEYS = ['firstname', 'lastname', 'email', 'mobile'];
const CONTACT_CREATE = object({
	firstname: text().min(1, 'The field is required.'),
	lastname: text().min(1, 'The field is required.'),
	email: optional(text()),
	mobile: optional(text(32)),
	customerContactUid: optional(uid(), false),
});
const CONTACT_UPDATE = object({
	firstname: optional(text().min(1, 'Must not be empty.'), false),
	lastname: optional(text().min(1, 'Must not be empty.'), false),
	email: optional(text()),
	mobile: optional(text(32)),
});

// ---- addresses [verified: API customeraddress; PUT and DELETE are assumptions] ----------------
export const ADDRESS_TYPES = ['DELIVERY_ADDRESS', 'INVOICE_ADDRESS'];
const ADDRESS_KEYS = [
	'type',
	'address',
	'city',
	'companyName',
	'firstname',
	'lastname',
	'countryCode',
	'email',
	'phone',
	'postalCode',
];
const addressType = () =>
	z.enum(ADDRESS_TYPES, { errorMap: () => ({ message: oneOf(ADDRESS_TYPES) }) });
const ADDRESS_FIELDS = {
	address: optional(text()),
	city: optional(text()),
	companyName: optional(text()),
	firstname: optional(text()),
	lastname: optional(text()),
	countryCode: optional(t.string().regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 code.')),
	email: optional(text()),
	phone: optional(text(32)),
	postalCode: optional(text(16)),
};
const ADDRESS_CREATE = object({
	type: addressType(),
	...ADDRESS_FIELDS,
	customerAddressUid: optional(uid(), false),
});
const ADDRESS_UPDATE = object({ type: optional(addressType(), false), ...ADDRESS_FIELDS });

function child(ctx, list, key, label) {
	const c = customerByUid(ctx.state, ctx.params.customerUid);
	const record = c[list].find((r) => r[key] === ctx.params[key]);
	if (!record) throw notFound(`${label} ${ctx.params[key]} of customer ${c.customerUid}`);
	return { customer: c, record };
}

function childRoutes(router, { path, list, key, label, keys, createSchema, updateSchema, blank }) {
	router.add('GET', `${T}/customers/:customerUid/${path}`, (ctx) =>
		page(ctx, customerByUid(ctx.state, ctx.params.customerUid)[list], key, [
			'createdAt',
			'lastModifiedAt',
		]),
	);
	router.add(
		'POST',
		`${T}/customers/:customerUid/${path}`,
		(ctx) => {
			const c = customerByUid(ctx.state, ctx.params.customerUid);
			const body = validBody(createSchema, ctx.body);
			const id = body[key] || `${list.slice(0, -1)}-${(++ctx.state.counter).toString(36)}`;
			if (ctx.state.customers.some((x) => x[list].some((r) => r[key] === id)))
				throw conflict(`${label} ${id}`);
			const record = {
				[key]: id,
				...blank(),
				...pick(body, keys),
				createdAt: ctx.nowIso(),
				lastModifiedAt: ctx.nowIso(),
			};
			record.displayName = displayName(record);
			c[list].push(record);
			c.lastModifiedAt = ctx.nowIso();
			return { status: 200, body: record };
		},
		{ body: true },
	);
	router.add('GET', `${T}/customers/:customerUid/${path}/:${key}`, (ctx) => ({
		status: 200,
		body: child(ctx, list, key, label).record,
	}));
	router.add(
		'PUT',
		`${T}/customers/:customerUid/${path}/:${key}`,
		(ctx) => {
			if (ctx.options.readings.childWrites === 'absent') return absent(ctx);
			const { record } = child(ctx, list, key, label);
			Object.assign(record, pick(validBody(updateSchema, ctx.body), keys), {
				lastModifiedAt: ctx.nowIso(),
			});
			record.displayName = displayName(record);
			return { status: 200, body: record };
		},
		{ body: true },
	);
	router.add('DELETE', `${T}/customers/:customerUid/${path}/:${key}`, (ctx) => {
		if (ctx.options.readings.childWrites === 'absent') return absent(ctx);
		const { customer, record } = child(ctx, list, key, label);
		customer[list].splice(customer[list].indexOf(record), 1);
		return { status: 204 };
	});
}

// ---- groups [verified: DEV customergroup] and price lists [verified: API prices] -------------
const GROUP_CREATE = object({
	name: text().min(1, 'The field is required.'),
	customerGroupUid: optional(uid(), false),
});
const GROUP_UPDATE = object({ name: text().min(1, 'The field is required.') });
const PRICELIST_CREATE = object({
	name: text().min(1, 'The field is required.'),
	externalId: optional(text()),
	pricelistUid: optional(uid(), false),
});
const PRICELIST_UPDATE = object({
	name: optional(text().min(1, 'Must not be empty.'), false),
	externalId: optional(text()),
});
// Price entries: no endpoint is documented [assumption: below their list, amounts in øre].
const PRICE_CREATE = object({
	productUid: uid(),
	price: t.int32().min(0, 'Must be >= 0.'),
	priceUid: optional(uid(), false),
});
const PRICE_UPDATE = object({ price: t.int32().min(0, 'Must be >= 0.') });

const byKey = (list, key, value, label) => {
	const record = list.find((r) => r[key] === value);
	if (!record) throw notFound(`${label} ${value}`);
	return record;
};

// ---- HTTP transports [verified: DEV webhooks; PUT, DELETE and `actions` are assumptions] ------
export const WEBHOOK_ACTIONS = [
	'CUSTOMER_CREATE',
	'CUSTOMER_UPDATE',
	'CUSTOMER_DELETE',
	'PRICE_CREATE',
	'PRICE_UPDATE',
	'PRICE_DELETE',
];
const SECURITY = ['NONE', 'BASIC_AUTH', 'BEARER_TOKEN'];
const TRANSPORT_FIELDS = {
	name: text().min(1, 'The field is required.'),
	url: t.string().url('Expected a URL.').max(2000),
	securityType: optional(
		z.enum(SECURITY, { errorMap: () => ({ message: oneOf(SECURITY) }) }),
		false,
	),
	username: optional(text()),
	password: optional(text()),
	token: optional(text(1000)),
	headers: optional(array(object({ key: text().min(1), value: text(1000) }))),
	actions: optional(
		array(z.enum(WEBHOOK_ACTIONS, { errorMap: () => ({ message: oneOf(WEBHOOK_ACTIONS) }) })),
	),
};
const TRANSPORT_CREATE = object({ ...TRANSPORT_FIELDS, httpTransportUid: optional(uid(), false) });
const TRANSPORT_UPDATE = object(TRANSPORT_FIELDS).partial();
// Under the reading `refused`, the transport has only its documented fields: `actions` is unknown.
const { actions: _actions, ...DOCUMENTED_TRANSPORT_FIELDS } = TRANSPORT_FIELDS;
const DOCUMENTED_TRANSPORT_CREATE = object({
	...DOCUMENTED_TRANSPORT_FIELDS,
	httpTransportUid: optional(uid(), false),
});
const DOCUMENTED_TRANSPORT_UPDATE = object(DOCUMENTED_TRANSPORT_FIELDS).partial();
const transportSchema = (ctx, kind) =>
	ctx.options.readings.transportActions === 'refused'
		? { create: DOCUMENTED_TRANSPORT_CREATE, update: DOCUMENTED_TRANSPORT_UPDATE }[kind]
		: { create: TRANSPORT_CREATE, update: TRANSPORT_UPDATE }[kind];

/** A transport as the API shows it: the secrets it holds are never sent back. */
const shownTransport = (tr) => ({
	...tr,
	password: tr.password ? '***' : null,
	token: tr.token ? '***' : null,
	headers: (tr.headers ?? []).map((h) => ({ key: h.key, value: '***' })),
});

function checkTransport(body) {
	if (body.securityType === 'BEARER_TOKEN' && !body.token)
		throw new ApiError(400, 'ValidationError', 'BEARER_TOKEN needs a token.', {
			token: 'The field is required.',
		});
	if (body.securityType === 'BASIC_AUTH' && !(body.username && body.password))
		throw new ApiError(400, 'ValidationError', 'BASIC_AUTH needs a username and password.', {
			username: 'The field is required.',
		});
}

const needAdmin = (ctx) => {
	if (!ctx.options.tenantAdmin)
		throw new ApiError(403, 'Forbidden', 'HTTP transports need the Tenant.Admin permission.');
};

export function register(router) {
	childRoutes(router, {
		path: 'contacts',
		list: 'contacts',
		key: 'customerContactUid',
		label: 'Contact',
		keys: CONTACT_KEYS,
		createSchema: CONTACT_CREATE,
		updateSchema: CONTACT_UPDATE,
		blank: () => ({ firstname: '', lastname: '', email: '', mobile: '', extensions: [] }),
	});
	childRoutes(router, {
		path: 'addresses',
		list: 'addresses',
		key: 'customerAddressUid',
		label: 'Address',
		keys: ADDRESS_KEYS,
		createSchema: ADDRESS_CREATE,
		updateSchema: ADDRESS_UPDATE,
		blank: () => Object.fromEntries(ADDRESS_KEYS.map((k) => [k, ''])),
	});

	router.add('GET', `${T}/customer-groups`, (ctx) =>
		page(ctx, ctx.state.groups, 'customerGroupUid'),
	);
	router.add(
		'POST',
		`${T}/customer-groups`,
		(ctx) => {
			const body = validBody(GROUP_CREATE, ctx.body);
			const id = body.customerGroupUid || `group-${(++ctx.state.counter).toString(36)}`;
			if (ctx.state.groups.some((g) => g.customerGroupUid === id))
				throw conflict(`Customer group ${id}`);
			const now = ctx.nowIso();
			const group = {
				customerGroupUid: id,
				name: body.name,
				createdBy: 'integration',
				createdAt: now,
				lastModifiedBy: 'integration',
				lastModifiedAt: now,
			};
			ctx.state.groups.push(group);
			return { status: 201, body: group };
		},
		{ body: true },
	);
	router.add('GET', `${T}/customer-groups/:customerGroupUid`, (ctx) => ({
		status: 200,
		body: byKey(
			ctx.state.groups,
			'customerGroupUid',
			ctx.params.customerGroupUid,
			'Customer group',
		),
	}));
	router.add(
		'PUT',
		`${T}/customer-groups/:customerGroupUid`,
		(ctx) => {
			const group = byKey(
				ctx.state.groups,
				'customerGroupUid',
				ctx.params.customerGroupUid,
				'Customer group',
			);
			Object.assign(group, validBody(GROUP_UPDATE, ctx.body), {
				lastModifiedBy: 'integration',
				lastModifiedAt: ctx.nowIso(),
			});
			return { status: 200, body: group };
		},
		{ body: true },
	);

	router.add('GET', `${T}/pricelists`, (ctx) => {
		const name = ctx.query.get('pricelistName');
		const externalId = ctx.query.get('pricelistExternalId');
		const list = ctx.state.pricelists.filter(
			(p) =>
				(!name || p.name.toLowerCase().includes(name.toLowerCase())) &&
				(!externalId || p.externalId === externalId),
		);
		return page(ctx, list, 'pricelistUid');
	});
	router.add(
		'POST',
		`${T}/pricelists`,
		(ctx) => {
			const body = validBody(PRICELIST_CREATE, ctx.body);
			const id = body.pricelistUid || `pricelist-${(++ctx.state.counter).toString(36)}`;
			if (ctx.state.pricelists.some((p) => p.pricelistUid === id))
				throw conflict(`Price list ${id}`);
			const now = ctx.nowIso();
			const list = {
				pricelistUid: id,
				name: body.name,
				externalId: body.externalId ?? null,
				createdAt: now,
				lastModifiedAt: now,
			};
			ctx.state.pricelists.push(list);
			return { status: 200, body: list };
		},
		{ body: true },
	);
	router.add('GET', `${T}/pricelists/:pricelistUid`, (ctx) => ({
		status: 200,
		body: byKey(ctx.state.pricelists, 'pricelistUid', ctx.params.pricelistUid, 'Price list'),
	}));
	router.add(
		'PUT',
		`${T}/pricelists/:pricelistUid`,
		(ctx) => {
			const list = byKey(
				ctx.state.pricelists,
				'pricelistUid',
				ctx.params.pricelistUid,
				'Price list',
			);
			Object.assign(list, validBody(PRICELIST_UPDATE, ctx.body), { lastModifiedAt: ctx.nowIso() });
			return { status: 200, body: list };
		},
		{ body: true },
	);

	const priceEvent = (ctx, action, price) =>
		ctx.emit(action, {
			price: { Id: numericId(price.priceUid), Uid: price.priceUid },
			pricelist: { Uid: price.pricelistUid },
		});
	router.add('GET', `${T}/pricelists/:pricelistUid/prices`, (ctx) => {
		if (ctx.options.readings.prices === 'absent') return absent(ctx);
		byKey(ctx.state.pricelists, 'pricelistUid', ctx.params.pricelistUid, 'Price list');
		return page(
			ctx,
			ctx.state.prices.filter((p) => p.pricelistUid === ctx.params.pricelistUid),
			'priceUid',
			['createdAt', 'lastModifiedAt', 'productUid'],
		);
	});
	router.add(
		'POST',
		`${T}/pricelists/:pricelistUid/prices`,
		(ctx) => {
			if (ctx.options.readings.prices === 'absent') return absent(ctx);
			byKey(ctx.state.pricelists, 'pricelistUid', ctx.params.pricelistUid, 'Price list');
			const body = validBody(PRICE_CREATE, ctx.body);
			const id = body.priceUid || `price-${(++ctx.state.counter).toString(36)}`;
			if (ctx.state.prices.some((p) => p.priceUid === id)) throw conflict(`Price ${id}`);
			if (
				ctx.state.prices.some(
					(p) => p.pricelistUid === ctx.params.pricelistUid && p.productUid === body.productUid,
				)
			)
				throw conflict(`A price of product ${body.productUid} in this list`);
			const now = ctx.nowIso();
			const price = {
				priceUid: id,
				pricelistUid: ctx.params.pricelistUid,
				productUid: body.productUid,
				price: body.price,
				createdAt: now,
				lastModifiedAt: now,
			};
			ctx.state.prices.push(price);
			priceEvent(ctx, 'PRICE_CREATE', price);
			return { status: 200, body: price };
		},
		{ body: true },
	);
	const priceOf = (ctx) => {
		const price = ctx.state.prices.find(
			(p) => p.priceUid === ctx.params.priceUid && p.pricelistUid === ctx.params.pricelistUid,
		);
		if (!price)
			throw notFound(`Price ${ctx.params.priceUid} of price list ${ctx.params.pricelistUid}`);
		return price;
	};
	router.add('GET', `${T}/pricelists/:pricelistUid/prices/:priceUid`, (ctx) =>
		ctx.options.readings.prices === 'absent' ? absent(ctx) : { status: 200, body: priceOf(ctx) },
	);
	router.add(
		'PUT',
		`${T}/pricelists/:pricelistUid/prices/:priceUid`,
		(ctx) => {
			if (ctx.options.readings.prices === 'absent') return absent(ctx);
			const price = priceOf(ctx);
			Object.assign(price, validBody(PRICE_UPDATE, ctx.body), { lastModifiedAt: ctx.nowIso() });
			priceEvent(ctx, 'PRICE_UPDATE', price);
			return { status: 200, body: price };
		},
		{ body: true },
	);
	router.add('DELETE', `${T}/pricelists/:pricelistUid/prices/:priceUid`, (ctx) => {
		if (ctx.options.readings.prices === 'absent') return absent(ctx);
		const price = priceOf(ctx);
		ctx.state.prices.splice(ctx.state.prices.indexOf(price), 1);
		priceEvent(ctx, 'PRICE_DELETE', price);
		return { status: 204 };
	});

	// The tenant [verified: DEV tenant]: its zone, currency and extensions.
	router.add('GET', T, (ctx) => ({ status: 200, body: ctx.state.tenant }));

	router.add('GET', `${T}/stores`, (ctx) => {
		const name = ctx.query.get('name');
		const list = ctx.state.stores.filter(
			(s) => !name || s.name.toLowerCase().includes(name.toLowerCase()),
		);
		return page(ctx, list, 'storeUid');
	});
	router.add('GET', `${T}/stores/:storeUid`, (ctx) => ({
		status: 200,
		body: byKey(ctx.state.stores, 'storeUid', ctx.params.storeUid, 'Store'),
	}));

	router.add('GET', `${T}/httptransports`, (ctx) => {
		needAdmin(ctx);
		const paging = queryPaging(ctx.query, ctx.options, ['createdAt', 'name', 'httpTransportUid']);
		return {
			status: 200,
			body: pageOf(ctx.state.transports, paging, 'httpTransportUid', shownTransport),
		};
	});
	router.add(
		'POST',
		`${T}/httptransports`,
		(ctx) => {
			needAdmin(ctx);
			const body = validBody(transportSchema(ctx, 'create'), ctx.body);
			checkTransport(body);
			const id = body.httpTransportUid || `transport-${(++ctx.state.counter).toString(36)}`;
			if (ctx.state.transports.some((tr) => tr.httpTransportUid === id))
				throw conflict(`HTTP transport ${id}`);
			const now = ctx.nowIso();
			const transport = {
				securityType: 'NONE',
				username: null,
				password: null,
				token: null,
				headers: [],
				...(ctx.options.readings.transportActions === 'refused' ? {} : { actions: [] }),
				...body,
				httpTransportUid: id,
				createdAt: now,
				lastModifiedAt: now,
			};
			ctx.state.transports.push(transport);
			return { status: 200, body: shownTransport(transport) };
		},
		{ body: true },
	);
	const transportOf = (ctx) => {
		needAdmin(ctx);
		return byKey(
			ctx.state.transports,
			'httpTransportUid',
			ctx.params.httpTransportUid,
			'HTTP transport',
		);
	};
	router.add('GET', `${T}/httptransports/:httpTransportUid`, (ctx) => ({
		status: 200,
		body: shownTransport(transportOf(ctx)),
	}));
	router.add(
		'PUT',
		`${T}/httptransports/:httpTransportUid`,
		(ctx) => {
			if (ctx.options.readings.transportWrites === 'absent') return absent(ctx, 405);
			const transport = transportOf(ctx);
			const body = validBody(transportSchema(ctx, 'update'), ctx.body);
			const next = { ...transport, ...body };
			checkTransport(next);
			Object.assign(transport, body, { lastModifiedAt: ctx.nowIso() });
			return { status: 200, body: shownTransport(transport) };
		},
		{ body: true },
	);
	router.add('DELETE', `${T}/httptransports/:httpTransportUid`, (ctx) => {
		if (ctx.options.readings.transportWrites === 'absent') return absent(ctx, 405);
		const transport = transportOf(ctx);
		ctx.state.transports.splice(ctx.state.transports.indexOf(transport), 1);
		return { status: 204 };
	});
}
