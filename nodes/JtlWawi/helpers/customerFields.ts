import type { CatalogField } from './apiFields';

/**
 * The top-level fields of a customer: v1 `CreateCustomer` / `UpdateCustomer` (PascalCase) and v2
 * `UpdateCustomerCommand` (camelCase). Addresses and payment settings have their own catalogues;
 * the payment method is a payment setting in v1 but a customer field in v2.
 */
export const CUSTOMER_FIELDS: CatalogField[] = [
	{
		v1: 'AccountsReceivableNumber',
		v2: 'accountsReceivableNumber',
		displayName: 'Accounts Receivable Number',
		kind: 'int',
		description: 'Debtor account number used in accounting',
	},
	{
		v1: 'Birthday',
		v2: 'birthday',
		displayName: 'Birthday',
		kind: 'dateTime',
		description: "The customer's date of birth",
	},
	{
		v1: 'CommercialRegisterNumber',
		v2: 'commercialRegisterNumber',
		displayName: 'Commercial Register Number',
		kind: 'string',
		description: 'Entry in the commercial register',
	},
	{
		// A required top-level parameter of the v1 create, hence its own parameter name there.
		v1: 'InternalCompanyId',
		v2: 'companyId',
		param: { v1: 'companyId' },
		displayName: 'Company ID',
		kind: { v1: 'intId', v2: 'uuid' },
		description: {
			v1: 'The own company (firm) the customer belongs to',
			v2: 'The own company (firm) the customer belongs to; leave unset to keep the current one',
		},
		loadOptionsMethod: { v1: 'getCompanies', v2: 'getCompaniesV2' },
	},
	{
		v2: 'createdDate',
		displayName: 'Created Date',
		kind: 'dateTime',
		description:
			"JTL's createdDate, which the update command can set. JTL does not document whether it is the same date as Customer Since; Simplify reports neither as a creation time.",
	},
	{
		v1: 'CustomerCategoryId',
		v2: 'customerCategoryId',
		displayName: 'Customer Category ID',
		kind: { v1: 'intId', v2: 'uuid' },
		description: 'The customer category',
		loadOptionsMethod: { v1: 'getCustomerCategories', v2: 'getCustomerCategoriesV2' },
	},
	{
		v1: 'CustomerGroupId',
		v2: 'customerGroupId',
		param: { v1: 'customerGroupId' },
		displayName: 'Customer Group ID',
		kind: { v1: 'intId', v2: 'uuid' },
		description: 'The customer group, which decides default prices and discounts',
		loadOptionsMethod: { v1: 'getCustomerGroups', v2: 'getCustomerGroupsV2' },
	},
	{
		v1: 'Number',
		v2: 'customerNumber',
		displayName: 'Customer Number',
		kind: 'string',
		description: {
			v1: 'The customer number; JTL-Wawi assigns the next free one when it is left out',
			v2: 'The customer number shown in JTL-Wawi',
		},
	},
	{
		v1: 'CustomerSince',
		displayName: 'Customer Since',
		kind: 'dateTime',
		description: 'Since when the customer has been a customer',
	},
	{
		v1: 'EbayUsername',
		v2: 'ebayName',
		displayName: 'eBay Username',
		kind: 'string',
		description: "The customer's eBay user name",
	},
	{
		v1: 'InitialContact',
		v2: 'initialContact',
		displayName: 'Initial Contact',
		kind: 'string',
		description: 'How the customer first came into contact, such as a sales channel or a fair',
	},
	{
		v1: 'IsCashRegisterBased',
		v2: 'isCashRegisterBased',
		displayName: 'Is Cash Register Based',
		kind: 'boolean',
		description: 'Whether the customer comes from a point of sale and is synchronised with JTL-POS',
	},
	{
		v1: 'IsLocked',
		v2: 'isLocked',
		displayName: 'Is Locked',
		kind: 'boolean',
		description: {
			v1: 'Whether the customer is locked for online shop sales channels',
			v2: 'Whether the customer is locked for new orders',
		},
	},
	{
		v1: 'LanguageIso',
		v2: 'languageIso',
		param: { v1: 'languageIso' },
		displayName: 'Language',
		kind: 'language',
		description: {
			v1: 'Two-letter language code for documents and mails, such as DE',
			v2: 'Two-letter language code for documents and mails, such as de or en',
		},
		placeholder: { v1: 'DE', v2: 'de' },
	},
	{
		v2: 'paymentMethodId',
		displayName: 'Payment Method ID',
		kind: 'uuid',
		description: "The customer's default payment method",
		loadOptionsMethod: 'getPaymentMethodsV2',
	},
	{
		v1: 'TaxIdentificationNumber',
		v2: 'taxIdentificationNumber',
		displayName: 'Tax Identification Number',
		kind: 'string',
		description: 'Tax number of the customer',
	},
	{
		v1: 'Website',
		v2: 'homepage',
		displayName: 'Website',
		kind: 'string',
		description: "The customer's website",
	},
];
