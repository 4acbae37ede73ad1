import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, simplifyField } from '../../../shared/parameters';
import { createRecord } from '../../helpers/records';
import { createProperties, readCreateBody } from '../../helpers/salesPriceFields';
import { salesPriceOutput } from '../../helpers/output';
import { readReturnFullRecord, returnFullRecordOption } from '../../helpers/writeResults';
import { pageOf, xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	...createProperties(),
	optionsCollection([
		returnFullRecordOption(
			'the gross price and tax rate Xentral computes are missing, as are fields it fills in itself',
		),
	]),
	simplifyField('sales price'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesPrice'], operation: ['create'] } },
	properties,
);

const idOf = (ref: unknown) =>
	ref && typeof ref === 'object' ? String((ref as IDataObject).id) : undefined;

/** After a lost answer: the price with this product, customer or group, quantity and start date. */
async function findPrice(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const customerId = idOf(body.customer);
	const groupId = idOf(body.customerGroup);
	const response = await xentralApiRequest(ctx, 'GET', xentralPath`/api/v1/salesPrices`, {
		qs: {
			'filter[0][key]': 'productId',
			'filter[0][op]': 'equals',
			'filter[0][value]': idOf(body.product),
			'filter[1][key]': customerId ? 'customerId' : 'groupId',
			'filter[1][op]': 'equals',
			'filter[1][value]': customerId ?? groupId,
			'page[number]': 1,
			'page[size]': 50,
		},
		itemIndex,
	});
	const matches = pageOf(ctx, response.body, 'a list of sales prices', itemIndex).items.filter(
		(p) =>
			Number(p.amount) === Number(body.amount) &&
			(p.validFrom ?? null) === (body.validFrom ?? null) &&
			idOf(p.customer) === customerId &&
			idOf(p.customerGroup) === groupId,
	);
	return matches.length === 1 ? matches[0] : undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = readCreateBody(this, itemIndex);
	const price = await createRecord(this, {
		path: xentralPath`/api/v1/salesPrices`,
		body,
		itemIndex,
		viewPath: (id) => xentralPath`/api/v1/salesPrices/${id}`,
		what: 'the sales price',
		find: async () => await findPrice(this, body, itemIndex),
		check: 'Look for the price in Xentral before running this item again.',
		fullRecord: readReturnFullRecord(this, itemIndex),
	});
	return await salesPriceOutput(this, [price], itemIndex);
}
