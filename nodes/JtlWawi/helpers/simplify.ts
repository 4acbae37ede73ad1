import type { IDataObject } from 'n8n-workflow';

import { JTL_TIME_ZONE } from '../../../credentials/JtlWawiOAuth2Api.credentials';
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
