import type { IDataObject } from 'n8n-workflow';

import { JTL_TIME_ZONE } from '../../../credentials/JtlWawiOAuth2Api.credentials';
import type { CommonCustomer } from '../../shared/customer';
import { toCommonCustomer } from '../../shared/customer';
import { ADDRESS_SHAPE, CONTACT_SHAPE, PRICE_SHAPE, toShape } from '../../shared/shapes';

/** The `source` of every JTL-Wawi record in the common customer shape. */
const JTL_SOURCE = 'jtlWawi';

function isBilling(address: IDataObject): boolean {
	const type = address.addressType;
	return type === 0 || type === '0' || String(type).toLowerCase() === 'billing';
}

function isDefault(address: IDataObject): boolean {
	return address.isDefaultAddress === true || address.isDefault === true;
}

/**
 * The customer's default billing address (addressType 0): the one flagged default, else the first
 * billing address, else none.
 */
function defaultBillingAddress(record: IDataObject): IDataObject | undefined {
	const addresses = Array.isArray(record.addresses)
		? (record.addresses as unknown[]).filter(
				(a): a is IDataObject => !!a && typeof a === 'object' && !Array.isArray(a),
			)
		: [];
	const billing = addresses.filter(isBilling);
	return billing.find(isDefault) ?? billing[0];
}

/**
 * A JTL v2 customer record (`GET /v2/customers`) in the package's common customer shape: the
 * customer's own keys plus name, company and contact data from its default billing address.
 *
 * - `updatedAt` is `lastChanged`, read in JTL's zone (`timeZone`) when it comes without an offset.
 * - `createdAt` is null: `createdDate` is no creation time the node can vouch for, since the update
 *   command can set it (seed 001), and JTL does not say whether it is the same date as v1's
 *   `CustomerSince`. So it is neither `createdAt` nor `customerSince`; `customerOutput.ts` fills
 *   `customerSince` from the customer's v1 record when the run has read it.
 * - `groupId` is the v2 group UUID.
 */
export function simplifyCustomerV2(record: IDataObject, timeZone = JTL_TIME_ZONE): CommonCustomer {
	const address = defaultBillingAddress(record) ?? {};
	return toCommonCustomer(
		JTL_SOURCE,
		{
			id: record.id,
			number: record.customerNumber,
			company: address.companyName,
			firstName: address.firstName,
			lastName: address.lastName,
			email: address.emailAddress,
			phone: address.phoneNumber,
			mobile: address.mobilePhoneNumber,
			street: address.street,
			postalCode: address.postalCode,
			city: address.city,
			countryIso: address.countryIso,
			groupId: record.customerGroupId,
			languageIso: record.languageIso,
			updatedAt: record.lastChanged,
			isLocked: record.isLocked,
		},
		timeZone,
	);
}

/**
 * A JTL v1 customer record (PascalCase) in the same common shape, so that a workflow sees one
 * shape whichever API answered. Its whole-number ID is the `legacyId`; `CustomerSince`, a business
 * date a user can edit, is `customerSince`. v1 records carry no creation or change time and only
 * the v1 group number: `customerOutput.ts` adds the v2 UUID and the v2 group UUID.
 */
function simplifyCustomerV1(record: IDataObject, timeZone: string): CommonCustomer {
	const address = (record.BillingAddress as IDataObject | null) ?? {};
	return toCommonCustomer(
		JTL_SOURCE,
		{
			legacyId: record.Id,
			number: record.Number,
			company: address.Company,
			firstName: address.FirstName,
			lastName: address.LastName,
			email: address.EmailAddress,
			phone: address.PhoneNumber,
			mobile: address.MobilePhoneNumber,
			street: address.Street,
			postalCode: address.PostalCode,
			city: address.City,
			countryIso: address.CountryIso,
			languageIso: record.LanguageIso,
			customerSince: record.CustomerSince,
			isLocked: record.IsLocked,
		},
		timeZone,
	);
}

/** Whether a customer record comes from REST v1 (PascalCase). */
export function isV1Record(record: IDataObject): boolean {
	return 'Id' in record || 'Number' in record;
}

/**
 * Simplifies a customer from either API, telling them apart by their casing. Only what the record
 * itself holds is set; `customerOutput.ts` adds what the other API knows (the other ID, the v2
 * group UUID of a v1 record, the v1 `CustomerSince` of a v2 record).
 */
export function simplifyCustomer(record: IDataObject, timeZone = JTL_TIME_ZONE): CommonCustomer {
	return isV1Record(record)
		? simplifyCustomerV1(record, timeZone)
		: simplifyCustomerV2(record, timeZone);
}

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
