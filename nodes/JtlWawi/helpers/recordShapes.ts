import type { IDataObject } from 'n8n-workflow';

import { ADDRESS_SHAPE, CONTACT_SHAPE, PRICE_SHAPE, toShape } from '../../shared/shapes';

/**
 * JTL-Wawi's contacts, addresses and prices in the package's compact shapes (shared/shapes.ts):
 * the same keys whether REST v1 (PascalCase) or REST v2 (camelCase) answered.
 */

/** The customer a contact, address or price belongs to: its ID and customer number. */
export interface CustomerRef {
	number: string | null;
}

/** The first value present under any of these names (v1 and v2 spellings). */
function first(record: IDataObject, ...names: string[]): unknown {
	for (const name of names) if (record[name] !== undefined) return record[name];
	return undefined;
}

export function simplifyContact(record: IDataObject, customerId?: unknown, customer?: CustomerRef) {
	return toShape(CONTACT_SHAPE, {
		id: first(record, 'Id', 'id'),
		customerId,
		customerNumber: customer?.number,
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
export function simplifyAddress(
	record: IDataObject,
	customerId: unknown,
	customer?: CustomerRef,
	typeName?: string,
) {
	return toShape(ADDRESS_SHAPE, {
		id: record.customerAddressId,
		customerId,
		customerNumber: customer?.number,
		type: typeName ?? first(record, 'type') ?? addressType(record.addressType),
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

/** Which of a customer price's two values is meant: a fixed net price or a percent reduction. */
export type PriceKind = 'netPrice' | 'percent';

function priceNumber(value: unknown): number | null {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/**
 * The values of a price record that are in force. JTL's schema makes both `NetPrice` and
 * `ReduceStandardPriceByPercent` required numbers although a price uses only one of them, so the
 * unused one may come as 0 or as null. A 0 beside a non-zero other value is the unused one and
 * becomes null. When both are 0, only the write that made the price can tell a free item from a 0 %
 * reduction: `written` says which one the node just set; without it both stay 0, as JTL reports.
 */
export function priceValuesInForce(
	record: IDataObject,
	written?: PriceKind,
): { netPrice: number | null; percentReduction: number | null } {
	let netPrice = priceNumber(first(record, 'NetPrice', 'netPrice'));
	let percentReduction = priceNumber(
		first(record, 'ReduceStandardPriceByPercent', 'reduceStandardPriceByPercent'),
	);
	if (netPrice === 0 && percentReduction !== null && percentReduction !== 0) netPrice = null;
	else if (percentReduction === 0 && netPrice !== null && netPrice !== 0) percentReduction = null;
	else if (netPrice === 0 && percentReduction === 0 && written) {
		if (written === 'netPrice') percentReduction = null;
		else netPrice = null;
	}
	return { netPrice, percentReduction };
}

export function simplifyPrice(
	record: IDataObject,
	itemId?: unknown,
	written?: PriceKind,
	customer?: CustomerRef,
) {
	return toShape(PRICE_SHAPE, {
		itemId: first(record, 'ItemId', 'itemId') ?? itemId,
		customerId: first(record, 'CustomerId', 'customerId'),
		customerNumber: customer?.number,
		fromQuantity: first(record, 'FromQuantity', 'fromQuantity') ?? 0,
		...priceValuesInForce(record, written),
	});
}
