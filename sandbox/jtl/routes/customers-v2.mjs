// v2 customers: list/get/delete, address patch and the command-style PATCH /v2/customer/update.
import { notFound, throwIfErrors, validationError } from '../../shared/errors.mjs';
import { queryBool, queryDate } from '../../shared/values.mjs';
import { array, object, oneOf, optional, t } from '../../shared/zod.mjs';
import {
	ADDRESS_FIELDS,
	CUSTOMER_FIELDS,
	CUSTOMER_REFS,
	PAYMENT_FIELDS,
	findByUuid,
	page,
	renderCustomerV2,
} from '../model.mjs';
import {
	addAddress,
	assignAddress,
	customerByUuidParam,
	deleteCustomer,
	numberTaken,
	scalar,
	setDefault,
} from '../store.mjs';
import { queryPaging, validBody } from '../validate.mjs';

const ADDRESS_TYPES = [0, 1, 2, 3, 4];

/** A v2 address (new or changed): every field optional; addressType one of ADDRESS_TYPES. */
const ADDRESS_SCHEMA = object({
	customerAddressId: t.uuid().nullish(),
	addressType: t
		.int32()
		.refine((v) => ADDRESS_TYPES.includes(v), oneOf(ADDRESS_TYPES))
		.optional(),
	...Object.fromEntries(ADDRESS_FIELDS.map(([, , v2]) => [v2, t.string().nullish()])),
	isDefaultAddress: t.boolean().optional(),
});

/** The body of PATCH /v2/customer/update: customerId plus any field to change. */
const UPDATE_SCHEMA = object({
	customerId: t.uuid(),
	...Object.fromEntries(
		CUSTOMER_REFS.map(([, , v2, , nullable]) => [v2, optional(t.uuid(), nullable)]),
	),
	...Object.fromEntries(
		CUSTOMER_FIELDS.map(([, , v2, type, nullable]) => [v2, optional(t[type](), nullable)]),
	),
	addresses: array(ADDRESS_SCHEMA).optional(),
	paymentSettings: object(
		Object.fromEntries(PAYMENT_FIELDS.map(([, , v2, type]) => [v2, t[type]().optional()])),
	).optional(),
});

/** Sortable v2 fields => internal key. */
const SORT_FIELDS = {
	id: 'uuid',
	customernumber: 'number',
	createddate: 'createdAt',
	lastchanged: 'lastChanged',
	languageiso: 'languageIso',
	accountsreceivablenumber: 'accountsReceivableNumber',
};

function compareValues(a, b) {
	if (a === b) return 0;
	if (a === null || a === undefined) return -1;
	if (b === null || b === undefined) return 1;
	return a < b ? -1 : 1;
}

/** Apply a validated address body (v2 names) to an internal address. */
function applyAddress(customer, address, body) {
	assignAddress(address, body, 'v2');
	if (Object.hasOwn(body, 'addressType')) address.type = body.addressType;
	if (Object.hasOwn(body, 'isDefaultAddress')) setDefault(customer, address, body.isDefaultAddress);
}

function updateCommand({ state, body: input, nowIso }) {
	const body = validBody(UPDATE_SCHEMA, input);
	const errors = {};
	const customer = customerByUuidParam(state, body.customerId);

	// Resolve uuids of reference data before touching anything (the update is all-or-nothing).
	const refs = {};
	for (const [key, , v2, collection] of CUSTOMER_REFS) {
		if (!Object.hasOwn(body, v2)) continue;
		if (body[v2] === null) {
			refs[key] = null;
			continue;
		}
		const target = findByUuid(state[collection], body[v2]);
		if (target) refs[key] = target.id;
		else errors[v2] = `No ${collection} entry with id ${body[v2]}.`;
	}
	if (
		typeof body.customerNumber === 'string' &&
		numberTaken(state, body.customerNumber, customer)
	) {
		errors.customerNumber = `Customer number ${body.customerNumber} is already in use.`;
	}
	const addressPlan = (body.addresses ?? []).map((entry, i) => {
		if (entry.customerAddressId !== undefined && entry.customerAddressId !== null) {
			const existing = customer.addresses.find(
				(a) => a.uuid === entry.customerAddressId.toLowerCase(),
			);
			if (!existing)
				errors[`addresses[${i}].customerAddressId`] =
					`No address ${entry.customerAddressId} on this customer.`;
			return { existing, entry };
		}
		if (entry.addressType === undefined)
			errors[`addresses[${i}].addressType`] = 'Required for a new address.';
		return { entry };
	});
	throwIfErrors(errors);

	Object.assign(customer, refs);
	for (const [key, , v2, type] of CUSTOMER_FIELDS)
		if (Object.hasOwn(body, v2)) customer[key] = scalar(type, body[v2]);
	for (const [key, , v2] of PAYMENT_FIELDS) {
		if (body.paymentSettings && Object.hasOwn(body.paymentSettings, v2))
			customer[key] = body.paymentSettings[v2];
	}
	for (const { existing, entry } of addressPlan) {
		const { customerAddressId: _id, addressType, isDefaultAddress, ...fields } = entry;
		if (existing) applyAddress(customer, existing, entry);
		else
			addAddress(state, customer, addressType, assignAddress({}, fields, 'v2'), isDefaultAddress);
	}
	customer.lastChanged = nowIso();
	return {
		status: 200,
		body: 'Customer changed successfully',
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	};
}

export function register(router) {
	router.add('GET', '/v2/customers', ({ state, query, options }) => {
		const errors = {};
		const { pageNumber, pageSize } = queryPaging(query, errors, options.maxPageSize);
		const descending = queryBool(query, 'sortDescending', errors, false);
		const bounds = {};
		for (const field of ['createdDate', 'lastChanged']) {
			bounds[`${field}After`] = queryDate(query, `${field}After`, errors);
			bounds[`${field}Before`] = queryDate(query, `${field}Before`, errors);
		}
		const sortKeys = (query.get('sortBy') ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
			.map((name) => {
				const key = SORT_FIELDS[name.toLowerCase()];
				if (!key)
					errors.sortBy = `Cannot sort by '${name}'. Allowed: id, customerNumber, createdDate, lastChanged, languageIso, accountsReceivableNumber.`;
				return key;
			});
		throwIfErrors(errors);
		const inWindow = (value, after, before) =>
			(after === undefined || Date.parse(value) > Date.parse(after)) &&
			(before === undefined || Date.parse(value) < Date.parse(before));
		const list = state.customers
			.filter((c) => inWindow(c.createdAt, bounds.createdDateAfter, bounds.createdDateBefore))
			.filter((c) => inWindow(c.lastChanged, bounds.lastChangedAfter, bounds.lastChangedBefore))
			.sort((a, b) => {
				for (const key of sortKeys) {
					const order = compareValues(a[key], b[key]);
					if (order !== 0) return descending ? -order : order;
				}
				return descending && sortKeys.length === 0 ? b.id - a.id : a.id - b.id;
			});
		return {
			status: 200,
			body: page(list, pageNumber, pageSize, 'v2', (c) => renderCustomerV2(state, c)),
		};
	});

	router.add('GET', '/v2/customers/:customerId', ({ state, params }) => ({
		status: 200,
		body: renderCustomerV2(state, customerByUuidParam(state, params.customerId)),
	}));

	router.add('DELETE', '/v2/customers/:customerId', ({ state, params }) => {
		deleteCustomer(state, customerByUuidParam(state, params.customerId));
		return { status: 204 };
	});

	router.add(
		'PATCH',
		'/v2/customers/:customerId/addresses/:addressId',
		({ state, params, body: input, nowIso }) => {
			const body = validBody(ADDRESS_SCHEMA, input);
			const customer = customerByUuidParam(state, params.customerId);
			const address = customer.addresses.find((a) => a.uuid === params.addressId.toLowerCase());
			if (!address) throw notFound(`Address ${params.addressId} of customer ${params.customerId}`);
			if (body.customerAddressId && body.customerAddressId.toLowerCase() !== address.uuid) {
				throw validationError({ customerAddressId: 'Must match the address id in the path.' });
			}
			applyAddress(customer, address, body);
			customer.lastChanged = nowIso();
			return { status: 200, body: { customerAddressId: address.uuid } };
		},
		{ body: true },
	);

	router.add('PATCH', '/v2/customer/update', updateCommand, { body: true });
}
