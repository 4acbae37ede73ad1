import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { XENTRAL_PAGE_SIZE, pageOf, xentralApiRequest, xentralPath } from '../Xentral/transport';
import { simplifyCustomers } from '../Xentral/helpers/output';
import { runWatermarkPoll } from '../shared/watermarkPoll';

/** One page of the v2 customer list, by the documented id filter and sort. */
async function readCustomers(ctx: IPollFunctions, qs: IDataObject): Promise<IDataObject[]> {
	const response = await xentralApiRequest(ctx, 'GET', xentralPath`/api/v2/customers`, { qs });
	return pageOf(ctx, response.body, 'a list of customers').items;
}

/** The query of the customers after an ID: `id greaterThan`, ordered by ID, pages of 50. */
export function afterIdQuery(afterId: number): IDataObject {
	return {
		'filter[0][key]': 'id',
		'filter[0][op]': 'greaterThan',
		'filter[0][value]': String(afterId),
		'order[0][field]': 'id',
		'order[0][dir]': 'asc',
		'page[number]': 1,
		'page[size]': XENTRAL_PAGE_SIZE,
	};
}

/**
 * New Customer: an ID watermark over the v2 customer list (the list has no creation date to
 * filter on; IDs only grow [assumption]).
 */
export async function pollNewCustomers(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const simplify = options.simplify !== false;
	const records = await runWatermarkPoll<IDataObject>(this, {
		pageSize: XENTRAL_PAGE_SIZE,
		readAfter: async (afterId) => await readCustomers(this, afterIdQuery(afterId)),
		readNewest: async () =>
			await readCustomers(this, {
				'order[0][field]': 'id',
				'order[0][dir]': 'desc',
				'page[number]': 1,
				'page[size]': 10,
			}).then((page) => page.slice(0, 1)),
		idOf: (record) => Number(record.id),
	});
	if (!records) return null;
	return [
		this.helpers.returnJsonArray(simplify ? await simplifyCustomers(this, records) : records),
	];
}
