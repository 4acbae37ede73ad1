import type { FieldSpec } from '../../shared/fieldSpecs';
import type { CatalogField } from './fieldCatalog';
import { specsFor } from './fieldCatalog';

/**
 * The fields of a customer address: v1 `CreateAddress` (billing and shipping address of a customer
 * create) and v2 `UpdateCustomerAddress` (an address in the customer update command, and the body
 * of an address update). City and country code are required in every v1 address.
 */
export const ADDRESS_FIELDS: CatalogField[] = [
	{
		v2: 'addressType',
		displayName: 'Address Type',
		kind: 'int',
		description:
			'Numeric JTL address type. Required when adding an address (no address ID); JTL does not document the values.',
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
