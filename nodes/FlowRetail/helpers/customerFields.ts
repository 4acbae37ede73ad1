import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import {
	extraBodyFieldsProperty,
	mergeExtraBodyFields,
	readExtraBodyFields,
} from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { collectionProperty, field, readBody, toProperties } from '../../shared/fieldSpecs';
import type { NothingToSend } from '../../shared/validation';
import { validateField } from '../../shared/validation';
import { uidSchema } from './uid';

/** In alphabetical order, as n8n's UI guidelines ask of every dropdown. */
export const CUSTOMER_TYPES = [
	{ name: 'B2B (Agreement Customer)', value: 'B2B' },
	{ name: 'Company', value: 'COMPANY' },
	{ name: 'Person', value: 'PERSON' },
];

const text = (name: string, displayName: string, description: string, more = {}) =>
	field(name, displayName, 'string', description, more);

/** Text that, when it is text and not empty, must match `pattern`; else `problem`. */
const digitsOnly = (pattern: RegExp, problem: string) =>
	z.unknown().refine((v) => typeof v !== 'string' || v === '' || pattern.test(v), problem);

/**
 * The customer fields a create or an update (PUT, partial) sends [verified: SEED], by their API
 * name, each with its check and its place in the body. Two editor fields stand for one API field: EHF Enabled and EHF Address make the `ehf`
 * object (never the deprecated `ehfEnabled` flag). The customer groups (`customerGroupUids`, a
 * list) have their own field below, as no spec kind holds a list.
 */
export const CUSTOMER_FIELD_SPECS: FieldSpec[] = [
	text('firstname', 'First Name', 'First name'),
	text('lastname', 'Last Name', 'Last name'),
	text('companyName', 'Company Name', 'Company name'),
	field(
		'customerType',
		'Customer Type',
		'choice',
		'Person, company, or B2B agreement customer (B2B needs the B2B extension)',
		{
			choices: CUSTOMER_TYPES,
		},
	),
	field('email', 'Email', 'email', 'Email address'),
	text('mobile', 'Mobile', 'Mobile number: digits and an optional leading +', {
		placeholder: '+4791234567',
		check: digitsOnly(/^\+?\d+$/, 'must hold digits and an optional leading + only'),
	}),
	text('address', 'Street', 'Street and number'),
	text('postalCode', 'Postal Code', 'Postal code'),
	text('city', 'City', 'City'),
	field('countryCode', 'Country Code', 'country', 'ISO 3166-1 alpha-2 country code, e.g. NO'),
	text('externalId', 'External ID', 'The customer key in another system (ERP, CRM)'),
	text('origin', 'Origin', 'Where the customer came from'),
	text('loyaltyId', 'Loyalty ID', 'Loyalty programme ID'),
	text(
		'ledgerNumber',
		'Ledger Number',
		'Accounts receivable ledger number: digits, leading zeros allowed',
		{
			check: digitsOnly(/^\d*$/, 'must hold digits only'),
		},
	),
	text('vatNumber', 'VAT Number', 'VAT number'),
	text('pricelistUid', 'Price List ID', 'The price list with customer-specific prices', {
		loadOptionsMethod: 'getPriceLists',
		check: uidSchema,
	}),
	field('paymentTerms', 'Payment Terms (Days)', 'int', 'Days until an invoice is due'),
	text('internalNote', 'Internal Note', 'Internal note'),
	field(
		'ehfEnabled',
		'EHF Enabled',
		'boolean',
		'Whether the customer receives e-invoices (EHF); sent as ehf.enabled',
		{
			body: 'ehf.enabled',
		},
	),
	text('ehfAddress', 'EHF Address', 'The EHF (PEPPOL) address; sent as ehf.address', {
		body: 'ehf.address',
	}),
	text('defaultStoreUid', 'Default Store ID', 'The store the customer belongs to by default', {
		loadOptionsMethod: 'getStores',
		check: uidSchema,
	}),
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
	return collectionProperty(displayName, name, [], { description, options });
}

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
 * A customer body from a fields collection: each value checked by its spec (naming the field and
 * the item) and placed (the EHF pair as one `ehf` object), the groups made a list. Only the
 * fields set are in the body, so an update changes nothing else.
 */
export function customerBody(
	ctx: IExecuteFunctions,
	values: IDataObject,
	labelPrefix: string,
	itemIndex: number,
): IDataObject {
	const { customerGroupUids: groups, ...rest } = values;
	const body = readBody(ctx, CUSTOMER_FIELD_SPECS, rest, labelPrefix, itemIndex);
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
		collectionProperty('Update Fields', 'updateFields', specs, {
			description: 'Only the fields added here are sent',
		}),
		extraBodyFieldsProperty('Flow Retail'),
	];
}
