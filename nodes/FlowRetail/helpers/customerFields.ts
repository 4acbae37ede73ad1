import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { labelOf, toProperties, validateCollection } from '../../shared/fieldSpecs';
import { validateField } from '../../shared/validation';
import { uidSchema } from './uid';

export const CUSTOMER_TYPES = [
	{ name: 'Person', value: 'PERSON' },
	{ name: 'Company', value: 'COMPANY' },
	{ name: 'B2B (Agreement Customer)', value: 'B2B' },
];

/**
 * The customer fields a create or an update (PUT, partial) sends [verified: SEED], by their API
 * name. Two editor fields stand for one API field: EHF Enabled and EHF Address make the `ehf`
 * object (never the deprecated `ehfEnabled` flag), and the customer group dropdown makes
 * `customerGroupUids`.
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
		name: 'customerGroupUid',
		displayName: 'Customer Group ID',
		kind: 'string',
		loadOptionsMethod: 'getCustomerGroups',
		description: 'The customer group; replaces the groups the customer is in',
	},
	{
		name: 'defaultStoreUid',
		displayName: 'Default Store ID',
		kind: 'string',
		loadOptionsMethod: 'getStores',
		description: 'The store the customer belongs to by default',
	},
];

/** The editor's collection of customer fields. */
export function customerFieldsCollection(
	name: string,
	displayName: string,
	description: string,
	omit: string[] = [],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
		options: toProperties(CUSTOMER_FIELD_SPECS.filter((s) => !omit.includes(s.name))),
	};
}

const UID_FIELDS = ['pricelistUid', 'customerGroupUid', 'defaultStoreUid'];

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
	const checked = validateCollection(ctx, CUSTOMER_FIELD_SPECS, values, labelPrefix, itemIndex);
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
	delete body.customerGroupUid;
	if (checked.ehfEnabled !== undefined || checked.ehfAddress !== undefined) {
		const ehf: IDataObject = {};
		if (checked.ehfEnabled !== undefined) ehf.enabled = checked.ehfEnabled;
		if (checked.ehfAddress !== undefined) ehf.address = checked.ehfAddress;
		body.ehf = ehf;
	}
	if (checked.customerGroupUid !== undefined) body.customerGroupUids = [checked.customerGroupUid];
	return body;
}

/** Refuses an empty body before any request: "Nothing to update", naming the collection. */
export function requireFields(
	ctx: IExecuteFunctions,
	body: IDataObject,
	collectionLabel: string,
	itemIndex: number,
): void {
	if (Object.keys(body).length > 0) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`${collectionLabel} (item ${itemIndex}) is empty: add at least one field to send`,
		{ itemIndex },
	);
}
