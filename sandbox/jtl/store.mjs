// Shared mutations on the internal state (used by the v1 and v2 route modules).
import { blankAddress } from './data.mjs';
import { ADDRESS_FIELDS, ADDRESS_TYPE, findById, findByUuid } from './model.mjs';
import { notFound } from '../shared/errors.mjs';
import { parseInt32 } from '../shared/values.mjs';
import { instantOf } from './readings.mjs';

export function customerByIntParam(state, text) {
	const customer = findById(state.customers, parseInt32(text));
	if (!customer) throw notFound(`Customer ${text}`);
	return customer;
}

export function customerByUuidParam(state, text) {
	const customer = findByUuid(state.customers, text);
	if (!customer) throw notFound(`Customer ${text}`);
	return customer;
}

export function itemByParam(state, text) {
	const item = findById(state.items, parseInt32(text));
	if (!item) throw notFound(`Item ${text}`);
	return item;
}

/** Add an address to a customer. `values` uses internal field names. */
export function addAddress(state, customer, type, values = {}, isDefault) {
	const sameType = customer.addresses.filter((a) => a.type === type);
	const address = {
		...blankAddress(),
		...values,
		id: state.nextId.address++,
		uuid: state.rng.uuid(),
		type,
		isDefault: isDefault ?? sameType.length === 0,
	};
	if (address.isDefault) for (const a of sameType) a.isDefault = false;
	customer.addresses.push(address);
	return address;
}

/** Make `address` the only default address of its type. */
export function setDefault(customer, address, isDefault) {
	address.isDefault = isDefault;
	if (!isDefault) return;
	for (const a of customer.addresses)
		if (a !== address && a.type === address.type) a.isDefault = false;
}

/** Copy address fields from a body (v1 or v2 names) onto an internal address; only provided keys. */
export function assignAddress(target, body, surface) {
	const col = surface === 'v1' ? 1 : 2;
	for (const row of ADDRESS_FIELDS)
		if (Object.hasOwn(body, row[col])) target[row[0]] = body[row[col]];
	return target;
}

export function deleteCustomer(state, customer) {
	state.customers.splice(state.customers.indexOf(customer), 1);
	removeWhere(state.contacts, (c) => c.customerId === customer.id);
	removeWhere(state.prices, (p) => p.customerId === customer.id);
}

/** Remove matching entries in place (keeps array identity for holders of state.* references). */
export function removeWhere(list, predicate) {
	for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) list.splice(i, 1);
}

export function numberTaken(state, number, exceptCustomer) {
	return state.customers.some((c) => c !== exceptCustomer && c.number === number);
}

/**
 * Store-ready scalar value: dates as ISO instants (a time without an offset read as the sandbox's
 * readings say, never in the zone of the sandbox process), everything else as given.
 */
export function scalar(readings, type, value) {
	return type === 'datetime' && value !== null ? instantOf(readings, value) : value;
}

export { ADDRESS_TYPE };
