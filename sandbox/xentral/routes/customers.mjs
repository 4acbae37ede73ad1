// Customers: the v2 list, create, view and update, and the v1 delete (there is no v2 delete).
import { ApiError } from '../../shared/errors.mjs';
import { created, findById, merge, noContent, validBody } from '../helpers.mjs';
import { conflict } from '../problems.mjs';
import { listAnswer, parseListQuery } from '../query.mjs';
import { customerCreate, customerUpdate } from '../schemas.mjs';

export const CUSTOMER_FILTER_KEYS = [
	'id',
	'uuid',
	'number',
	'customerType',
	'name',
	'deviatingCustomerNumber',
	'firstname',
	'lastname',
	'title',
	'salutation',
	'birthdate',
	'department',
	'subDepartment',
	'projectId',
	'phone',
	'fax',
	'email',
	'website',
	'salesManager',
	'accountManager',
	'isLead',
	'contactPerson',
	'street',
	'zip',
	'city',
	'state',
	'addressType',
];
export const CUSTOMER_FILTER_OPS = [
	'equals',
	'notEquals',
	'lessThan',
	'greaterThan',
	'in',
	'notIn',
];

const LIST_SPEC = {
	filterKeys: CUSTOMER_FILTER_KEYS,
	ops: CUSTOMER_FILTER_OPS,
	orderFields: ['id'],
	cursor: true,
};

/** The value of a filter key on a stored customer. */
function customerValue(state, customer, key) {
	const master = state.addresses[customer.id]?.masterdata ?? {};
	switch (key) {
		case 'phone':
		case 'fax':
		case 'email':
		case 'website':
			return customer.contactDetails?.[key];
		case 'street':
		case 'zip':
		case 'city':
		case 'state':
			return master[key];
		case 'projectId':
			return customer.project?.id;
		case 'salesManager':
		case 'accountManager':
			return customer[key]?.id;
		case 'addressType':
			return 'masterdata';
		default:
			return customer[key];
	}
}

const BERLIN = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Berlin',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
});

/** An ISO instant as Xentral's wall-clock time in Europe/Berlin, without an offset. */
export function berlinWallTime(iso) {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) return iso;
	const p = Object.fromEntries(BERLIN.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * The customer as the v2 view and list return it. The readings decide what no document does:
 * whether the master-data address is embedded as `address` (`viewAddress`), and whether the times
 * carry their offset (`times`).
 */
export function customerView(state, customer, readings = {}) {
	const view = structuredClone(customer);
	if (readings.times === 'offsetless') {
		view.createdAt = berlinWallTime(view.createdAt);
		view.updatedAt = berlinWallTime(view.updatedAt);
	}
	if (readings.viewAddress !== 'with') return view;
	const master = state.addresses[customer.id]?.masterdata;
	const { street, zip, city, country, state: region } = master ?? {};
	return {
		...view,
		address: master ? { street, zip, city, country, state: region ?? null } : null,
	};
}

/** The documented name rule: a person needs first and last name, a company a name. */
function checkNames(body) {
	const errors = {};
	const blank = (v) => v === undefined || v === null || String(v).trim() === '';
	if (body.customerType === 'person') {
		if (blank(body.firstname)) errors.firstname = ['This value should not be blank.'];
		if (blank(body.lastname)) errors.lastname = ['This value should not be blank.'];
	} else if (body.customerType === 'company') {
		if (blank(body.name)) errors.name = ['This value should not be blank.'];
	}
	if (Object.keys(errors).length)
		throw new ApiError(400, 'request-validation', 'Request payload validation failed.', errors);
}

function checkNumberFree(state, number, exceptId) {
	if (number === undefined || number === null) return;
	if (state.customers.some((c) => c.number === String(number) && c.id !== exceptId))
		throw conflict(`A customer with the number ${number} already exists.`);
}

export function register(router) {
	router.add('GET', '/v2/customers', ({ state, query, options }) => {
		const parsed = parseListQuery(query, LIST_SPEC);
		const answer = listAnswer(
			state.customers,
			parsed,
			(c, key) => customerValue(state, c, key),
			options.readings,
		);
		answer.data = answer.data.map((c) => customerView(state, c, options.readings));
		return { status: 200, body: answer };
	});

	router.add(
		'POST',
		'/v2/customers',
		({ state, body, headers, nowIso, options }) => {
			const data = validBody(customerCreate, body);
			if (!data.customerType)
				throw new ApiError(400, 'request-validation', 'Request payload validation failed.', {
					customerType: ['This value should not be blank.'],
				});
			// The v2 guide calls project.id required; the schema lists no required field.
			if (options.readings.project === 'required' && !data.project?.id)
				throw new ApiError(400, 'request-validation', 'Request payload validation failed.', {
					'project.id': ['This value should not be blank.'],
				});
			checkNames(data);
			checkNumberFree(state, data.number);
			const id = String(++state.nextIds.customer);
			const name =
				data.customerType === 'person' ? `${data.firstname} ${data.lastname}` : data.name;
			const customer = {
				salutation: null,
				title: null,
				department: null,
				isLead: false,
				groups: [],
				...data,
				id,
				number: data.number ?? String(10000 + Number(id)),
				name,
				firstname: data.firstname ?? null,
				lastname: data.lastname ?? null,
				contactDetails: {
					email: null,
					phone: null,
					mobile: null,
					fax: null,
					website: null,
					...(data.contactDetails ?? {}),
				},
				language: null,
				createdAt: nowIso(),
				updatedAt: nowIso(),
			};
			state.customers.push(customer);
			state.addresses[id] = { masterdata: null, billingaddress: null, delivery: [] };
			return created(headers, `/api/v2/customers/${id}`);
		},
		{ body: true },
	);

	router.add('GET', '/v2/customers/:id', ({ state, params, options }) => ({
		status: 200,
		body: { data: customerView(state, findById(state.customers, params.id), options.readings) },
	}));

	router.add(
		'PATCH',
		'/v2/customers/:id',
		({ state, params, body, nowIso }) => {
			const customer = findById(state.customers, params.id);
			const data = validBody(customerUpdate, body);
			const next = merge(structuredClone(customer), data);
			checkNames(next);
			checkNumberFree(state, data.number, customer.id);
			if (next.customerType === 'person' && (data.firstname || data.lastname))
				next.name = `${next.firstname} ${next.lastname}`;
			next.updatedAt = nowIso();
			Object.assign(customer, next);
			return noContent();
		},
		{ body: true },
	);

	router.add('DELETE', '/v1/customers/:id', ({ state, params }) => {
		const customer = findById(state.customers, params.id);
		state.customers.splice(state.customers.indexOf(customer), 1);
		delete state.addresses[customer.id];
		state.contactPersons = state.contactPersons.filter((p) => p.customer.id !== customer.id);
		return noContent();
	});
}
