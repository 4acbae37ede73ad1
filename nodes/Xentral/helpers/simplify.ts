import type { IDataObject } from 'n8n-workflow';

import type { CommonCustomer } from '../../shared/customer';
import { toCommonCustomer } from '../../shared/customer';
import type { Shape } from '../../shared/shapes';
import { ADDRESS_SHAPE, CONTACT_SHAPE, toShape } from '../../shared/shapes';

export const XENTRAL_SOURCE = 'xentral';

const obj = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/**
 * A v2 customer in the package's common customer shape. The main address comes from the record's
 * `address` (or flat `street`, `zip`, `city`, `country`) where the answer carries one [assumption:
 * the v2 view's shape is undocumented]; Xentral has no lock flag.
 */
export function simplifyCustomer(record: IDataObject): CommonCustomer {
	const contact = obj(record.contactDetails);
	const address = { ...record, ...obj(record.address) };
	const type = record.customerType;
	const groups = Array.isArray(record.groups) ? record.groups : [];
	const firstGroup = groups[0] && typeof groups[0] === 'object' ? obj(groups[0]).id : groups[0];
	return toCommonCustomer(XENTRAL_SOURCE, {
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
	});
}

/** A contact person in the package's contact shape; Xentral keeps one `name` (last name). */
export function simplifyContactPerson(record: IDataObject) {
	const contact = obj(record.contact);
	const salutation = { mr: 'Herr', mrs: 'Frau', company: 'Firma' }[String(record.type)] ?? null;
	return toShape(CONTACT_SHAPE, {
		id: record.id,
		salutation,
		firstName: null,
		lastName: record.name,
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

/** An address in the package's address shape; `id` stays Xentral's (`masterdata`, `101`, ...). */
export function simplifyAddress(record: IDataObject, customerId: string) {
	const contact = obj(record.contactDetails);
	const kind = String(record.type ?? record.id ?? '');
	return toShape(ADDRESS_SHAPE, {
		id: record.id,
		customerId,
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

export function simplifySalesPrice(record: IDataObject) {
	const price = obj(record.price);
	return toShape(SALES_PRICE_SHAPE, {
		id: record.id,
		productId: obj(record.product).id,
		customerId: obj(record.customer).id,
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
 * the name, the address, e-mail and phone; `type` `company` marks a company.
 */
export function simplifyV3Customer(record: IDataObject): CommonCustomer {
	const address = obj(record.primaryAddress);
	const groups = Array.isArray(record.groups) ? record.groups : [];
	const isCompany = address.type === 'company';
	return toCommonCustomer(XENTRAL_SOURCE, {
		id: record.id,
		number: record.number,
		type: isCompany ? 'company' : address.type ? 'person' : null,
		company: isCompany ? address.name : null,
		lastName: isCompany ? null : address.name,
		email: address.email,
		phone: address.phone,
		street: address.street,
		postalCode: address.zipCode,
		city: address.city,
		countryIso: address.country,
		groupId: obj(groups[0]).id,
		languageIso: obj(record.communication).language,
		createdAt: record.createdAt,
		updatedAt: record.updatedAt,
	});
}
