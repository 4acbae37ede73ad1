// v2 addresses of a customer: the master-data address (`masterdata`), the billing address
// (`billingaddress`) and any number of delivery addresses (numeric IDs).
import { ApiError } from '../../shared/errors.mjs';
import { created, findById, merge, noContent, validBody } from '../helpers.mjs';
import { conflict, genericInvalid, notFound } from '../problems.mjs';
import { listAnswer, parseListQuery } from '../query.mjs';
import { addressCreate, addressUpdate } from '../schemas.mjs';

const TYPES = ['masterdata', 'billingaddress', 'deliveryaddress'];
const LIST_SPEC = {
	filterKeys: ['type'],
	ops: ['equals', 'notEquals', 'in', 'notIn'],
	orderFields: [],
};

function book(state, customerId) {
	findById(state.customers, customerId);
	return (state.addresses[customerId] ??= { masterdata: null, billingaddress: null, delivery: [] });
}

function all(entry) {
	return [entry.masterdata, entry.billingaddress, ...entry.delivery].filter(Boolean);
}

/** The address behind an address ID: `masterdata`, `billingaddress` or a delivery address ID. */
function lookup(entry, id) {
	if (id === 'masterdata' || id === 'billingaddress') {
		if (!entry[id]) throw notFound();
		return { kind: id, address: entry[id] };
	}
	if (!/^\d+$/.test(id))
		throw new ApiError(400, 'request-validation', 'Request payload validation failed.', {
			id: ['This value should be masterdata, billingaddress or a numeric ID.'],
		});
	const address = entry.delivery.find((a) => a.id === id);
	if (!address) throw notFound();
	return { kind: 'deliveryaddress', address };
}

export function register(router) {
	router.add('GET', '/v2/customers/:customerId/addresses', ({ state, params, query, options }) => {
		const entry = book(state, params.customerId);
		const parsed = parseListQuery(query, LIST_SPEC);
		const rows = all(entry);
		// Master data first, then billing, then delivery by ID: the book's own order.
		const order = new Map(rows.map((a, i) => [a, i]));
		parsed.sort = [];
		const answer = listAnswer(rows, parsed, (a, key) => a[key], options.readings);
		answer.data.sort((a, b) => order.get(a) - order.get(b));
		return { status: 200, body: { ...answer, data: structuredClone(answer.data) } };
	});

	router.add(
		'POST',
		'/v2/customers/:customerId/addresses',
		({ state, params, body, headers }) => {
			const entry = book(state, params.customerId);
			const type = body && typeof body === 'object' ? body.type : undefined;
			if (!TYPES.includes(type))
				throw new ApiError(400, 'request-validation', 'Request payload validation failed.', {
					type: [`The value you selected is not a valid choice (${TYPES.join(', ')}).`],
				});
			const data = validBody(addressCreate[type], body);
			const base = `/api/v2/customers/${params.customerId}/addresses`;
			if (type === 'deliveryaddress') {
				const id = String(++state.nextIds.delivery);
				entry.delivery.push({ id, ...data });
				return created(headers, `${base}/${id}`);
			}
			if (entry[type]) throw conflict(`The customer already has a ${type} address.`);
			entry[type] = { id: type, ...data };
			return created(headers, `${base}/${type}`);
		},
		{ body: true },
	);

	router.add('GET', '/v2/customers/:customerId/addresses/:id', ({ state, params }) => {
		const { address } = lookup(book(state, params.customerId), params.id);
		return { status: 200, body: { data: structuredClone(address) } };
	});

	router.add(
		'PATCH',
		'/v2/customers/:customerId/addresses/:id',
		({ state, params, body }) => {
			const { kind, address } = lookup(book(state, params.customerId), params.id);
			const data = validBody(addressUpdate[kind], body);
			merge(address, data);
			return noContent();
		},
		{ body: true },
	);

	router.add('DELETE', '/v2/customers/:customerId/addresses/:id', ({ state, params }) => {
		const entry = book(state, params.customerId);
		const { kind, address } = lookup(entry, params.id);
		if (kind === 'masterdata') throw genericInvalid('The master data address cannot be deleted.');
		if (kind === 'billingaddress') entry.billingaddress = null;
		else entry.delivery.splice(entry.delivery.indexOf(address), 1);
		return noContent();
	});
}
