import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import { mergeExtraBodyFields, readExtraBodyFields } from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { readField, toProperties, toProperty, validateCollection } from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import { requireSomethingToSend, requireValue, validateField } from '../../shared/validation';
import type { BodyPaths } from './bodies';
import { bodyOf, NOTHING_TO_CHANGE } from './bodies';

export type AddressType = 'masterdata' | 'billingaddress' | 'deliveryaddress';

export const ADDRESS_TYPE: FieldSpec = {
	name: 'addressType',
	displayName: 'Address Type',
	kind: 'choice',
	description: 'Which address of the customer',
	hint: 'Master data: the main address. Billing: the one billing address. Delivery: one of many.',
	// In alphabetical order, as n8n's UI guidelines ask of every dropdown.
	choices: [
		{ name: 'Billing Address', value: 'billingaddress' },
		{ name: 'Delivery Address', value: 'deliveryaddress' },
		{ name: 'Master Data', value: 'masterdata' },
	],
};

export const STREET: FieldSpec = {
	name: 'street',
	displayName: 'Street',
	kind: 'string',
	description: 'Street and house number',
};
export const CITY: FieldSpec = {
	name: 'city',
	displayName: 'City',
	kind: 'string',
	description: 'The city',
};
export const COUNTRY: FieldSpec = {
	name: 'country',
	displayName: 'Country',
	kind: 'country',
	description: 'ISO 3166-1 alpha-2 code such as DE',
};
export const NAME: FieldSpec = {
	name: 'name',
	displayName: 'Name',
	kind: 'string',
	description: 'The name on the address (company or person)',
};

const MASTERDATA: FieldSpec[] = [
	{
		name: 'addressSupplement',
		displayName: 'Address Supplement',
		kind: 'string',
		description: 'An address line such as c/o or floor',
	},
	{ name: 'zip', displayName: 'Postal Code', kind: 'string', description: 'The postal code' },
	{
		name: 'state',
		displayName: 'State',
		kind: 'string',
		description: 'ISO 3166-2 subdivision without the country prefix, such as BY',
	},
];
const BILLING: FieldSpec[] = [
	...MASTERDATA,
	{
		name: 'salutation',
		displayName: 'Salutation',
		kind: 'choice',
		description: 'How to address the recipient',
		choices: [
			{ name: 'Company', value: 'company' },
			{ name: 'Mr', value: 'mr' },
			{ name: 'Mrs', value: 'mrs' },
			{ name: 'Other', value: 'other' },
		],
	},
	{ name: 'department', displayName: 'Department', kind: 'string', description: 'The department' },
	{
		name: 'subDepartment',
		displayName: 'Sub-Department',
		kind: 'string',
		description: 'The sub-department',
	},
	{ name: 'phone', displayName: 'Phone', kind: 'string', description: 'The landline number' },
	{ name: 'email', displayName: 'Email', kind: 'email', description: 'The e-mail address' },
	{
		name: 'gln',
		displayName: 'GLN',
		kind: 'string',
		description: 'The 13-digit Global Location Number',
	},
];
const DELIVERY: FieldSpec[] = [
	...BILLING,
	{
		name: 'defaultDeliveryAddress',
		displayName: 'Default Delivery Address',
		kind: 'boolean',
		description: 'Whether this is the default delivery address',
	},
	{
		name: 'termsOfDelivery',
		displayName: 'Terms of Delivery',
		kind: 'string',
		description: 'The terms of delivery',
	},
	{
		name: 'vatId',
		displayName: 'VAT ID',
		kind: 'string',
		description: 'The VAT identification number',
	},
	{
		name: 'taxType',
		displayName: 'Tax Type',
		kind: 'choice',
		description: 'The taxation of deliveries to this address',
		choices: [
			{ name: 'Domestic', value: 'domestic' },
			{ name: 'EU Delivery', value: 'eu-delivery' },
			{ name: 'Export', value: 'export' },
			{ name: 'Tax Free', value: 'free' },
		],
	},
	{
		name: 'internalComment',
		displayName: 'Internal Comment',
		kind: 'string',
		description: 'A comment for internal use',
	},
	{ name: 'note', displayName: 'Note', kind: 'string', description: 'A note' },
];

/** The optional fields of each type, as the type's POST body has them. */
export const OPTIONAL_FIELDS: Record<AddressType, FieldSpec[]> = {
	masterdata: MASTERDATA,
	billingaddress: BILLING,
	deliveryaddress: DELIVERY,
};

/** One collection parameter per type, so that the panel shows the fields of the chosen type. */
const COLLECTION: Record<AddressType, string> = {
	masterdata: 'masterdataFields',
	billingaddress: 'billingAddressFields',
	deliveryaddress: 'deliveryAddressFields',
};
const UPDATE_COLLECTION: Record<AddressType, string> = {
	masterdata: 'masterdataUpdateFields',
	billingaddress: 'billingAddressUpdateFields',
	deliveryaddress: 'deliveryAddressUpdateFields',
};

const PATHS: BodyPaths = {
	name: 'name',
	street: 'street',
	city: 'city',
	country: 'country',
	addressSupplement: 'addressSupplement',
	zip: 'zip',
	state: 'state',
	salutation: 'salutation',
	department: 'department',
	subDepartment: 'subDepartment',
	phone: 'contactDetails.phone',
	email: 'contactDetails.email',
	gln: 'contactDetails.gln',
	defaultDeliveryAddress: 'deliveryDetails.defaultDeliveryAddress',
	termsOfDelivery: 'deliveryDetails.termsOfDelivery',
	vatId: 'deliveryDetails.vatId',
	taxType: 'deliveryDetails.taxType',
	internalComment: 'deliveryDetails.internalComment',
	note: 'deliveryDetails.note',
};

const TYPES: AddressType[] = ['masterdata', 'billingaddress', 'deliveryaddress'];
const named = (type: AddressType) => type !== 'masterdata';

export function addressTypeProperty(): INodeProperties {
	return toProperty(ADDRESS_TYPE, {
		required: true,
		default: 'masterdata',
		noDataExpression: false,
	});
}

export function deliveryAddressIdProperty(): INodeProperties {
	return {
		displayName: 'Delivery Address ID',
		name: 'deliveryAddressId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 101',
		description: 'The ID of the delivery address (Get Many lists them)',
		displayOptions: { show: { addressType: ['deliveryaddress'] } },
	};
}

/** Create's editor fields: the required ones, then one collection per type. */
export function createProperties(): INodeProperties[] {
	return [
		toProperty(NAME, {
			name: 'addressName',
			// Checked before the request; not marked required, as n8n shows every field that depends
			// on an expression-valued Address Type and would then demand it on every operation.
			displayOptions: { show: { addressType: ['billingaddress', 'deliveryaddress'] } },
		}),
		toProperty(STREET, { required: true }),
		toProperty(CITY, { required: true }),
		toProperty(COUNTRY, { required: true }),
		...TYPES.map((type) => ({
			displayName: 'Additional Fields',
			name: COLLECTION[type],
			type: 'collection' as const,
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { addressType: [type] } },
			options: toProperties(OPTIONAL_FIELDS[type]),
		})),
	];
}

export function updateProperties(): INodeProperties[] {
	return TYPES.map((type) => ({
		displayName: 'Update Fields',
		name: UPDATE_COLLECTION[type],
		type: 'collection' as const,
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { addressType: [type] } },
		options: toProperties([
			...(named(type) ? [NAME] : []),
			STREET,
			CITY,
			COUNTRY,
			...OPTIONAL_FIELDS[type],
		]),
	}));
}

const idOfAddress = z
	.string({ invalid_type_error: 'must be a delivery address ID (digits)' })
	.trim()
	.regex(/^[1-9][0-9]{0,17}$/, 'must be a delivery address ID: digits such as 101');

export function readAddressType(ctx: IExecuteFunctions, itemIndex: number): AddressType {
	return readField(ctx, ADDRESS_TYPE, 'addressType', itemIndex) as AddressType;
}

/** The address ID in the path: `masterdata`, `billingaddress` or the delivery address's number. */
export function readAddressId(
	ctx: IExecuteFunctions,
	type: AddressType,
	itemIndex: number,
): string {
	if (type !== 'deliveryaddress') return type;
	const raw = ctx.getNodeParameter('deliveryAddressId', itemIndex, '');
	return validateField(
		ctx,
		idOfAddress,
		typeof raw === 'number' ? String(raw) : raw,
		'Delivery Address ID',
		itemIndex,
	);
}

/** Create's body for the chosen type, every field checked before any request. */
export function readCreateBody(
	ctx: IExecuteFunctions,
	type: AddressType,
	itemIndex: number,
): IDataObject {
	const required = named(type) ? [NAME, STREET, CITY, COUNTRY] : [STREET, CITY, COUNTRY];
	const fields: IDataObject = {};
	for (const spec of required) {
		const value = readField(ctx, spec, spec === NAME ? 'addressName' : spec.name, itemIndex);
		requireValue(ctx, value, spec.displayName, itemIndex, { says: 'is required for this address type' });
		fields[spec.name] = value as IDataObject[string];
	}
	const extra = validateCollection(
		ctx,
		OPTIONAL_FIELDS[type],
		readCollectionParameter(ctx, COLLECTION[type], 'Additional Fields', itemIndex),
		'Additional Fields > ',
		itemIndex,
	);
	checkGln(ctx, extra, 'Additional Fields', itemIndex);
	// The type picks the body's schema: the Extra Body Fields cannot change it.
	return mergeExtraBodyFields(
		ctx,
		{ type, ...bodyOf({ ...extra, ...fields }, PATHS) },
		readExtraBodyFields(ctx, itemIndex),
		itemIndex,
		{ reserved: ['type'] },
	);
}

/** Update's body for the chosen type (PATCH takes no `type`). */
export function readUpdateBody(
	ctx: IExecuteFunctions,
	type: AddressType,
	itemIndex: number,
): IDataObject {
	const specs = [...(named(type) ? [NAME] : []), STREET, CITY, COUNTRY, ...OPTIONAL_FIELDS[type]];
	const fields = validateCollection(
		ctx,
		specs,
		readCollectionParameter(ctx, UPDATE_COLLECTION[type], 'Update Fields', itemIndex),
		'Update Fields > ',
		itemIndex,
	);
	for (const spec of [NAME, STREET, CITY, COUNTRY])
		if (spec.name in fields)
			requireValue(ctx, fields[spec.name], `Update Fields > ${spec.displayName}`, itemIndex, {
				says: 'must not be empty',
			});
	checkGln(ctx, fields, 'Update Fields', itemIndex);
	// The PATCH body has no `type`, as documented.
	const body = mergeExtraBodyFields(
		ctx,
		bodyOf(fields, PATHS),
		readExtraBodyFields(ctx, itemIndex),
		itemIndex,
		{
			reserved: ['type'],
		},
	);
	requireSomethingToSend(ctx, [body], itemIndex, NOTHING_TO_CHANGE);
	return body;
}

function checkGln(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	collection: string,
	itemIndex: number,
) {
	if (fields.gln !== undefined && !/^\d{13}$/.test(String(fields.gln)))
		throw new NodeOperationError(
			ctx.getNode(),
			`${collection} > GLN (item ${itemIndex}) must be exactly 13 digits`,
			{ itemIndex },
		);
}
