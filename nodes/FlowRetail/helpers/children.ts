import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { labelOf, toProperties, validateCollection } from '../../shared/fieldSpecs';
import {
	readCollectionParameter,
	readSimplify,
	returnAllAndLimit,
	simplifyField,
} from '../../shared/parameters';
import { requireSomethingToSend, requireValue } from '../../shared/validation';
import { flowPath, flowRequest, flowTimeZone, asRecord } from '../transport';
import { CHILD_SORT_FIELDS, checkDateOrder, readSort, sortProperties } from './listing';
import { NOTHING_TO_SEND, updateFieldsProperties, withExtraBodyFields } from './customerFields';
import { customerLocator } from './locators';
import { createWithUid, readManyForItem } from './records';
import { simplifyAddress, simplifyContact } from './simplify';
import { clientUidProperty, readClientUid, readUid, uidProperty } from './uid';
import { flowNotice, flowUndocumented, isThere } from './undocumented';

/** What differs between the records below a customer: contacts and addresses. */
export interface ChildKind {
	resource: string;
	/** The path segment below the customer. */
	segment: 'contacts' | 'addresses';
	/** The UID field of the record and its client-chosen UID in a create body. */
	uidKey: string;
	record: string;
	specs: FieldSpec[];
	/** Fields a create must carry, shown as required top-level fields. */
	required: FieldSpec[];
	simplify(record: IDataObject, customerUid: string): IDataObject;
}

export const CONTACT_KIND: ChildKind = {
	resource: 'customerContact',
	segment: 'contacts',
	uidKey: 'customerContactUid',
	record: 'contact',
	required: [
		{ name: 'firstname', displayName: 'First Name', kind: 'string', description: 'First name' },
		{ name: 'lastname', displayName: 'Last Name', kind: 'string', description: 'Last name' },
	],
	specs: [
		{ name: 'email', displayName: 'Email', kind: 'email', description: 'Email address' },
		{ name: 'mobile', displayName: 'Mobile', kind: 'string', description: 'Mobile number' },
	],
	simplify: simplifyContact,
};

export const ADDRESS_TYPES = [
	{ name: 'Delivery Address', value: 'DELIVERY_ADDRESS' },
	{ name: 'Invoice Address', value: 'INVOICE_ADDRESS' },
];

export const ADDRESS_KIND: ChildKind = {
	resource: 'customerAddress',
	segment: 'addresses',
	uidKey: 'customerAddressUid',
	record: 'address',
	required: [
		{
			name: 'type',
			displayName: 'Type',
			kind: 'choice',
			choices: ADDRESS_TYPES,
			description: 'Delivery or invoice address',
		},
	],
	specs: [
		{ name: 'companyName', displayName: 'Company Name', kind: 'string', description: 'Company' },
		{ name: 'firstname', displayName: 'First Name', kind: 'string', description: 'First name' },
		{ name: 'lastname', displayName: 'Last Name', kind: 'string', description: 'Last name' },
		{ name: 'address', displayName: 'Street', kind: 'string', description: 'Street and number' },
		{ name: 'postalCode', displayName: 'Postal Code', kind: 'string', description: 'Postal code' },
		{ name: 'city', displayName: 'City', kind: 'string', description: 'City' },
		{
			name: 'countryCode',
			displayName: 'Country Code',
			kind: 'country',
			description: 'ISO 3166-1 alpha-2 country code, e.g. NO',
		},
		{ name: 'email', displayName: 'Email', kind: 'email', description: 'Email address' },
		{ name: 'phone', displayName: 'Phone', kind: 'string', description: 'Phone number' },
	],
	simplify: simplifyAddress,
};

export type ChildOperation = 'create' | 'get' | 'getAll' | 'update' | 'delete';

/** `a contact`, `an address`. */
const aOrAn = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** The notice of an update or delete: PUT and DELETE on one record are not documented. */
function writeNotice(kind: ChildKind, operation: 'update' | 'delete'): INodeProperties {
	const method = operation === 'update' ? 'PUT' : 'DELETE';
	return flowNotice(
		`${operation === 'update' ? 'updating' : 'deleting'} ${aOrAn(kind.record)} (${method} …/customers/{uid}/${kind.segment}/{uid}); only reading and adding ${kind.segment} are documented`,
		`The node sends it; a tenant that does not offer it stops the item with an error that says so.`,
	);
}

function recordUidProperty(kind: ChildKind): INodeProperties {
	const label = kind.record[0].toUpperCase() + kind.record.slice(1);
	return uidProperty(`${label} UID`, 'recordUid', `The UID of the ${kind.record}`);
}

/** The editor fields of one operation on contacts or addresses. */
export function childDescription(kind: ChildKind, operation: ChildOperation): INodeProperties[] {
	const properties: INodeProperties[] = [
		customerLocator({ description: `The customer the ${kind.record} belongs to` }),
	];
	if (operation === 'create') {
		properties.push(
			...toProperties(kind.required).map((p) => ({ ...p, required: true })),
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: toProperties(kind.specs),
			},
			clientUidProperty(kind.record),
			extraBodyFieldsProperty('Flow Retail'),
		);
	}
	if (operation === 'update' || operation === 'delete')
		properties.unshift(writeNotice(kind, operation));
	if (operation === 'get' || operation === 'update' || operation === 'delete')
		properties.push(recordUidProperty(kind));
	if (operation === 'update') {
		properties.push(...updateFieldsProperties([...kind.required, ...kind.specs]));
	}
	if (operation === 'getAll')
		properties.push(...returnAllAndLimit(), ...sortProperties(CHILD_SORT_FIELDS));
	if (operation !== 'delete') properties.push(simplifyField(kind.record));
	return updateDisplayOptions(
		{ show: { resource: [kind.resource], operation: [operation] } },
		properties,
	);
}

/** The record with Simplify: the compact shape, naming its customer (`customerId`). */
function output(
	ctx: IExecuteFunctions,
	kind: ChildKind,
	record: IDataObject,
	customerUid: string,
	itemIndex: number,
) {
	return readSimplify(ctx, itemIndex) ? kind.simplify(record, customerUid) : record;
}

/** Runs one operation on a customer's contacts or addresses for one item. */
export async function runChild(
	ctx: IExecuteFunctions,
	kind: ChildKind,
	operation: ChildOperation,
	itemIndex: number,
): Promise<IDataObject[]> {
	const customerUid = readUid(ctx, 'customerUid', 'Customer', itemIndex);
	const base = flowPath`/customers/${customerUid}`;
	const collection = `${base}/${kind.segment}` as typeof base;
	if (operation === 'getAll') {
		const sort = readSort(ctx, CHILD_SORT_FIELDS, itemIndex);
		const records = await readManyForItem(ctx, collection, itemIndex, { qs: sort });
		checkDateOrder(ctx, records, sort, await flowTimeZone(ctx, itemIndex), kind.segment, itemIndex);
		return records.map((r) => output(ctx, kind, r, customerUid, itemIndex));
	}
	if (operation === 'create') {
		const required: IDataObject = {};
		for (const spec of kind.required)
			required[spec.name] = ctx.getNodeParameter(spec.name, itemIndex, '');
		const body = {
			...validateCollection(ctx, kind.required, required, '', itemIndex),
			...validateCollection(
				ctx,
				kind.specs,
				readCollectionParameter(ctx, 'additionalFields', 'Additional Fields', itemIndex),
				'Additional Fields > ',
				itemIndex,
			),
		};
		for (const spec of kind.required) requireValue(ctx, body[spec.name], labelOf(spec), itemIndex);
		const uid = readClientUid(ctx, itemIndex);
		const created = await createWithUid(
			ctx,
			collection,
			`${collection}/${encodeURIComponent(uid)}` as typeof base,
			{ ...withExtraBodyFields(ctx, body, itemIndex, [kind.uidKey]), [kind.uidKey]: uid },
			kind.record,
			itemIndex,
		);
		return [output(ctx, kind, created, customerUid, itemIndex)];
	}
	const uid = readUid(
		ctx,
		'recordUid',
		`${kind.record[0].toUpperCase()}${kind.record.slice(1)} UID`,
		itemIndex,
	);
	const path = `${collection}/${encodeURIComponent(uid)}` as typeof base;
	if (operation === 'get') {
		const { body } = await flowRequest(ctx, 'GET', path, { itemIndex });
		return [
			output(ctx, kind, asRecord(ctx, body, aOrAn(kind.record), itemIndex), customerUid, itemIndex),
		];
	}
	// PUT and DELETE are undocumented: a 404 means "not offered" only when the record is there.
	const undocumented = <T>(action: string, send: () => Promise<T>) =>
		flowUndocumented(
			ctx,
			`${action} ${aOrAn(kind.record)}`,
			itemIndex,
			() => isThere(ctx, path, itemIndex),
			send,
		);
	if (operation === 'delete') {
		await undocumented('deleting', () => flowRequest(ctx, 'DELETE', path, { itemIndex }));
		return [{ deleted: true, customerUid, [kind.uidKey]: uid }];
	}
	const body = withExtraBodyFields(
		ctx,
		validateCollection(
			ctx,
			[...kind.required, ...kind.specs],
			readCollectionParameter(ctx, 'updateFields', 'Update Fields', itemIndex),
			'Update Fields > ',
			itemIndex,
		),
		itemIndex,
		[kind.uidKey],
	);
	requireSomethingToSend(ctx, [body], itemIndex, NOTHING_TO_SEND);
	const { body: updated } = await undocumented('updating', () =>
		flowRequest(ctx, 'PUT', path, { body, itemIndex }),
	);
	return [
		output(
			ctx,
			kind,
			asRecord(ctx, updated, aOrAn(kind.record), itemIndex),
			customerUid,
			itemIndex,
		),
	];
}
