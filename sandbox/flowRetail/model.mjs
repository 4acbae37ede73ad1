// The Flow Retail customer: its body schema (create, update, batch items), the rules the backoffice
// enforces (assumed for the API, README), and applying a body to a stored record.
import { ApiError, notFound, throwIfErrors, validationError } from '../shared/errors.mjs';
import { array, object, oneOf, optional, t, z } from '../shared/zod.mjs';
import { blankCustomer, displayNameOf, hasExtension } from './data.mjs';
import { UID_RE, conflict } from './validate.mjs';

export const CUSTOMER_TYPES = ['PERSON', 'COMPANY', 'B2B'];
const uid = () => t.string().regex(UID_RE, 'Expected a UID (^[A-Za-z0-9-_]+$).');
const text = (max = 255) => t.string().max(max, `At most ${max} characters.`);

/** The update (PUT) fields of the seed; a create takes the same plus the client-chosen UID. */
export const CUSTOMER_FIELDS = {
	address: optional(text()),
	city: optional(text()),
	companyName: optional(text()),
	countryCode: optional(t.string().regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 code.')),
	email: optional(text()),
	firstname: optional(text()),
	lastname: optional(text()),
	mobile: optional(text(32)),
	postalCode: optional(text(16)),
	customerType: optional(
		z.enum(CUSTOMER_TYPES, { errorMap: () => ({ message: oneOf(CUSTOMER_TYPES) }) }),
	),
	externalId: optional(text()),
	origin: optional(text()),
	loyaltyId: optional(text()),
	ledgerNumber: optional(t.string().regex(/^\d*$/, 'Digits only.')),
	vatNumber: optional(text(32)),
	pricelistUid: optional(uid()),
	paymentTerms: optional(t.int32().min(0, 'Must be >= 0.')),
	internalNote: optional(text(2000)),
	ehfEnabled: optional(t.boolean()),
	ehf: optional(object({ enabled: optional(t.boolean()), address: optional(text()) })),
	customerGroupUids: optional(array(uid())),
	defaultStoreUid: optional(uid()),
};

export const CREATE_SCHEMA = object({ ...CUSTOMER_FIELDS, customerUid: optional(uid(), false) });
export const UPDATE_SCHEMA = object(CUSTOMER_FIELDS);
export const KEYED_SCHEMA = object({ ...CUSTOMER_FIELDS, customerUid: uid() });
export const DELETE_SCHEMA = object({ customerUid: uid() });

/** The backoffice's rules, checked on the record a write would leave [assumption for the API]. */
function ruleErrors(c) {
	const errors = {};
	if (c.customerType === 'PERSON') {
		if (!c.firstname) errors.firstname = 'A person needs a first name.';
		if (!c.lastname) errors.lastname = 'A person needs a last name.';
	} else if (!c.companyName)
		errors.companyName = `A ${c.customerType} customer needs a company name.`;
	if (!c.countryCode) errors.countryCode = 'A country is required.';
	if (c.countryCode === 'NO' && c.postalCode && !/^\d{4}$/.test(c.postalCode))
		errors.postalCode = 'A Norwegian postal code has four digits.';
	if (c.mobile && !/^\+?\d+$/.test(c.mobile))
		errors.mobile = 'Only digits and a leading + are allowed.';
	if (c.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email))
		errors.email = 'Not a valid e-mail address.';
	return errors;
}

/** Applies a validated body onto a copy of `current`; throws 400 naming bad fields or references. */
export function applyCustomerBody(state, current, body, nowIso) {
	const next = structuredClone(current);
	const refErrors = {};
	for (const [key, value] of Object.entries(body)) {
		if (key === 'customerUid' || value === undefined) continue;
		if (key === 'defaultStoreUid') {
			if (value === null) next.defaultStore = null;
			else {
				const store = state.stores.find((s) => s.storeUid === value);
				if (!store) refErrors.defaultStoreUid = `Store ${value} does not exist.`;
				else next.defaultStore = { storeUid: store.storeUid, name: store.name };
			}
		} else if (key === 'ehf') {
			next.ehf = { ...next.ehf, ...value };
			next.ehfEnabled = Boolean(next.ehf.enabled);
		} else if (key === 'ehfEnabled') {
			next.ehfEnabled = Boolean(value);
			next.ehf = { ...next.ehf, enabled: Boolean(value) };
		} else if (key === 'customerGroupUids') {
			const unknown = (value ?? []).filter(
				(g) => !state.groups.some((x) => x.customerGroupUid === g),
			);
			if (unknown.length)
				refErrors.customerGroupUids = `Unknown customer groups: ${unknown.join(', ')}.`;
			next.customerGroupUids = [...new Set(value ?? [])];
		} else if (key === 'pricelistUid') {
			if (value !== null && !state.pricelists.some((p) => p.pricelistUid === value))
				refErrors.pricelistUid = `Price list ${value} does not exist.`;
			next.pricelistUid = value;
		} else {
			next[key] = value ?? (typeof current[key] === 'string' ? '' : null);
		}
	}
	// "B2B" (agreement customer) needs the tenant's B2B extension [verified: OMN; EXT b2b].
	if (body.customerType === 'B2B' && !hasExtension(state, 'B2B'))
		refErrors.customerType = 'B2B customers need the tenant extension B2B, which is not active.';
	throwIfErrors(refErrors);
	throwIfErrors(ruleErrors(next));
	next.displayName = displayNameOf(next);
	next.lastModifiedAt = nowIso;
	return next;
}

export function customerByUid(state, customerUid) {
	const customer = state.customers.find((c) => c.customerUid === customerUid);
	if (!customer) throw notFound(`Customer ${customerUid}`);
	return customer;
}

/** A new customer's UID: the client's, or one the sandbox makes. */
export function newCustomerUid(state) {
	let uid;
	do uid = `cust-${(++state.counter).toString(36)}-${state.rng.uid('n').slice(2)}`;
	while (state.customers.some((c) => c.customerUid === uid));
	return uid;
}

/** Creates a customer from a validated body; a UID already taken is a 409, never a second record. */
export function createCustomer(state, body, nowIso) {
	const customerUid = body.customerUid || newCustomerUid(state);
	if (state.customers.some((c) => c.customerUid === customerUid))
		throw conflict(`Customer ${customerUid}`);
	const customer = applyCustomerBody(state, blankCustomer(customerUid, nowIso), body, nowIso);
	customer.createdAt = nowIso;
	state.customers.push(customer);
	return customer;
}

export function updateCustomer(state, customer, body, nowIso) {
	const next = applyCustomerBody(state, customer, body, nowIso);
	state.customers[state.customers.indexOf(customer)] = next;
	return next;
}

export function deleteCustomer(state, customer) {
	state.customers.splice(state.customers.indexOf(customer), 1);
}

export { ApiError, validationError };
