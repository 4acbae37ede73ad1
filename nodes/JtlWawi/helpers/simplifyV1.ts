import type { IDataObject } from 'n8n-workflow';

import type { SimpleCustomer } from './simplify';
import { simplifyCustomerV2 } from './simplify';

function text(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const s = String(value);
	return s === '' ? null : s;
}

/**
 * A JTL v1 customer record (PascalCase) in the same compact shape as a v2 record, so that a
 * workflow sees one shape whichever API answered. v1 records carry no change time.
 */
export function simplifyCustomerV1(record: IDataObject): SimpleCustomer {
	const address = (record.BillingAddress as IDataObject | null) ?? {};
	return {
		id: text(record.Id),
		customerNumber: text(record.Number),
		createdDate: text(record.CustomerSince),
		lastChanged: null,
		company: text(address.Company),
		firstName: text(address.FirstName),
		lastName: text(address.LastName),
		email: text(address.EmailAddress),
		phone: text(address.PhoneNumber),
		street: text(address.Street),
		postalCode: text(address.PostalCode),
		city: text(address.City),
		countryIso: text(address.CountryIso),
		customerGroupId: text(record.CustomerGroupId),
		languageIso: text(record.LanguageIso),
		isLocked: typeof record.IsLocked === 'boolean' ? record.IsLocked : null,
	};
}

/** Simplifies a customer from either API, telling them apart by their casing. */
export function simplifyCustomer(record: IDataObject): SimpleCustomer {
	return 'Id' in record || 'Number' in record
		? simplifyCustomerV1(record)
		: simplifyCustomerV2(record);
}
