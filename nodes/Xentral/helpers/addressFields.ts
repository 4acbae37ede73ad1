import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mergeExtraBodyFields, readExtraBodyFields } from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import {
	bodyOf,
	field,
	readField,
	toProperties,
	toProperty,
	validateCollection,
	within,
} from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import { requireSomethingToSend, requireValue } from '../../shared/validation';
import { NOTHING_TO_CHANGE, SALUTATIONS, TAXATIONS } from './bodies';

import type { AddressType } from './addresses';

const text = (name: string, displayName: string, description: string) =>
	field(name, displayName, 'string', description);

export const STREET = text('street', 'Street', 'Street and house number');
export const CITY = text('city', 'City', 'The city');
export const COUNTRY = field('country', 'Country', 'country', 'ISO 3166-1 alpha-2 code such as DE');
export const NAME = text('name', 'Name', 'The name on the address (company or person)');

/** The optional fields of a master data address, each at its place in the body. */
const MASTERDATA: FieldSpec[] = [
	text('addressSupplement', 'Address Supplement', 'An address line such as c/o or floor'),
	text('zip', 'Postal Code', 'The postal code'),
	text('state', 'State', 'ISO 3166-2 subdivision without the country prefix, such as BY'),
];
const BILLING: FieldSpec[] = [
	...MASTERDATA,
	field('salutation', 'Salutation', 'choice', 'How to address the recipient', {
		choices: SALUTATIONS,
	}),
	text('department', 'Department', 'The department'),
	text('subDepartment', 'Sub-Department', 'The sub-department'),
	...within('contactDetails', [
		text('phone', 'Phone', 'The landline number'),
		field('email', 'Email', 'email', 'The e-mail address'),
		field('gln', 'GLN', 'string', 'The 13-digit Global Location Number', {
			check: (v) => (/^\d{13}$/.test(String(v)) ? undefined : 'must be exactly 13 digits'),
		}),
	]),
];
const DELIVERY: FieldSpec[] = [
	...BILLING,
	...within('deliveryDetails', [
		field(
			'defaultDeliveryAddress',
			'Default Delivery Address',
			'boolean',
			'Whether this is the default delivery address',
		),
		text('termsOfDelivery', 'Terms of Delivery', 'The terms of delivery'),
		text('vatId', 'VAT ID', 'The VAT identification number'),
		field('taxType', 'Tax Type', 'choice', 'The taxation of deliveries to this address', {
			choices: TAXATIONS,
		}),
		text('internalComment', 'Internal Comment', 'A comment for internal use'),
		text('note', 'Note', 'A note'),
	]),
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

const ALL_FIELDS = [NAME, STREET, CITY, COUNTRY, ...DELIVERY];

const TYPES: AddressType[] = ['masterdata', 'billingaddress', 'deliveryaddress'];
const named = (type: AddressType) => type !== 'masterdata';

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
		requireValue(ctx, value, spec.displayName, itemIndex, {
			says: 'is required for this address type',
		});
		fields[spec.name] = value as IDataObject[string];
	}
	const extra = validateCollection(
		ctx,
		OPTIONAL_FIELDS[type],
		readCollectionParameter(ctx, COLLECTION[type], 'Additional Fields', itemIndex),
		'Additional Fields > ',
		itemIndex,
	);
	// The type picks the body's schema: the Extra Body Fields cannot change it.
	return mergeExtraBodyFields(
		ctx,
		{ type, ...bodyOf(ALL_FIELDS, { ...extra, ...fields }) },
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
	// The PATCH body has no `type`, as documented.
	const body = mergeExtraBodyFields(
		ctx,
		bodyOf(ALL_FIELDS, fields),
		readExtraBodyFields(ctx, itemIndex),
		itemIndex,
		{
			reserved: ['type'],
		},
	);
	requireSomethingToSend(ctx, [body], itemIndex, NOTHING_TO_CHANGE);
	return body;
}
