import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import { readId, salesPriceLocator } from '../../helpers/locators';
import { getRecord } from '../../helpers/records';
import { salesPriceOutput } from '../../helpers/output';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	salesPriceLocator({ description: 'The sales price to retrieve' }),
	simplifyField('sales price'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesPrice'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readId(this, 'salesPriceId', 'Sales Price', itemIndex);
	const price = await getRecord(
		this,
		xentralPath`/api/v1/salesPrices/${id}`,
		'the sales price',
		itemIndex,
	);
	return await salesPriceOutput(this, [price], itemIndex);
}
