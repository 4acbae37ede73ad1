import type { IDataObject } from 'n8n-workflow';

import type { CommonCustomer } from '../../shared/customer';
import { toCommonCustomer } from '../../shared/customer';
import type { Shape } from '../../shared/shapes';
import { ADDRESS_SHAPE, CONTACT_SHAPE, toShape } from '../../shared/shapes';

export const XENTRAL_SOURCE = 'xentral';

const obj = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/** Whether a v2 customer record states its main address itself (embedded or flat). */
export function carriesMainAddress(record: IDataObject): boolean {
	return 'address' in record || ['street', 'zip', 'city', 'country'].some((k) => k in record);
}

export interface CustomerSimplifyOptions {
	/** The zone of the instance, for times without an offset (see timeZone.ts). */
	timeZone?: string;
	/**
	 * The master-data address read through the address endpoint, for a record that carries none;
	 * null when the customer has none. Left out, the record's own `address` (or flat fields) is used.
	 */
	mainAddress?: IDataObject | null;
}

/**
 * A v2 customer in the package's common customer shape. The main address is the master-data
 * address: the record's `address` (or flat `street`, `zip`, `city`, `country`) where the answer
 * carries one [assumption: the v2 view's shape is undocumented], else the one read through the
 * address endpoint. `phone` is `contactDetails.phone` (the landline), `mobile` its `mobile`;
 * Xentral has no lock flag and no "customer since" date.
 */
export function simplifyCustomer(
	record: IDataObject,
	options: CustomerSimplifyOptions = {},
): CommonCustomer {
	const contact = obj(record.contactDetails);
	const address =
		options.mainAddress !== undefined
			? obj(options.mainAddress)
			: { ...record, ...obj(record.address) };
	const type = record.customerType;
	const groups = Array.isArray(record.groups) ? record.groups : [];
	const firstGroup = groups[0] && typeof groups[0] === 'object' ? obj(groups[0]).id : groups[0];
	return toCommonCustomer(
		XENTRAL_SOURCE,
		{
			id: record.id,
			number: record.number,
			type,
			company: type === 'person' ? null : record.name,
			firstName: record.firstname,
			lastName: record.lastname,
			email: contact.email ?? record.email,
			phone: contact.phone ?? record.phone,
			mobile: contact.mobile ?? record.mobile,
			street: address.street,
			postalCode: address.zip,
			city: address.city,
			countryIso: address.country,
			groupId: firstGroup,
			languageIso: record.language,
			createdAt: record.createdAt,
			updatedAt: record.updatedAt,
		},
		options.timeZone,
	);
}

/** Lower-case words that begin a surname (von der Leyen, van Dijk, de la Cruz, zu Guttenberg). */
const SURNAME_PARTICLES = new Set([
	'von',
	'vom',
	'van',
	'der',
	'den',
	'de',
	'del',
	'della',
	'di',
	'da',
	'la',
	'le',
	'zu',
	'zum',
	'zur',
	'ten',
	'ter',
	'y',
]);

/**
 * A contact person's one name as first and last name. Xentral keeps a single `name`, documented
 * as the full name in the order "Firstname Surname": the last word is the last name, together with
 * the lower-case particles before it (`Ursula von der Leyen` → `Ursula` / `von der Leyen`); a
 * single word is the last name alone.
 */
export function splitPersonName(name: unknown): {
	firstName: string | null;
	lastName: string | null;
} {
	const words = typeof name === 'string' ? name.trim().split(/\s+/).filter(Boolean) : [];
	if (words.length === 0) return { firstName: null, lastName: null };
	let start = words.length - 1;
	while (start > 1 && SURNAME_PARTICLES.has(words[start - 1])) start--;
	return {
		firstName: start > 0 ? words.slice(0, start).join(' ') : null,
		lastName: words.slice(start).join(' '),
	};
}

/** Whose record a contact, address or price is: the customer's ID and number. */
export interface CustomerRef {
	id: string | null;
	number: string | null;
}

/**
 * A contact person in the package's contact shape. The name is split as `splitPersonName` says,
 * except for the type `company`, whose name stays whole as the last name.
 */
export function simplifyContactPerson(record: IDataObject, customer?: CustomerRef) {
	const contact = obj(record.contact);
	const salutation = { mr: 'Herr', mrs: 'Frau', company: 'Firma' }[String(record.type)] ?? null;
	const names =
		record.type === 'company'
			? { firstName: null, lastName: record.name }
			: splitPersonName(record.name);
	return toShape(CONTACT_SHAPE, {
		id: record.id,
		customerId: obj(record.customer).id ?? customer?.id,
		customerNumber: customer?.number,
		salutation,
		...names,
		email: contact.email,
		phone: contact.phone,
		mobilePhone: contact.mobile,
		fax: contact.fax,
		department: record.department,
	});
}

/**
 * Xentral's address kinds in the address shape's words: the billing address is `billing`, a
 * delivery address `shipping`, the master-data address (the customer's own) `main`.
 */
const ADDRESS_TYPES: Record<string, string> = {
	masterdata: 'main',
	billingaddress: 'billing',
	deliveryaddress: 'shipping',
};

/**
 * An address in the package's address shape; `id` stays Xentral's (`masterdata`, `101`, ...), and
 * the master-data and billing address, which Xentral names by their kind, keep that name as ID.
 */
export function simplifyAddress(record: IDataObject, customer: CustomerRef) {
	const contact = obj(record.contactDetails);
	const kind = String(record.type ?? record.id ?? '');
	return toShape(ADDRESS_SHAPE, {
		id: record.id ?? (kind === 'masterdata' || kind === 'billingaddress' ? kind : null),
		customerId: customer.id,
		customerNumber: customer.number,
		type: ADDRESS_TYPES[kind] ?? kind,
		isDefault:
			kind === 'deliveryaddress'
				? (obj(record.deliveryDetails).defaultDeliveryAddress ?? null)
				: true,
		company: record.name,
		salutation: record.salutation,
		firstName: null,
		lastName: null,
		street: record.street,
		additionalAddressLine: record.addressSupplement,
		postalCode: record.zip,
		city: record.city,
		state: record.state,
		countryIso: record.country,
		email: contact.email,
		phone: contact.phone,
	});
}

/** The compact shape of a Xentral sales price (customer or customer-group price). */
export const SALES_PRICE_SHAPE = {
	id: 'string',
	productId: 'string',
	customerId: 'string',
	customerNumber: 'string',
	customerGroupId: 'string',
	fromQuantity: 'number',
	price: 'number',
	currency: 'string',
	validFrom: 'string',
	validTo: 'string',
} as const satisfies Shape;

/** A sales price in its compact shape; `customerNumber` is that of the price's customer, if any. */
export function simplifySalesPrice(record: IDataObject, customerNumber?: string | null) {
	const price = obj(record.price);
	return toShape(SALES_PRICE_SHAPE, {
		id: record.id,
		productId: obj(record.product).id,
		customerId: obj(record.customer).id,
		customerNumber,
		customerGroupId: obj(record.customerGroup).id,
		fromQuantity: record.amount,
		price: price.amount,
		currency: price.currency,
		validFrom: record.validFrom,
		validTo: record.expiresAt,
	});
}

/**
 * A v3 customer (the beta customer API) in the common customer shape: the primary address holds
 * the name, the address, e-mail, landline and mobile; `type` `company` marks a company, and a
 * person's one name is split as a contact person's is.
 */
export function simplifyV3Customer(record: IDataObject, timeZone?: string): CommonCustomer {
	const address = obj(record.primaryAddress);
	const groups = Array.isArray(record.groups) ? record.groups : [];
	const isCompany = address.type === 'company';
	return toCommonCustomer(
		XENTRAL_SOURCE,
		{
			id: record.id,
			number: record.number,
			type: isCompany ? 'company' : address.type ? 'person' : null,
			company: isCompany ? address.name : null,
			...(isCompany ? {} : splitPersonName(address.name)),
			email: address.email,
			phone: address.phone,
			mobile: address.mobile,
			street: address.street,
			postalCode: address.zipCode,
			city: address.city,
			countryIso: address.country,
			groupId: obj(groups[0]).id,
			languageIso: obj(record.communication).language,
			createdAt: record.createdAt,
			updatedAt: record.updatedAt,
		},
		timeZone,
	);
}
