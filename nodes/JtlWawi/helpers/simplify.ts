import type { IDataObject } from 'n8n-workflow';

import type { CommonCustomer } from '../../shared/customer';
import { toCommonCustomer } from '../../shared/customer';

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
 */
export function simplifyCustomerV2(record: IDataObject): CommonCustomer {
	const address = defaultBillingAddress(record) ?? {};
	return toCommonCustomer(JTL_SOURCE, {
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
		createdAt: record.createdDate,
		updatedAt: record.lastChanged,
		isLocked: record.isLocked,
	});
}

/**
 * A JTL v1 customer record (PascalCase) in the same common shape, so that a workflow sees one
 * shape whichever API answered. v1 records carry no change time; their whole-number ID is the
 * `legacyId`.
 */
function simplifyCustomerV1(record: IDataObject): CommonCustomer {
	const address = (record.BillingAddress as IDataObject | null) ?? {};
	return toCommonCustomer(JTL_SOURCE, {
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
		groupId: record.CustomerGroupId,
		languageIso: record.LanguageIso,
		createdAt: record.CustomerSince,
		isLocked: record.IsLocked,
	});
}

/** Whether a customer record comes from REST v1 (PascalCase). */
export function isV1Record(record: IDataObject): boolean {
	return 'Id' in record || 'Number' in record;
}

/**
 * Simplifies a customer from either API, telling them apart by their casing. Only the ID of the
 * API that answered is set (`id` for v2, `legacyId` for v1); `customerOutput.ts` adds the other.
 */
export function simplifyCustomer(record: IDataObject): CommonCustomer {
	return isV1Record(record) ? simplifyCustomerV1(record) : simplifyCustomerV2(record);
}
