// v2 customers: list/get/delete, address patch and the command-style PATCH /v2/customer/update.
import { ApiError, notFound, throwIfErrors } from '../../shared/errors.mjs';
import { queryBool } from '../../shared/values.mjs';
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
import { instantOf, internalAddressType, wireAddressTypes } from '../readings.mjs';

/**
 * A v2 address (new or changed): every field optional; addressType an integer, one of the numbers
 * of the sandbox's address-type reading (checked in the command, which knows the reading).
 */
const ADDRESS_SCHEMA = object({
	customerAddressId: t.uuid().nullish(),
	addressType: t.int32().optional(),
	...Object.fromEntries(ADDRESS_FIELDS.map(([, , v2]) => [v2, t.string().nullish()])),
	isDefaultAddress: t.boolean().optional(),
});

/**
 * The body of PATCH /v2/customers/{id}/addresses/{addressId}: the 2.0 spec's UpdateCustomerAddress,
 * four nested groups, every property optional, no other property allowed. Each documented name
 * (PascalCase in the spec) => the internal address key.
 */
const ADDRESS_PATCH_GROUPS = {
	Address: {
		Street: 'street',
		AddressAdditional: 'address2',
		City: 'city',
		PostalCode: 'postalCode',
		State: 'state',
		CountryISO2: 'countryIso',
		PostId: 'postId',
	},
	ContactDetails: {
		EmailAddress: 'emailAddress',
		PhoneNumber: 'phoneNumber',
		MobilePhoneNumber: 'mobilePhoneNumber',
		FaxNumber: 'fax',
	},
	FinancialDetails: { VatID: 'vatId' },
	Identity: {
		Salutation: 'formOfAddress',
		Title: 'title',
		FirstName: 'firstName',
		LastName: 'lastName',
		CompanyName: 'company',
		CompanyExtension: 'company2',
	},
};

const ADDRESS_PATCH_SCHEMA = object(
	Object.fromEntries(
		Object.entries(ADDRESS_PATCH_GROUPS).map(([group, fields]) => [
			group,
			object(
				Object.fromEntries(Object.keys(fields).map((name) => [name, t.string().optional()])),
			).optional(),
		]),
	),
);

const ADDRESS_PATCH_NAMES = Object.fromEntries(
	Object.entries(ADDRESS_PATCH_GROUPS).map(([group, fields]) => [group, Object.keys(fields)]),
);

/** 'Street' also as 'street' (v2's camelCase convention); any other spelling stays unknown. */
function camel(name) {
	return name[0].toLowerCase() + name.slice(1);
}

/**
 * Renames camelCase spellings of the documented names (two levels) to the spec's spelling, so the
 * strict schema sees one name per property; unknown names pass through and are refused there.
 */
function canonicalKeys(input, names) {
	if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
	const out = {};
	for (const [key, value] of Object.entries(input)) {
		const group = Object.keys(names).find((g) => key === g || key === camel(g));
		if (!group || Object.hasOwn(out, group)) {
			out[key] = value;
			continue;
		}
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			out[group] = value;
			continue;
		}
		const inner = {};
		for (const [k, v] of Object.entries(value)) {
			const name = names[group].find((n) => k === n || k === camel(n));
			inner[name && !Object.hasOwn(inner, name) ? name : k] = v;
		}
		out[group] = inner;
	}
	return out;
}

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
function applyAddress(readings, customer, address, body) {
	assignAddress(address, body, 'v2');
	if (Object.hasOwn(body, 'addressType'))
		address.type = internalAddressType(readings, body.addressType);
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
	const allowedTypes = wireAddressTypes(state.readings);
	const addressPlan = (body.addresses ?? []).map((entry, i) => {
		if (entry.addressType !== undefined && !allowedTypes.includes(entry.addressType))
			errors[`addresses[${i}].addressType`] = oneOf(allowedTypes);
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
		if (Object.hasOwn(body, v2)) customer[key] = scalar(state.readings, type, body[v2]);
	for (const [key, , v2] of PAYMENT_FIELDS) {
		if (body.paymentSettings && Object.hasOwn(body.paymentSettings, v2))
			customer[key] = body.paymentSettings[v2];
	}
	for (const { existing, entry } of addressPlan) {
		const { customerAddressId: _id, addressType, isDefaultAddress, ...fields } = entry;
		if (existing) applyAddress(state.readings, customer, existing, entry);
		else
			addAddress(
				state,
				customer,
				internalAddressType(state.readings, addressType),
				assignAddress({}, fields, 'v2'),
				isDefaultAddress,
			);
	}
	customer.lastChanged = nowIso();
	return {
		status: 200,
		body: 'Customer changed successfully',
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	};
}

export function register(router) {
	/** A date-time query parameter as an instant; offset-less as the readings say. */
	const queryInstant = (readings, query, name, errors) => {
		const raw = query.get(name);
		if (raw === null || raw === '') return undefined;
		const parsed = instantOf(readings, raw);
		if (parsed === undefined)
			errors[name] = `The value '${raw}' is not a valid ISO 8601 date-time.`;
		return parsed;
	};

	router.add('GET', '/v2/customers', ({ state, query, options, method, path }) => {
		// Older JTL-Wawi versions have no v2 customer list: the route does not exist there.
		if (options.withoutV2CustomerList)
			throw new ApiError(404, 'NotFound', `No endpoint ${method} ${path}`);
		const errors = {};
		const { pageNumber, pageSize } = queryPaging(query, errors, options.maxPageSize);
		const descending = queryBool(query, 'sortDescending', errors, false);
		const bounds = {};
		// The other reading: the list knows its date fields by other names and ignores unknown
		// query parameters and sort names, as many APIs do.
		const ignoresDates = state.readings.v2ListIgnoresDateFields;
		const DATE_SORTS = ['createddate', 'lastchanged'];
		for (const field of ignoresDates ? [] : ['createdDate', 'lastChanged']) {
			bounds[`${field}After`] = queryInstant(state.readings, query, `${field}After`, errors);
			bounds[`${field}Before`] = queryInstant(state.readings, query, `${field}Before`, errors);
		}
		const sortKeys = (query.get('sortBy') ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
			.filter((name) => !(ignoresDates && DATE_SORTS.includes(name.toLowerCase())))
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
			const body = validBody(ADDRESS_PATCH_SCHEMA, canonicalKeys(input, ADDRESS_PATCH_NAMES));
			const customer = customerByUuidParam(state, params.customerId);
			const address = customer.addresses.find((a) => a.uuid === params.addressId.toLowerCase());
			if (!address) throw notFound(`Address ${params.addressId} of customer ${params.customerId}`);
			for (const [group, fields] of Object.entries(ADDRESS_PATCH_GROUPS)) {
				for (const [name, key] of Object.entries(fields))
					if (body[group] && Object.hasOwn(body[group], name)) address[key] = body[group][name];
			}
			customer.lastChanged = nowIso();
			return { status: 200, body: { customerAddressId: address.uuid } };
		},
		{ body: true },
	);

	router.add('PATCH', '/v2/customer/update', updateCommand, { body: true });
}
