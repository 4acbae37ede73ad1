// v1 contact persons of a customer (singular `contactPerson` in the path).
import { created, findById, merge, noContent, validBody } from '../helpers.mjs';
import { notFound } from '../problems.mjs';
import { listAnswer, parseListQuery } from '../query.mjs';
import { contactPersonCreate, contactPersonUpdate } from '../schemas.mjs';

export const CONTACT_FILTER_KEYS = [
	'type',
	'name',
	'title',
	'birthday',
	'birthdayShowInCalendar',
	'sendBirthdayCard',
	'marketingBan',
	'department',
	'subDepartment',
	'position',
	'street',
	'additionalStreet',
	'zip',
	'city',
	'state',
	'country',
	'phone',
	'fax',
	'mobile',
	'salutation',
	'email',
	'group',
];
export const CONTACT_FILTER_OPS = [
	'equals',
	'notEquals',
	'contains',
	'notContains',
	'startsWith',
	'endsWith',
	'lessThan',
	'greaterThan',
	'in',
	'notIn',
];
const LIST_SPEC = { filterKeys: CONTACT_FILTER_KEYS, ops: CONTACT_FILTER_OPS, orderFields: [] };

function contactValue(person, key) {
	if (['street', 'additionalStreet', 'zip', 'city', 'state', 'country'].includes(key))
		return person.address?.[key];
	if (['phone', 'fax', 'mobile', 'salutation', 'email'].includes(key)) return person.contact?.[key];
	if (key === 'group') return person.groups;
	return person[key];
}

function personOf(state, customerId, id) {
	findById(state.customers, customerId);
	const person = state.contactPersons.find((p) => p.id === id && p.customer.id === customerId);
	if (!person) throw notFound();
	return person;
}

const EMPTY_ADDRESS = {
	street: null,
	additionalStreet: null,
	zip: null,
	city: null,
	state: null,
	country: null,
};
const EMPTY_CONTACT = { phone: null, fax: null, mobile: null, salutation: null, email: null };

export function register(router) {
	const base = '/v1/customers/:customerId/contactPerson';
	router.add('GET', base, ({ state, params, query, options }) => {
		findById(state.customers, params.customerId);
		const parsed = parseListQuery(query, LIST_SPEC);
		const mine = state.contactPersons.filter((p) => p.customer.id === params.customerId);
		const answer = listAnswer(mine, parsed, contactValue, options.readings);
		return { status: 200, body: { ...answer, data: structuredClone(answer.data) } };
	});

	router.add(
		'POST',
		base,
		({ state, params, body, headers }) => {
			findById(state.customers, params.customerId);
			const data = validBody(contactPersonCreate, body);
			const id = String(++state.nextIds.contactPerson);
			state.contactPersons.push({
				id,
				customer: { id: params.customerId },
				type: null,
				title: null,
				birthday: null,
				birthdayShowInCalendar: false,
				sendBirthdayCard: false,
				marketingBan: false,
				department: null,
				subDepartment: null,
				position: null,
				language: null,
				groups: [],
				comment: null,
				others: null,
				...data,
				address: { ...EMPTY_ADDRESS, ...data.address },
				contact: { ...EMPTY_CONTACT, ...data.contact },
			});
			return created(headers, `/api/v1/customers/${params.customerId}/contactPerson/${id}`);
		},
		{ body: true },
	);

	router.add('GET', `${base}/:contactPersonId`, ({ state, params }) => ({
		status: 200,
		body: { data: structuredClone(personOf(state, params.customerId, params.contactPersonId)) },
	}));

	router.add(
		'PATCH',
		`${base}/:contactPersonId`,
		({ state, params, body }) => {
			const person = personOf(state, params.customerId, params.contactPersonId);
			merge(person, validBody(contactPersonUpdate, body));
			return noContent();
		},
		{ body: true },
	);

	router.add('DELETE', `${base}/:contactPersonId`, ({ state, params }) => {
		const person = personOf(state, params.customerId, params.contactPersonId);
		state.contactPersons.splice(state.contactPersons.indexOf(person), 1);
		return noContent();
	});
}
