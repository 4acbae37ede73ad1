import type { IDataObject } from 'n8n-workflow';

import { ADDRESS_SHAPE, CONTACT_SHAPE, PRICE_SHAPE, toShape } from '../../shared/shapes';

/**
 * JTL-Wawi's contacts, addresses and prices in the package's compact shapes (shared/shapes.ts):
 * the same keys whether REST v1 (PascalCase) or REST v2 (camelCase) answered.
 */

/** The first value present under any of these names (v1 and v2 spellings). */
function first(record: IDataObject, ...names: string[]): unknown {
	for (const name of names) if (record[name] !== undefined) return record[name];
	return undefined;
}

export function simplifyContact(record: IDataObject) {
	return toShape(CONTACT_SHAPE, {
		id: first(record, 'Id', 'id'),
		salutation: first(record, 'Honorific', 'salutation', 'honorific'),
		firstName: first(record, 'FirstName', 'firstName'),
		lastName: first(record, 'LastName', 'lastName'),
		email: first(record, 'EmailAddress', 'emailAddress'),
		phone: first(record, 'PhoneNumber', 'phoneNumber'),
		mobilePhone: first(record, 'MobilePhoneNumber', 'mobilePhoneNumber'),
		fax: first(record, 'Fax', 'fax', 'faxNumber'),
		department: first(record, 'Department', 'department'),
	});
}

/** v2's `addressType` numbers (see the README's assumptions) by their name in the compact shape. */
const V2_ADDRESS_TYPES = ['billing', 'shipping', 'otherBilling', 'otherShipping', 'custom'];

function addressType(value: unknown): unknown {
	const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof n === 'number' ? (V2_ADDRESS_TYPES[n] ?? String(n)) : value;
}

/**
 * One address. A v1 address (flattened by Address > Get Many) carries its `type` name and no ID; a
 * v2 address its `customerAddressId` and numeric `addressType`.
 */
export function simplifyAddress(record: IDataObject, customerId: unknown) {
	return toShape(ADDRESS_SHAPE, {
		id: record.customerAddressId,
		customerId,
		type: first(record, 'type') ?? addressType(record.addressType),
		isDefault: first(record, 'isDefaultAddress', 'isDefault'),
		company: first(record, 'Company', 'companyName'),
		salutation: first(record, 'FormOfAddress', 'salutation'),
		firstName: first(record, 'FirstName', 'firstName'),
		lastName: first(record, 'LastName', 'lastName'),
		street: first(record, 'Street', 'street'),
		additionalAddressLine: first(record, 'Address2', 'additionalAddressLine'),
		postalCode: first(record, 'PostalCode', 'postalCode'),
		city: first(record, 'City', 'city'),
		state: first(record, 'State', 'state'),
		countryIso: first(record, 'CountryIso', 'countryIso'),
		email: first(record, 'EmailAddress', 'emailAddress'),
		phone: first(record, 'PhoneNumber', 'phoneNumber'),
	});
}

export function simplifyPrice(record: IDataObject, itemId?: unknown) {
	return toShape(PRICE_SHAPE, {
		itemId: first(record, 'ItemId', 'itemId') ?? itemId,
		customerId: first(record, 'CustomerId', 'customerId'),
		fromQuantity: first(record, 'FromQuantity', 'fromQuantity') ?? 0,
		netPrice: first(record, 'NetPrice', 'netPrice'),
		percentReduction: first(record, 'ReduceStandardPriceByPercent', 'reduceStandardPriceByPercent'),
	});
}
