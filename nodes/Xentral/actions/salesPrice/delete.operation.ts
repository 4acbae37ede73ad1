import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readId, salesPriceLocator } from '../../helpers/locators';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	salesPriceLocator({ description: 'The sales price to delete' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesPrice'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readId(this, 'salesPriceId', 'Sales Price', itemIndex);
	await xentralApiRequest(this, 'DELETE', xentralPath`/api/v1/salesPrices/${id}`, { itemIndex });
	return [{ deleted: true, salesPriceId: id }];
}
