import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { labelOf, toProperties, validateCollection } from '../../shared/fieldSpecs';
import { readCollectionParameter, returnAllAndLimit } from '../../shared/parameters';
import type { FlowPath } from '../transport';
import { flowPath, flowRequest } from '../transport';
import { customerGroupLocator, priceListLocator } from './locators';
import { asRecord, createWithUid, readManyForItem } from './records';
import { clientUidProperty, readClientUid, readUid, uidProperty } from './uid';

/**
 * Customer groups, price lists and the prices of a price list: records of the tenant with Create,
 * Get, Get Many and Update. Their records are flat camelCase already and are returned as they are.
 */
export interface TenantKind {
	resource: string;
	record: string;
	uidKey: string;
	/** The locator (or plain field) of the record, read as `recordUid`. */
	locator: INodeProperties;
	/** The collection path; `parent` is the price list of a price. */
	collection(parent?: string): FlowPath;
	/** The price list a price belongs to. */
	parent?: INodeProperties;
	required: FieldSpec[];
	optional: FieldSpec[];
	/** Fields an update may change. */
	updatable: FieldSpec[];
	/** Get Many filters sent in the query. */
	filters?: FieldSpec[];
}

const name: FieldSpec = { name: 'name', displayName: 'Name', kind: 'string', description: 'Name' };
const externalId: FieldSpec = {
	name: 'externalId',
	displayName: 'External ID',
	kind: 'string',
	description: 'The key in another system',
};
const price: FieldSpec = {
	name: 'price',
	displayName: 'Price (Minor Units)',
	kind: 'int',
	description: 'The amount in minor units (øre): 12900 is NOK 129.00 [assumption, see the README]',
};

export const GROUP_KIND: TenantKind = {
	resource: 'customerGroup',
	record: 'customer group',
	uidKey: 'customerGroupUid',
	locator: customerGroupLocator({ name: 'recordUid', description: 'The customer group' }),
	collection: () => flowPath`/customer-groups`,
	required: [name],
	optional: [],
	updatable: [name],
};

export const PRICE_LIST_KIND: TenantKind = {
	resource: 'priceList',
	record: 'price list',
	uidKey: 'pricelistUid',
	locator: priceListLocator({ name: 'recordUid', description: 'The price list' }),
	collection: () => flowPath`/pricelists`,
	required: [name],
	optional: [externalId],
	updatable: [name, externalId],
	filters: [
		{ name: 'pricelistName', displayName: 'Name', kind: 'string', description: 'Name contains' },
		{
			name: 'pricelistExternalId',
			displayName: 'External ID',
			kind: 'string',
			description: 'External ID',
		},
	],
};

export const PRICE_KIND: TenantKind = {
	resource: 'price',
	record: 'price',
	uidKey: 'priceUid',
	locator: uidProperty('Price UID', 'recordUid', 'The UID of the price'),
	parent: priceListLocator({ description: 'The price list the price belongs to' }),
	collection: (parent = '') => flowPath`/pricelists/${parent}/prices`,
	required: [
		{ name: 'productUid', displayName: 'Product UID', kind: 'string', description: 'The product' },
		price,
	],
	optional: [],
	updatable: [price],
};

export type TenantOperation = 'create' | 'get' | 'getAll' | 'update';

export function tenantDescription(kind: TenantKind, operation: TenantOperation): INodeProperties[] {
	const properties: INodeProperties[] = kind.parent ? [kind.parent] : [];
	if (operation === 'create') {
		properties.push(...toProperties(kind.required).map((p) => ({ ...p, required: true })));
		if (kind.optional.length)
			properties.push({
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: toProperties(kind.optional),
			});
		properties.push(clientUidProperty(kind.record));
	}
	if (operation === 'get' || operation === 'update') properties.push(kind.locator);
	if (operation === 'update')
		properties.push({
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are sent',
			options: toProperties(kind.updatable),
		});
	if (operation === 'getAll') {
		properties.push(...returnAllAndLimit());
		if (kind.filters)
			properties.push({
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: toProperties(kind.filters),
			});
	}
	return updateDisplayOptions(
		{ show: { resource: [kind.resource], operation: [operation] } },
		properties,
	);
}

const withUid = (collection: FlowPath, uid: string) =>
	`${collection}/${encodeURIComponent(uid)}` as FlowPath;

export async function runTenant(
	ctx: IExecuteFunctions,
	kind: TenantKind,
	operation: TenantOperation,
	itemIndex: number,
): Promise<IDataObject[]> {
	const parent = kind.parent ? readUid(ctx, 'pricelistUid', 'Price List', itemIndex) : undefined;
	const collection = kind.collection(parent);
	if (operation === 'getAll') {
		const qs = kind.filters
			? validateCollection(
					ctx,
					kind.filters,
					readCollectionParameter(ctx, 'filters', 'Filters', itemIndex),
					'Filters > ',
					itemIndex,
				)
			: {};
		return await readManyForItem(ctx, collection, itemIndex, { qs });
	}
	if (operation === 'create') {
		const required: IDataObject = {};
		for (const spec of kind.required)
			required[spec.name] = ctx.getNodeParameter(spec.name, itemIndex, '');
		const body: IDataObject = validateCollection(ctx, kind.required, required, '', itemIndex);
		for (const spec of kind.required) {
			if (body[spec.name] === '' || body[spec.name] === undefined)
				throw new NodeOperationError(
					ctx.getNode(),
					`${labelOf(spec)} (item ${itemIndex}) is required`,
					{
						itemIndex,
					},
				);
		}
		if (body.productUid !== undefined)
			body.productUid = readUid(ctx, 'productUid', 'Product UID', itemIndex);
		if (kind.optional.length)
			Object.assign(
				body,
				validateCollection(
					ctx,
					kind.optional,
					readCollectionParameter(ctx, 'additionalFields', 'Additional Fields', itemIndex),
					'Additional Fields > ',
					itemIndex,
				),
			);
		const uid = readClientUid(ctx, itemIndex);
		return [
			await createWithUid(
				ctx,
				collection,
				withUid(collection, uid),
				{ ...body, [kind.uidKey]: uid },
				kind.record,
				itemIndex,
			),
		];
	}
	const label = kind.locator.displayName;
	const uid = readUid(ctx, 'recordUid', label, itemIndex);
	if (operation === 'get') {
		const { body } = await flowRequest(ctx, 'GET', withUid(collection, uid), { itemIndex });
		return [asRecord(ctx, body, `a ${kind.record}`, itemIndex)];
	}
	const body = validateCollection(
		ctx,
		kind.updatable,
		readCollectionParameter(ctx, 'updateFields', 'Update Fields', itemIndex),
		'Update Fields > ',
		itemIndex,
	);
	if (Object.keys(body).length === 0)
		throw new NodeOperationError(
			ctx.getNode(),
			`Update Fields (item ${itemIndex}) is empty: add at least one field to send`,
			{ itemIndex },
		);
	const { body: updated } = await flowRequest(ctx, 'PUT', withUid(collection, uid), {
		body,
		itemIndex,
	});
	return [asRecord(ctx, updated, `a ${kind.record}`, itemIndex)];
}
