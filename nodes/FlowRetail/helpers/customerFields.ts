import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import {
	extraBodyFieldsProperty,
	mergeExtraBodyFields,
	readExtraBodyFields,
} from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { labelOf, toProperties, validateCollection } from '../../shared/fieldSpecs';
import type { NothingToSend } from '../../shared/validation';
import { validateField } from '../../shared/validation';
import { uidSchema } from './uid';

/** In alphabetical order, as n8n's UI guidelines ask of every dropdown. */
export const CUSTOMER_TYPES = [
	{ name: 'B2B (Agreement Customer)', value: 'B2B' },
	{ name: 'Company', value: 'COMPANY' },
	{ name: 'Person', value: 'PERSON' },
];

/**
 * The customer fields a create or an update (PUT, partial) sends [verified: SEED], by their API
 * name. Two editor fields stand for one API field: EHF Enabled and EHF Address make the `ehf`
 * object (never the deprecated `ehfEnabled` flag). The customer groups (`customerGroupUids`, a
 * list) have their own field below, as no spec kind holds a list.
 */
export const CUSTOMER_FIELD_SPECS: FieldSpec[] = [
	{ name: 'firstname', displayName: 'First Name', kind: 'string', description: 'First name' },
	{ name: 'lastname', displayName: 'Last Name', kind: 'string', description: 'Last name' },
	{ name: 'companyName', displayName: 'Company Name', kind: 'string', description: 'Company name' },
	{
		name: 'customerType',
		displayName: 'Customer Type',
		kind: 'choice',
		choices: CUSTOMER_TYPES,
		description: 'Person, company, or B2B agreement customer (B2B needs the B2B extension)',
	},
	{ name: 'email', displayName: 'Email', kind: 'email', description: 'Email address' },
	{
		name: 'mobile',
		displayName: 'Mobile',
		kind: 'string',
		description: 'Mobile number: digits and an optional leading +',
		placeholder: '+4791234567',
	},
	{ name: 'address', displayName: 'Street', kind: 'string', description: 'Street and number' },
	{ name: 'postalCode', displayName: 'Postal Code', kind: 'string', description: 'Postal code' },
	{ name: 'city', displayName: 'City', kind: 'string', description: 'City' },
	{
		name: 'countryCode',
		displayName: 'Country Code',
		kind: 'country',
		description: 'ISO 3166-1 alpha-2 country code, e.g. NO',
	},
	{
		name: 'externalId',
		displayName: 'External ID',
		kind: 'string',
		description: 'The customer key in another system (ERP, CRM)',
	},
	{
		name: 'origin',
		displayName: 'Origin',
		kind: 'string',
		description: 'Where the customer came from',
	},
	{
		name: 'loyaltyId',
		displayName: 'Loyalty ID',
		kind: 'string',
		description: 'Loyalty programme ID',
	},
	{
		name: 'ledgerNumber',
		displayName: 'Ledger Number',
		kind: 'string',
		description: 'Accounts receivable ledger number: digits, leading zeros allowed',
	},
	{ name: 'vatNumber', displayName: 'VAT Number', kind: 'string', description: 'VAT number' },
	{
		name: 'pricelistUid',
		displayName: 'Price List ID',
		kind: 'string',
		loadOptionsMethod: 'getPriceLists',
		description: 'The price list with customer-specific prices',
	},
	{
		name: 'paymentTerms',
		displayName: 'Payment Terms (Days)',
		kind: 'int',
		description: 'Days until an invoice is due',
	},
	{
		name: 'internalNote',
		displayName: 'Internal Note',
		kind: 'string',
		description: 'Internal note',
	},
	{
		name: 'ehfEnabled',
		displayName: 'EHF Enabled',
		kind: 'boolean',
		description: 'Whether the customer receives e-invoices (EHF); sent as ehf.enabled',
	},
	{
		name: 'ehfAddress',
		displayName: 'EHF Address',
		kind: 'string',
		description: 'The EHF (PEPPOL) address; sent as ehf.address',
	},
	{
		name: 'defaultStoreUid',
		displayName: 'Default Store ID',
		kind: 'string',
		loadOptionsMethod: 'getStores',
		description: 'The store the customer belongs to by default',
	},
];

/** `customerGroupUids` [verified: SEED, a list of UIDs]: every group the customer is in. */
const GROUPS_FIELD: INodeProperties = {
	displayName: 'Customer Group Names or IDs',
	name: 'customerGroupUids',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getCustomerGroups' },
	default: [],
	description:
		'The customer groups; they replace the groups the customer is in. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The editor's collection of customer fields. */
export function customerFieldsCollection(
	name: string,
	displayName: string,
	description: string,
	omit: string[] = [],
): INodeProperties {
	const options = [
		...toProperties(CUSTOMER_FIELD_SPECS.filter((s) => !omit.includes(s.name))),
		GROUPS_FIELD,
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
		options,
	};
}

const UID_FIELDS = ['pricelistUid', 'defaultStoreUid'];

/** The groups as a list of UIDs: from the dropdown, a list, or text with commas from an expression. */
function readGroups(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number) {
	const list =
		typeof value === 'string'
			? value
					.split(',')
					.map((v) => v.trim())
					.filter(Boolean)
			: value;
	return validateField(
		ctx,
		z.array(uidSchema, { invalid_type_error: 'must be a list of customer group UIDs' }).max(100),
		list,
		label,
		itemIndex,
	);
}

/**
 * A customer body from a fields collection: each value validated (naming the field and the item),
 * UIDs checked, the EHF pair made one `ehf` object, the group made a list. Only the fields set are
 * in the body, so an update changes nothing else.
 */
export function customerBody(
	ctx: IExecuteFunctions,
	values: IDataObject,
	labelPrefix: string,
	itemIndex: number,
): IDataObject {
	const { customerGroupUids: groups, ...rest } = values;
	const checked = validateCollection(ctx, CUSTOMER_FIELD_SPECS, rest, labelPrefix, itemIndex);
	const spec = (name: string) => CUSTOMER_FIELD_SPECS.find((s) => s.name === name)!;
	const label = (name: string) => `${labelPrefix}${labelOf(spec(name))}`;
	for (const name of UID_FIELDS) {
		if (checked[name] !== undefined)
			checked[name] = validateField(ctx, uidSchema, checked[name], label(name), itemIndex);
	}
	if (typeof checked.ledgerNumber === 'string' && !/^\d*$/.test(checked.ledgerNumber)) {
		validateField(
			ctx,
			z.never({ invalid_type_error: 'must hold digits only' }),
			checked.ledgerNumber,
			label('ledgerNumber'),
			itemIndex,
		);
	}
	if (
		typeof checked.mobile === 'string' &&
		checked.mobile !== '' &&
		!/^\+?\d+$/.test(checked.mobile)
	) {
		validateField(
			ctx,
			z.never({ invalid_type_error: 'must hold digits and an optional leading + only' }),
			checked.mobile,
			label('mobile'),
			itemIndex,
		);
	}
	const body: IDataObject = { ...checked };
	delete body.ehfEnabled;
	delete body.ehfAddress;
	if (checked.ehfEnabled !== undefined || checked.ehfAddress !== undefined) {
		const ehf: IDataObject = {};
		if (checked.ehfEnabled !== undefined) ehf.enabled = checked.ehfEnabled;
		if (checked.ehfAddress !== undefined) ehf.address = checked.ehfAddress;
		body.ehf = ehf;
	}
	if (groups !== undefined)
		body.customerGroupUids = readGroups(
			ctx,
			groups,
			`${labelPrefix}${GROUPS_FIELD.displayName}`,
			itemIndex,
		);
	return body;
}

/** How Flow Retail's updates refuse an empty body: `Update Fields (item N) is empty: …to send`. */
export const NOTHING_TO_SEND: NothingToSend = { collection: 'Update Fields', purpose: 'send' };

/**
 * A body (of a customer, or of any record) with the item's Extra Body Fields merged in. `reserved`
 * are the keys the node owns (the UID it sends or writes to, the key it matches on).
 */
export function withExtraBodyFields(
	ctx: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	reserved: string[],
): IDataObject {
	return mergeExtraBodyFields(ctx, body, readExtraBodyFields(ctx, itemIndex), itemIndex, {
		reserved,
	});
}

/** The fields of an update: a collection of `specs` (only those added are sent) and Extra Body Fields. */
export function updateFieldsProperties(specs: FieldSpec[]): INodeProperties[] {
	return [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are sent',
			options: toProperties(specs),
		},
		extraBodyFieldsProperty('Flow Retail'),
	];
}
