import type { IDataObject } from 'n8n-workflow';

/** The compact customer shape that "Simplify" returns. */
export interface SimpleCustomer extends IDataObject {
	id: string | null;
	customerNumber: string | null;
	createdDate: string | null;
	lastChanged: string | null;
	company: string | null;
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	phone: string | null;
	street: string | null;
	postalCode: string | null;
	city: string | null;
	countryIso: string | null;
	customerGroupId: string | null;
	languageIso: string | null;
	isLocked: boolean | null;
}

function text(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const s = String(value);
	return s === '' ? null : s;
}

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
export function defaultBillingAddress(record: IDataObject): IDataObject | undefined {
	const addresses = Array.isArray(record.addresses)
		? (record.addresses as unknown[]).filter(
				(a): a is IDataObject => !!a && typeof a === 'object' && !Array.isArray(a),
			)
		: [];
	const billing = addresses.filter(isBilling);
	return billing.find(isDefault) ?? billing[0];
}

/**
 * A JTL v2 customer record (`GET /v2/customers`) in a compact, flat shape: the customer's own keys
 * plus name, company and contact data from its default billing address. Missing values are null.
 */
export function simplifyCustomerV2(record: IDataObject): SimpleCustomer {
	const address = defaultBillingAddress(record) ?? {};
	return {
		id: text(record.id),
		customerNumber: text(record.customerNumber),
		createdDate: text(record.createdDate),
		lastChanged: text(record.lastChanged),
		company: text(address.companyName),
		firstName: text(address.firstName),
		lastName: text(address.lastName),
		email: text(address.emailAddress),
		phone: text(address.phoneNumber),
		street: text(address.street),
		postalCode: text(address.postalCode),
		city: text(address.city),
		countryIso: text(address.countryIso),
		customerGroupId: text(record.customerGroupId),
		languageIso: text(record.languageIso),
		isLocked: typeof record.isLocked === 'boolean' ? record.isLocked : null,
	};
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
