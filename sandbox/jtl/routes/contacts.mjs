// v1 customer contacts: /customers/:customerId/contacts[/:customerContactId].
import { notFound } from '../../shared/errors.mjs';
import { parseInt32 } from '../../shared/values.mjs';
import { object, t } from '../../shared/zod.mjs';
import { CONTACT_FIELDS, renderContactV1 } from '../model.mjs';
import { customerByIntParam } from '../store.mjs';
import { validBody } from '../validate.mjs';

/** CreateCustomerContact / UpdateCustomerContact: every field an optional, nullable string. */
const CONTACT_SCHEMA = object(
	Object.fromEntries(CONTACT_FIELDS.map(([, v1]) => [v1, t.string().nullish()])),
);

function readContactBody(input) {
	const body = validBody(CONTACT_SCHEMA, input);
	const values = {};
	for (const [key, v1] of CONTACT_FIELDS) if (Object.hasOwn(body, v1)) values[key] = body[v1] ?? '';
	return values;
}

function contactOf(state, customer, idText) {
	const id = parseInt32(idText);
	const contact = state.contacts.find((c) => c.id === id && c.customerId === customer.id);
	if (!contact) throw notFound(`Contact ${idText} of customer ${customer.id}`);
	return contact;
}

export function register(router) {
	router.add('GET', '/customers/:customerId/contacts', ({ state, params }) => {
		const customer = customerByIntParam(state, params.customerId);
		const list = state.contacts
			.filter((c) => c.customerId === customer.id)
			.sort((a, b) => a.id - b.id);
		return { status: 200, body: list.map(renderContactV1) };
	});

	router.add(
		'POST',
		'/customers/:customerId/contacts',
		({ state, params, body, nowIso }) => {
			const customer = customerByIntParam(state, params.customerId);
			const values = readContactBody(body);
			const contact = { id: state.nextId.contact++, customerId: customer.id };
			for (const [key] of CONTACT_FIELDS) contact[key] = values[key] ?? '';
			contact.createdAt = contact.lastChanged = nowIso();
			state.contacts.push(contact);
			return { status: 201, body: renderContactV1(contact) };
		},
		{ body: true },
	);

	router.add('GET', '/customers/:customerId/contacts/:customerContactId', ({ state, params }) => {
		const customer = customerByIntParam(state, params.customerId);
		return {
			status: 200,
			body: renderContactV1(contactOf(state, customer, params.customerContactId)),
		};
	});

	router.add(
		'PATCH',
		'/customers/:customerId/contacts/:customerContactId',
		({ state, params, body, nowIso }) => {
			const customer = customerByIntParam(state, params.customerId);
			const contact = contactOf(state, customer, params.customerContactId);
			Object.assign(contact, readContactBody(body), { lastChanged: nowIso() });
			return { status: 204 };
		},
		{ body: true },
	);

	router.add(
		'DELETE',
		'/customers/:customerId/contacts/:customerContactId',
		({ state, params }) => {
			const customer = customerByIntParam(state, params.customerId);
			const contact = contactOf(state, customer, params.customerContactId);
			state.contacts.splice(state.contacts.indexOf(contact), 1);
			return { status: 204 };
		},
	);
}
