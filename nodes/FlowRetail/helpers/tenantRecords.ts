import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { httpStatusOf } from '../../shared/errors';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { NOT_OFFERED_STATUSES } from '../../shared/undocumented';
import type { FlowPath } from '../transport';
import { flowPath, flowApiRequest } from '../transport';
import { customerGroupLocator, priceListLocator } from './locators';
import { readUid, uidProperty } from './uid';
import { flowNotice, flowUndocumented, isThere } from './undocumented';

/**
 * Customer groups, price lists and the prices of a price list: records of the tenant with Create,
 * Get, Get Many and Update. Their records are flat camelCase already and are returned as they are.
 * The operation files (actions/customerGroup, actions/priceList, actions/price) run the calls.
 */

export const NAME: FieldSpec = {
	name: 'name',
	displayName: 'Name',
	kind: 'string',
	description: 'Name',
};

// Customer groups.
export const GROUPS = flowPath`/customer-groups`;
export const GROUP_UID_KEY = 'customerGroupUid';
export const groupLocator = customerGroupLocator({
	name: 'recordUid',
	description: 'The customer group',
});

// Price lists.
export const PRICE_LISTS = flowPath`/pricelists`;
export const PRICE_LIST_UID_KEY = 'pricelistUid';
export const priceListRecordLocator = priceListLocator({
	name: 'recordUid',
	description: 'The price list',
});
export const PRICE_LIST_FIELDS: FieldSpec[] = [
	{
		name: 'externalId',
		displayName: 'External ID',
		kind: 'string',
		description: 'The key in another system',
	},
];
export const PRICE_LIST_FILTERS: FieldSpec[] = [
	{ name: 'pricelistName', displayName: 'Name', kind: 'string', description: 'Name contains' },
	{
		name: 'pricelistExternalId',
		displayName: 'External ID',
		kind: 'string',
		description: 'External ID',
	},
];

// The prices of a price list.
export const PRICE_UID_KEY = 'priceUid';
export const priceLocator = uidProperty('Price UID', 'recordUid', 'The UID of the price');
export const parentPriceList = priceListLocator({
	description: 'The price list the price belongs to',
});
export const PRICE: FieldSpec = {
	name: 'price',
	displayName: 'Price (Minor Units)',
	kind: 'int',
	description: 'The amount in minor units (øre): 12900 is NOK 129.00 [assumption, see the README]',
};
export const PRICE_REQUIRED: FieldSpec[] = [
	{ name: 'productUid', displayName: 'Product UID', kind: 'string', description: 'The product' },
	PRICE,
];

/** The item's price list and the collection of its prices. */
export function readPrices(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { parent: string; collection: FlowPath } {
	const parent = readUid(ctx, 'pricelistUid', 'Price List', itemIndex);
	return { parent, collection: flowPath`/pricelists/${parent}/prices` };
}

/** The notice of every price operation: no document shows an endpoint for prices. */
export const priceNotice: INodeProperties = flowNotice(
	'the prices of a price list (…/pricelists/{uid}/prices): Flow Retail sends webhooks about prices but documents no endpoint for them',
	'The node assumes this endpoint, with amounts in minor units (øre); a tenant that does not offer it stops the item with an error that says so. Confirm on a stage tenant before writing prices.',
);

export type PriceOperation = 'create' | 'get' | 'getAll' | 'update';

const ACTIONS: Record<PriceOperation, string> = {
	create: 'creating a price',
	get: 'reading a price',
	getAll: 'listing prices',
	update: 'updating a price',
};

/**
 * Runs a call on the undocumented prices; a tenant without the endpoint gives a clear error. A 404
 * means "not offered" only when the price list is there (its GET is documented) and, for one
 * price, when the prices of that list cannot be listed either; else it stays "not found".
 */
export async function callPrices<T>(
	ctx: IExecuteFunctions,
	operation: PriceOperation,
	parent: string,
	itemIndex: number,
	send: () => Promise<T>,
): Promise<T> {
	const there = async () => {
		if (!(await isThere(ctx, flowPath`/pricelists/${parent}`, itemIndex))) return false;
		if (operation === 'create' || operation === 'getAll') return true;
		return await flowApiRequest(ctx, 'GET', flowPath`/pricelists/${parent}/prices`, {
			qs: { pageNumber: 1, pageSize: 1 },
			itemIndex,
		}).then(
			() => false,
			(error: unknown) => NOT_OFFERED_STATUSES.includes(httpStatusOf(error) ?? 0),
		);
	};
	return await flowUndocumented(ctx, ACTIONS[operation], itemIndex, there, send);
}
