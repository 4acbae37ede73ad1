import type { FieldSpec } from '../../shared/fieldSpecs';
import type { CatalogField } from './apiFields';
import { specsFor } from './apiFields';

/**
 * The fields of a customer address: v1 `CreateAddress` (billing and shipping address of a customer
 * create) and v2 `UpdateCustomerAddress` (an address in the customer update command, and the body
 * of an address update). City and country code are required in every v1 address.
 */
/**
 * JTL's v2 address types by name. JTL documents `addressType` only as an integer (example 0) of the
 * enum `CustomerAddressType`; these values are an assumption (see the README), and an expression may
 * still give the number itself.
 */
export const ADDRESS_TYPES = [
	{
		name: 'Billing',
		value: 0,
		description: 'Where invoices go; the default billing address is the main address (type 0)',
	},
	{ name: 'Custom', value: 4, description: 'Any other address (type 4)' },
	{ name: 'Other Billing', value: 2, description: 'A further billing address (type 2)' },
	{ name: 'Other Shipping', value: 3, description: 'A further shipping address (type 3)' },
	{ name: 'Shipping', value: 1, description: 'Where deliveries go (type 1)' },
];

/**
 * Shown under every Address Type field; short, as n8n's hint-max-length rule asks (at most 120
 * characters): each option's description says the rest.
 */
export const ADDRESS_TYPE_HINT =
	'Billing: where invoices go. Shipping: where deliveries go. Other Billing / Other Shipping: more of that kind.';

export const ADDRESS_TYPE_SPEC: FieldSpec = {
	name: 'addressType',
	displayName: 'Address Type',
	kind: 'choice',
	choices: ADDRESS_TYPES,
	description:
		'Which kind of address this is. Required when adding an address (no address ID). The numbers JTL uses for each kind are an assumption; an expression may give the number.',
	hint: ADDRESS_TYPE_HINT,
};

export const ADDRESS_FIELDS: CatalogField[] = [
	{
		v2: 'addressType',
		displayName: ADDRESS_TYPE_SPEC.displayName,
		kind: 'choice',
		choices: ADDRESS_TYPES,
		description: ADDRESS_TYPE_SPEC.description,
		hint: ADDRESS_TYPE_HINT,
	},
	{
		v1: 'Address2',
		v2: 'additionalAddressLine',
		displayName: 'Additional Address Line',
		kind: 'string',
		description: 'Second street line',
	},
	{
		v1: 'Company2',
		v2: 'additionalCompanyLine',
		displayName: 'Additional Company Line',
		kind: 'string',
		description: 'Second company line',
	},
	{
		v1: 'City',
		v2: 'city',
		displayName: 'City',
		kind: 'string',
		description: 'City',
	},
	{
		v1: 'Company',
		v2: 'companyName',
		displayName: 'Company',
		kind: 'string',
		description: 'Company name',
	},
	{
		v1: 'CountryIso',
		v2: 'countryIso',
		displayName: 'Country Code',
		kind: 'country',
		description: 'ISO country code such as DE',
		placeholder: 'DE',
	},
	{
		v1: 'EmailAddress',
		v2: 'emailAddress',
		displayName: 'Email',
		kind: 'email',
		description: 'Email address',
	},
	{
		v1: 'Fax',
		v2: 'faxNumber',
		displayName: 'Fax',
		kind: 'string',
		description: 'Fax number',
	},
	{
		v1: 'FirstName',
		v2: 'firstName',
		displayName: 'First Name',
		kind: 'string',
		description: 'First name',
	},
	{
		v2: 'isDefaultAddress',
		displayName: 'Is Default Address',
		kind: 'boolean',
		description: 'Whether this is the default address of its type',
	},
	{
		v1: 'LastName',
		v2: 'lastName',
		displayName: 'Last Name',
		kind: 'string',
		description: 'Last name',
	},
	{
		v1: 'MobilePhoneNumber',
		v2: 'mobilePhoneNumber',
		displayName: 'Mobile Phone Number',
		kind: 'string',
		description: 'Mobile phone number',
	},
	{
		v1: 'PhoneNumber',
		v2: 'phoneNumber',
		displayName: 'Phone Number',
		kind: 'string',
		description: 'Landline phone number',
	},
	{
		v1: 'PostalCode',
		v2: 'postalCode',
		displayName: 'Postal Code',
		kind: 'string',
		description: 'Postal code',
	},
	{
		v1: 'FormOfAddress',
		v2: 'salutation',
		displayName: 'Salutation',
		kind: 'string',
		description: 'Form of address, such as Herr or Frau',
	},
	{
		v1: 'State',
		v2: 'state',
		displayName: 'State',
		kind: 'string',
		description: 'State or region',
	},
	{
		v1: 'Street',
		v2: 'street',
		displayName: 'Street',
		kind: 'string',
		description: 'Street and house number',
	},
	{
		v1: 'Title',
		v2: 'title',
		displayName: 'Title',
		kind: 'string',
		description: 'Academic title, such as Dr.',
	},
	{
		v1: 'VatID',
		v2: 'vatId',
		displayName: 'VAT ID',
		kind: 'string',
		description: 'VAT identification number',
	},
];

/** The v2 fields that can be set on one existing address (its type is fixed once it exists). */
export const EDITABLE_ADDRESS_FIELDS: FieldSpec[] = specsFor(ADDRESS_FIELDS, 'v2').filter(
	(f) => f.name !== 'addressType',
);
