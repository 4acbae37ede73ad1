import type { FieldSpec } from '../../shared/fieldSpecs';

/** v1 customer fields beyond the required ones (CreateCustomer / UpdateCustomer, PascalCase). */
export const CUSTOMER_V1_FIELDS: FieldSpec[] = [
	{
		name: 'AccountsReceivableNumber',
		displayName: 'Accounts Receivable Number',
		kind: 'int',
		description: 'Debtor account number used in accounting',
	},
	{
		name: 'Birthday',
		displayName: 'Birthday',
		kind: 'dateTime',
		description: "The customer's date of birth",
	},
	{
		name: 'CommercialRegisterNumber',
		displayName: 'Commercial Register Number',
		kind: 'string',
		description: 'Entry in the commercial register',
	},
	{
		name: 'CustomerCategoryId',
		displayName: 'Customer Category ID',
		kind: 'intId',
		description: 'The customer category',
		loadOptionsMethod: 'getCustomerCategories',
	},
	{
		name: 'CustomerSince',
		displayName: 'Customer Since',
		kind: 'dateTime',
		description: 'Since when the customer has been a customer',
	},
	{
		name: 'EbayUsername',
		displayName: 'eBay Username',
		kind: 'string',
		description: "The customer's eBay user name",
	},
	{
		name: 'InitialContact',
		displayName: 'Initial Contact',
		kind: 'string',
		description: 'How the customer first came into contact, such as a sales channel or a fair',
	},
	{
		name: 'IsCashRegisterBased',
		displayName: 'Is Cash Register Based',
		kind: 'boolean',
		description: 'Whether the customer comes from a point of sale and is synchronised with JTL-POS',
	},
	{
		name: 'IsLocked',
		displayName: 'Is Locked',
		kind: 'boolean',
		description: 'Whether the customer is locked for online shop sales channels',
	},
	{
		name: 'TaxIdentificationNumber',
		displayName: 'Tax Identification Number',
		kind: 'string',
		description: 'Tax number of the customer',
	},
	{
		name: 'Website',
		displayName: 'Website',
		kind: 'string',
		description: "The customer's website",
	},
];

/** v1 address fields (CreateAddress). City and CountryIso are required in a billing address. */
export const ADDRESS_V1_FIELDS: FieldSpec[] = [
	{
		name: 'Address2',
		displayName: 'Additional Address Line',
		kind: 'string',
		description: 'Second street line',
	},
	{ name: 'City', displayName: 'City', kind: 'string', description: 'City' },
	{ name: 'Company', displayName: 'Company', kind: 'string', description: 'Company name' },
	{
		name: 'Company2',
		displayName: 'Additional Company Line',
		kind: 'string',
		description: 'Second company line',
	},
	{
		name: 'CountryIso',
		displayName: 'Country Code',
		kind: 'country',
		description: 'ISO country code such as DE',
		placeholder: 'DE',
	},
	{ name: 'EmailAddress', displayName: 'Email', kind: 'email', description: 'Email address' },
	{ name: 'Fax', displayName: 'Fax', kind: 'string', description: 'Fax number' },
	{ name: 'FirstName', displayName: 'First Name', kind: 'string', description: 'First name' },
	{
		name: 'FormOfAddress',
		displayName: 'Salutation',
		kind: 'string',
		description: 'Form of address, such as Herr or Frau',
	},
	{ name: 'LastName', displayName: 'Last Name', kind: 'string', description: 'Last name' },
	{
		name: 'MobilePhoneNumber',
		displayName: 'Mobile Phone Number',
		kind: 'string',
		description: 'Mobile phone number',
	},
	{
		name: 'PhoneNumber',
		displayName: 'Phone Number',
		kind: 'string',
		description: 'Landline phone number',
	},
	{ name: 'PostalCode', displayName: 'Postal Code', kind: 'string', description: 'Postal code' },
	{ name: 'State', displayName: 'State', kind: 'string', description: 'State or region' },
	{ name: 'Street', displayName: 'Street', kind: 'string', description: 'Street and house number' },
	{
		name: 'Title',
		displayName: 'Title',
		kind: 'string',
		description: 'Academic title, such as Dr.',
	},
	{
		name: 'VatID',
		displayName: 'VAT ID',
		kind: 'string',
		description: 'VAT identification number',
	},
];

/** v1 payment settings (CreatePaymentSettings). */
export const PAYMENT_V1_FIELDS: FieldSpec[] = [
	{
		name: 'CreditLimit',
		displayName: 'Credit Limit',
		kind: 'int',
		description: 'Highest open amount allowed for the customer, in whole currency units',
	},
	{
		name: 'Discount',
		displayName: 'Discount (%)',
		kind: 'percent',
		description: 'Standard discount in percent',
	},
	{
		name: 'PaymentMethodId',
		displayName: 'Payment Method ID',
		kind: 'intId',
		description: "The customer's default payment method",
		loadOptionsMethod: 'getPaymentMethods',
	},
	{
		name: 'PaymentTarget',
		displayName: 'Payment Due (Days)',
		kind: 'int',
		description: 'Payment term in days',
	},
	{
		name: 'StopPaymentRequest',
		displayName: 'Stop Payment Reminders',
		kind: 'boolean',
		description: 'Whether no payment reminders are sent to the customer',
	},
];

/** Required top-level fields of a v1 customer create. */
export const CUSTOMER_GROUP: FieldSpec = {
	name: 'CustomerGroupId',
	displayName: 'Customer Group ID',
	kind: 'intId',
	description: 'The customer group, which decides default prices and discounts',
	loadOptionsMethod: 'getCustomerGroups',
};

export const INTERNAL_COMPANY: FieldSpec = {
	name: 'InternalCompanyId',
	displayName: 'Company ID',
	kind: 'intId',
	description: 'The own company (firm) the customer belongs to',
	loadOptionsMethod: 'getCompanies',
};

export const LANGUAGE: FieldSpec = {
	name: 'LanguageIso',
	displayName: 'Language',
	kind: 'language',
	description: 'Two-letter language code for documents and mails, such as DE',
	placeholder: 'DE',
};
