import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { uuid, validateField } from '../../../shared/validation';
import type { FieldSpec } from '../../../shared/fieldSpecs';
import { toProperties, validateCollection } from '../../../shared/fieldSpecs';
import { customerLocator } from '../../helpers/fields';
import { readV2CustomerId } from '../../helpers/customerId';
import { jtlApiRequest } from '../../transport';

/** Top-level fields of the v2 customer update command. */
export const CUSTOMER_UPDATE_FIELDS: FieldSpec[] = [
	{
		name: 'accountsReceivableNumber',
		displayName: 'Accounts Receivable Number',
		kind: 'int',
		description: 'Debtor account number used in accounting',
	},
	{
		name: 'birthday',
		displayName: 'Birthday',
		kind: 'dateTime',
		description: "The customer's date of birth",
	},
	{
		name: 'commercialRegisterNumber',
		displayName: 'Commercial Register Number',
		kind: 'string',
		description: 'Entry in the commercial register',
	},
	{
		name: 'companyId',
		displayName: 'Company ID',
		kind: 'uuid',
		description:
			'The own company (firm) the customer belongs to; leave unset to keep the current one',
		loadOptionsMethod: 'getCompaniesV2',
	},
	{
		name: 'createdDate',
		displayName: 'Created Date',
		kind: 'dateTime',
		description:
			'When the customer was created. Rarely changed; set it only to correct imported data.',
	},
	{
		name: 'customerCategoryId',
		displayName: 'Customer Category ID',
		kind: 'uuid',
		description: 'UUID of the customer category',
		loadOptionsMethod: 'getCustomerCategoriesV2',
	},
	{
		name: 'customerGroupId',
		displayName: 'Customer Group ID',
		kind: 'uuid',
		description: 'UUID of the customer group, which decides default prices and discounts',
		loadOptionsMethod: 'getCustomerGroupsV2',
	},
	{
		name: 'customerNumber',
		displayName: 'Customer Number',
		kind: 'string',
		description: 'The customer number shown in JTL-Wawi',
	},
	{
		name: 'ebayName',
		displayName: 'eBay Name',
		kind: 'string',
		description: "The customer's eBay user name",
	},
	{
		name: 'homepage',
		displayName: 'Homepage',
		kind: 'string',
		description: "The customer's website",
	},
	{
		name: 'initialContact',
		displayName: 'Initial Contact',
		kind: 'string',
		description: 'How the customer first came into contact',
	},
	{
		name: 'isCashRegisterBased',
		displayName: 'Is Cash Register Based',
		kind: 'boolean',
		description: 'Whether the customer was created at a point of sale',
	},
	{
		name: 'isLocked',
		displayName: 'Is Locked',
		kind: 'boolean',
		description: 'Whether the customer is locked for new orders',
	},
	{
		name: 'languageIso',
		displayName: 'Language',
		kind: 'language',
		description: 'Two-letter language code for documents and mails, such as de or en',
		placeholder: 'de',
	},
	{
		name: 'paymentMethodId',
		displayName: 'Payment Method ID',
		kind: 'uuid',
		description: "UUID of the customer's default payment method",
		loadOptionsMethod: 'getPaymentMethodsV2',
	},
	{
		name: 'taxIdentificationNumber',
		displayName: 'Tax Identification Number',
		kind: 'string',
		description: 'Tax number of the customer',
	},
];

export const PAYMENT_SETTINGS_FIELDS: FieldSpec[] = [
	{
		name: 'creditLimit',
		displayName: 'Credit Limit',
		kind: 'number',
		description: 'Highest open amount allowed for the customer',
	},
	{
		name: 'discount',
		displayName: 'Discount (%)',
		kind: 'percent',
		description: 'Standard discount in percent',
	},
	{
		name: 'isDunningBlocked',
		displayName: 'Is Dunning Blocked',
		kind: 'boolean',
		description: 'Whether no dunning letters are sent to the customer',
	},
	{
		name: 'paymentDueDateInDays',
		displayName: 'Payment Due (Days)',
		kind: 'int',
		description: 'Payment term in days',
	},
];

export const ADDRESS_FIELDS: FieldSpec[] = [
	{
		name: 'addressType',
		displayName: 'Address Type',
		kind: 'int',
		description:
			'Numeric JTL address type. Required when adding an address (no address ID); JTL does not document the values.',
	},
	{
		name: 'additionalAddressLine',
		displayName: 'Additional Address Line',
		kind: 'string',
		description: 'Second street line',
	},
	{
		name: 'additionalCompanyLine',
		displayName: 'Additional Company Line',
		kind: 'string',
		description: 'Second company line',
	},
	{ name: 'city', displayName: 'City', kind: 'string', description: 'City' },
	{
		name: 'companyName',
		displayName: 'Company Name',
		kind: 'string',
		description: 'Company name',
	},
	{
		name: 'countryIso',
		displayName: 'Country Code',
		kind: 'country',
		description: 'ISO country code such as DE',
		placeholder: 'DE',
	},
	{
		name: 'emailAddress',
		displayName: 'Email',
		kind: 'email',
		description: 'Email address',
	},
	{
		name: 'faxNumber',
		displayName: 'Fax Number',
		kind: 'string',
		description: 'Fax number',
	},
	{
		name: 'firstName',
		displayName: 'First Name',
		kind: 'string',
		description: 'First name',
	},
	{
		name: 'isDefaultAddress',
		displayName: 'Is Default Address',
		kind: 'boolean',
		description: 'Whether this is the default address of its type',
	},
	{
		name: 'lastName',
		displayName: 'Last Name',
		kind: 'string',
		description: 'Last name',
	},
	{
		name: 'mobilePhoneNumber',
		displayName: 'Mobile Phone Number',
		kind: 'string',
		description: 'Mobile phone number',
	},
	{
		name: 'phoneNumber',
		displayName: 'Phone Number',
		kind: 'string',
		description: 'Landline phone number',
	},
	{
		name: 'postalCode',
		displayName: 'Postal Code',
		kind: 'string',
		description: 'Postal code',
	},
	{
		name: 'salutation',
		displayName: 'Salutation',
		kind: 'string',
		description: 'Form of address, such as Herr or Frau',
	},
	{
		name: 'state',
		displayName: 'State',
		kind: 'string',
		description: 'State or region',
	},
	{
		name: 'street',
		displayName: 'Street',
		kind: 'string',
		description: 'Street and house number',
	},
	{
		name: 'title',
		displayName: 'Title',
		kind: 'string',
		description: 'Academic title, such as Dr.',
	},
	{
		name: 'vatId',
		displayName: 'VAT ID',
		kind: 'string',
		description: 'VAT identification number',
	},
];

const properties: INodeProperties[] = [
	customerLocator('v2', {
		description: 'The customer to update, by its JTL-Wawi UUID (REST v2)',
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; everything else stays as it is',
		options: toProperties(CUSTOMER_UPDATE_FIELDS),
	},
	{
		displayName: 'Payment Settings',
		name: 'paymentSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: toProperties(PAYMENT_SETTINGS_FIELDS),
	},
	{
		displayName: 'Addresses',
		name: 'addresses',
		type: 'fixedCollection',
		placeholder: 'Add Address',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'Addresses to change (give the address ID) or to add (leave the ID empty and set Address Type)',
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					{
						displayName: 'Address ID',
						name: 'customerAddressId',
						type: 'string',
						default: '',
						placeholder: 'b45f6432-2462-4c6f-b00f-1d9d01000000',
						description: 'UUID of the address to change. Leave empty to add a new address.',
					},
					{
						displayName: 'Fields',
						name: 'fields',
						type: 'collection',
						placeholder: 'Add Address Field',
						default: {},
						options: toProperties(ADDRESS_FIELDS),
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['update'] } },
	properties,
);

/** Builds the `PATCH /v2/customer/update` body from the item's parameters, validating each field. */
export function buildUpdateBody(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const customerId = readV2CustomerId(this, itemIndex);
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const paymentSettings = this.getNodeParameter('paymentSettings', itemIndex, {}) as IDataObject;
	const addressInput = this.getNodeParameter('addresses', itemIndex, {}) as IDataObject;

	const body: IDataObject = {
		customerId,
		...validateCollection(
			this,
			CUSTOMER_UPDATE_FIELDS,
			updateFields,
			'Update Fields > ',
			itemIndex,
		),
	};
	if (Object.keys(paymentSettings).length > 0) {
		body.paymentSettings = validateCollection(
			this,
			PAYMENT_SETTINGS_FIELDS,
			paymentSettings,
			'Payment Settings > ',
			itemIndex,
		);
	}

	const entries = (addressInput.address as IDataObject[] | undefined) ?? [];
	if (entries.length > 0) {
		body.addresses = entries.map((entry, position) => {
			const label = `Addresses > Address ${position + 1} > `;
			const fields = validateCollection(
				this,
				ADDRESS_FIELDS,
				(entry.fields as IDataObject) ?? {},
				label,
				itemIndex,
			);
			const id = String(entry.customerAddressId ?? '').trim();
			if (id)
				return {
					customerAddressId: validateField(this, uuid, id, `${label}Address ID`, itemIndex),
					...fields,
				};
			if (fields.addressType === undefined) {
				throw new NodeOperationError(
					this.getNode(),
					`${label}Address Type (item ${itemIndex}) is required to add an address`,
					{
						itemIndex,
						description:
							'Give the Address ID of an existing address to change it, or set Address Type to add a new one.',
					},
				);
			}
			return fields;
		});
	}

	if (Object.keys(body).length === 1) {
		throw new NodeOperationError(
			this.getNode(),
			`Nothing to update (item ${itemIndex}): add at least one field, payment setting or address`,
			{ itemIndex },
		);
	}
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = buildUpdateBody.call(this, itemIndex);
	const addsAddress = ((body.addresses as IDataObject[] | undefined) ?? []).some(
		(address) => address.customerAddressId === undefined,
	);
	const response = await jtlApiRequest(this, 'PATCH', '/v2/customer/update', {
		body,
		itemIndex,
		// Setting fields twice is harmless; adding an address twice is not.
		idempotent: !addsAddress,
	});
	const message =
		typeof response.body === 'string' && response.body.trim()
			? response.body.trim()
			: 'Customer changed successfully';
	return [{ success: true, customerId: body.customerId, message }];
}
