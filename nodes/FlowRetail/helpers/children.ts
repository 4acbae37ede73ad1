import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { readSimplify } from '../../shared/parameters';
import type { FlowPath } from '../transport';
import { flowPath } from '../transport';
import { customerLocator } from './locators';
import { simplifyAddress, simplifyContact } from './simplify';
import { readUid, uidProperty } from './uid';
import { flowNotice, flowUndocumented, isThere } from './undocumented';

/**
 * The records below a customer: contacts and addresses. What differs between the two is data; the
 * operation files (actions/customerContact, actions/customerAddress) run the calls.
 */
export interface ChildKind {
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

/** `a contact`, `an address`. */
export const aOrAn = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

const capitalized = (word: string) => word[0].toUpperCase() + word.slice(1);

/** The customer the record belongs to. */
export const parentLocator = (kind: ChildKind): INodeProperties =>
	customerLocator({ description: `The customer the ${kind.record} belongs to` });

/** The notice of an update or delete: PUT and DELETE on one record are not documented. */
export function writeNotice(kind: ChildKind, operation: 'update' | 'delete'): INodeProperties {
	const method = operation === 'update' ? 'PUT' : 'DELETE';
	return flowNotice(
		`${operation === 'update' ? 'updating' : 'deleting'} ${aOrAn(kind.record)} (${method} …/customers/{uid}/${kind.segment}/{uid}); only reading and adding ${kind.segment} are documented`,
		`The node sends it; a tenant that does not offer it stops the item with an error that says so.`,
	);
}

/** The record's own UID (`recordUid`). */
export const childUidProperty = (kind: ChildKind): INodeProperties =>
	uidProperty(`${capitalized(kind.record)} UID`, 'recordUid', `The UID of the ${kind.record}`);

/** The item's customer and the collection of its contacts or addresses. */
export function readParent(
	ctx: IExecuteFunctions,
	kind: ChildKind,
	itemIndex: number,
): { customerUid: string; collection: FlowPath } {
	const customerUid = readUid(ctx, 'customerUid', 'Customer', itemIndex);
	const collection = `${flowPath`/customers/${customerUid}`}/${kind.segment}` as FlowPath;
	return { customerUid, collection };
}

/** The item's record UID (`recordUid`). */
export const readChildUid = (ctx: IExecuteFunctions, kind: ChildKind, itemIndex: number) =>
	readUid(ctx, 'recordUid', `${capitalized(kind.record)} UID`, itemIndex);

/** The record with Simplify: the compact shape, naming its customer (`customerId`). */
export function childOutput(
	ctx: IExecuteFunctions,
	kind: ChildKind,
	record: IDataObject,
	customerUid: string,
	itemIndex: number,
): IDataObject {
	return readSimplify(ctx, itemIndex) ? kind.simplify(record, customerUid) : record;
}

/**
 * PUT and DELETE on one record are undocumented: a 404 means "not offered" only when the record
 * is there. `action` is `updating` or `deleting`.
 */
export async function undocumentedWrite<T>(
	ctx: IExecuteFunctions,
	kind: ChildKind,
	action: string,
	path: FlowPath,
	itemIndex: number,
	send: () => Promise<T>,
): Promise<T> {
	return await flowUndocumented(
		ctx,
		`${action} ${aOrAn(kind.record)}`,
		itemIndex,
		() => isThere(ctx, path, itemIndex),
		send,
	);
}
