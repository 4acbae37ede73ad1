import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { labelOf, toProperties, validateCollection } from '../../shared/fieldSpecs';
import { readCollectionParameter, returnAllAndLimit } from '../../shared/parameters';
import { httpStatusOf } from '../../shared/errors';
import { NOT_OFFERED_STATUSES } from '../../shared/undocumented';
import { requireSomethingToSend, requireValue } from '../../shared/validation';
import type { FlowPath } from '../transport';
import { flowPath, flowRequest, flowTimeZone, asRecord } from '../transport';
import type { SortField } from './listing';
import {
	NAMED_SORT_FIELDS,
	PRICE_SORT_FIELDS,
	checkDateOrder,
	readSort,
	sortProperties,
} from './listing';
import { NOTHING_TO_SEND, updateFieldsProperties, withExtraBodyFields } from './customerFields';
import { customerGroupLocator, priceListLocator } from './locators';
import { createWithUid, readManyForItem } from './records';
import { clientUidProperty, readClientUid, readUid, uidProperty } from './uid';
import { flowNotice, flowUndocumented, isThere } from './undocumented';

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
	/** What Get Many can sort by. */
	sortFields: SortField[];
	/** The endpoints are in no Flow Retail document (the prices of a price list). */
	undocumented?: boolean;
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
	sortFields: NAMED_SORT_FIELDS,
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
	sortFields: NAMED_SORT_FIELDS,
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
	sortFields: PRICE_SORT_FIELDS,
	undocumented: true,
};

/** The notice of every price operation: no document shows an endpoint for prices. */
const priceNotice = flowNotice(
	'the prices of a price list (…/pricelists/{uid}/prices): Flow Retail sends webhooks about prices but documents no endpoint for them',
	'The node assumes this endpoint, with amounts in minor units (øre); a tenant that does not offer it stops the item with an error that says so. Confirm on a stage tenant before writing prices.',
);

export type TenantOperation = 'create' | 'get' | 'getAll' | 'update';

export function tenantDescription(kind: TenantKind, operation: TenantOperation): INodeProperties[] {
	const properties: INodeProperties[] = kind.undocumented ? [priceNotice] : [];
	if (kind.parent) properties.push(kind.parent);
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
		properties.push(clientUidProperty(kind.record), extraBodyFieldsProperty('Flow Retail'));
	}
	if (operation === 'get' || operation === 'update') properties.push(kind.locator);
	if (operation === 'update') properties.push(...updateFieldsProperties(kind.updatable));
	if (operation === 'getAll') {
		properties.push(...returnAllAndLimit(), ...sortProperties(kind.sortFields));
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

const ACTIONS: Record<TenantOperation, string> = {
	create: 'creating',
	get: 'reading',
	getAll: 'listing',
	update: 'updating',
};

/**
 * Runs a call; for the undocumented prices, a tenant without the endpoint gives a clear error. A
 * 404 means "not offered" only when the price list is there (its GET is documented) and, for one
 * price, when the prices of that list cannot be listed either; else it stays "not found".
 */
async function call<T>(
	ctx: IExecuteFunctions,
	kind: TenantKind,
	operation: TenantOperation,
	parent: string | undefined,
	itemIndex: number,
	send: () => Promise<T>,
): Promise<T> {
	if (!kind.undocumented || parent === undefined) return await send();
	const what = operation === 'getAll' ? `${kind.record}s` : `a ${kind.record}`;
	const there = async () => {
		if (!(await isThere(ctx, flowPath`/pricelists/${parent}`, itemIndex))) return false;
		if (operation === 'create' || operation === 'getAll') return true;
		return await flowRequest(ctx, 'GET', kind.collection(parent), {
			qs: { pageNumber: 1, pageSize: 1 },
			itemIndex,
		}).then(
			() => false,
			(error: unknown) => NOT_OFFERED_STATUSES.includes(httpStatusOf(error) ?? 0),
		);
	};
	return await flowUndocumented(ctx, `${ACTIONS[operation]} ${what}`, itemIndex, there, send);
}

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
		const sort = readSort(ctx, kind.sortFields, itemIndex);
		const records = await call(ctx, kind, operation, parent, itemIndex, () =>
			readManyForItem(ctx, collection, itemIndex, { qs: { ...qs, ...sort } }),
		);
		checkDateOrder(
			ctx,
			records,
			sort,
			await flowTimeZone(ctx, itemIndex),
			`${kind.record}s`,
			itemIndex,
		);
		return records;
	}
	if (operation === 'create') {
		const required: IDataObject = {};
		for (const spec of kind.required)
			required[spec.name] = ctx.getNodeParameter(spec.name, itemIndex, '');
		const body: IDataObject = validateCollection(ctx, kind.required, required, '', itemIndex);
		for (const spec of kind.required) requireValue(ctx, body[spec.name], labelOf(spec), itemIndex);
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
		const full = {
			...withExtraBodyFields(ctx, body, itemIndex, [kind.uidKey]),
			[kind.uidKey]: uid,
		};
		return [
			await call(ctx, kind, operation, parent, itemIndex, () =>
				createWithUid(ctx, collection, withUid(collection, uid), full, kind.record, itemIndex),
			),
		];
	}
	const label = kind.locator.displayName;
	const uid = readUid(ctx, 'recordUid', label, itemIndex);
	if (operation === 'get') {
		const { body } = await call(ctx, kind, operation, parent, itemIndex, () =>
			flowRequest(ctx, 'GET', withUid(collection, uid), { itemIndex }),
		);
		return [asRecord(ctx, body, `a ${kind.record}`, itemIndex)];
	}
	const body = withExtraBodyFields(
		ctx,
		validateCollection(
			ctx,
			kind.updatable,
			readCollectionParameter(ctx, 'updateFields', 'Update Fields', itemIndex),
			'Update Fields > ',
			itemIndex,
		),
		itemIndex,
		[kind.uidKey],
	);
	requireSomethingToSend(ctx, [body], itemIndex, NOTHING_TO_SEND);
	const { body: updated } = await call(ctx, kind, operation, parent, itemIndex, () =>
		flowRequest(ctx, 'PUT', withUid(collection, uid), { body, itemIndex }),
	);
	return [asRecord(ctx, updated, `a ${kind.record}`, itemIndex)];
}
