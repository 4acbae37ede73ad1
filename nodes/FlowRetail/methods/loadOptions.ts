import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readList } from '../helpers/records';
import type { FlowPath } from '../transport';
import { flowPath } from '../transport';

/** The dropdowns read at most this many records; stores, groups and price lists are few. */
const MAX_OPTIONS = 1000;

async function options(
	ctx: ILoadOptionsFunctions,
	path: FlowPath,
	key: string,
): Promise<INodePropertyOptions[]> {
	const records = await readList(ctx, path, { max: MAX_OPTIONS });
	return records
		.map((r: IDataObject) => ({ name: String(r.name ?? r[key]), value: String(r[key]) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getStores(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, flowPath`/stores`, 'storeUid');
}

export async function getCustomerGroups(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await options(this, flowPath`/customer-groups`, 'customerGroupUid');
}

export async function getPriceLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await options(this, flowPath`/pricelists`, 'pricelistUid');
}
