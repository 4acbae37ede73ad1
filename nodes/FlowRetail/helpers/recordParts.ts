import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { labelOf, toProperties, validateCollection } from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import { requireSomethingToSend, requireValue } from '../../shared/validation';
import type { FlowPath } from '../transport';
import { NOTHING_TO_SEND, withExtraBodyFields } from './customerFields';
import { createWithUid } from './records';
import { readClientUid } from './uid';

/**
 * The editor fields and readers that the record operations (customer groups, price lists, prices,
 * contacts, addresses) share. Each operation file puts them together in its own order.
 */

/** Fields a create must carry, shown as required top-level fields. */
export const requiredProperties = (specs: FieldSpec[]): INodeProperties[] =>
	toProperties(specs).map((p) => ({ ...p, required: true }));

export const additionalFieldsProperty = (specs: FieldSpec[]): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: toProperties(specs),
});

/** Get Many filters, sent in the query. */
export const filtersProperty = (specs: FieldSpec[]): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: toProperties(specs),
});

/** The top-level fields of `specs`, checked (a blank one is left to `requireFields`). */
export function readRequiredFields(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	itemIndex: number,
): IDataObject {
	const values: IDataObject = {};
	for (const spec of specs) values[spec.name] = ctx.getNodeParameter(spec.name, itemIndex, '');
	return validateCollection(ctx, specs, values, '', itemIndex);
}

/** Stops the item when one of `specs` is blank in `body`. */
export function requireFields(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	body: IDataObject,
	itemIndex: number,
): void {
	for (const spec of specs) requireValue(ctx, body[spec.name], labelOf(spec), itemIndex);
}

/** The Additional Fields of a create, checked. */
export function readAdditionalFields(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	itemIndex: number,
): IDataObject {
	const values = readCollectionParameter(ctx, 'additionalFields', 'Additional Fields', itemIndex);
	return validateCollection(ctx, specs, values, 'Additional Fields > ', itemIndex);
}

/** The Filters of a Get Many, checked. */
export function readFilters(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	itemIndex: number,
): IDataObject {
	const values = readCollectionParameter(ctx, 'filters', 'Filters', itemIndex);
	return validateCollection(ctx, specs, values, 'Filters > ', itemIndex);
}

/**
 * The body of an update: the Update Fields (checked) with the Extra Body Fields merged in; stops
 * the item when there is nothing to send. `uidKey` is the record's UID, which the node owns.
 */
export function readUpdateBody(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	uidKey: string,
	itemIndex: number,
): IDataObject {
	const values = readCollectionParameter(ctx, 'updateFields', 'Update Fields', itemIndex);
	const body = withExtraBodyFields(
		ctx,
		validateCollection(ctx, specs, values, 'Update Fields > ', itemIndex),
		itemIndex,
		[uidKey],
	);
	requireSomethingToSend(ctx, [body], itemIndex, NOTHING_TO_SEND);
	return body;
}

/** The path of one record of `collection`. */
export const withUid = (collection: FlowPath, uid: string) =>
	`${collection}/${encodeURIComponent(uid)}` as FlowPath;

/** What a create sends: the body with the Extra Body Fields and the client-made UID as `uidKey`. */
export interface NewRecord {
	collection: FlowPath;
	body: IDataObject;
	uidKey: string;
	/** The record's name in messages: `customer group`, `address`. */
	record: string;
}

/**
 * Creates a record under the client-made UID of the item (safe to retry, see `createWithUid`).
 * `wrap` runs the call (the prices' check whether the endpoint is offered).
 */
export async function createRecord(
	ctx: IExecuteFunctions,
	{ collection, body, uidKey, record }: NewRecord,
	itemIndex: number,
	wrap: (send: () => Promise<IDataObject>) => Promise<IDataObject> = async (send) => await send(),
): Promise<IDataObject> {
	const uid = readClientUid(ctx, itemIndex);
	const full = { ...withExtraBodyFields(ctx, body, itemIndex, [uidKey]), [uidKey]: uid };
	return await wrap(() =>
		createWithUid(ctx, collection, withUid(collection, uid), full, record, itemIndex),
	);
}
