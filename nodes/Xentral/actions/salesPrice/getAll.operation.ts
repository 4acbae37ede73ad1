import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { SALES_PRICE_LIST } from '../../helpers/lists';
import { filterProperty, listQuery, readList, sortProperty } from '../../helpers/listQuery';
import { salesPriceOutput } from '../../helpers/output';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filterProperty(SALES_PRICE_LIST),
	sortProperty(SALES_PRICE_LIST),
	simplifyField('sales price'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesPrice'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const qs = listQuery(this, SALES_PRICE_LIST, itemIndex);
	const prices = await readList(
		this,
		xentralPath`/api/v1/salesPrices`,
		qs,
		'a list of sales prices',
		itemIndex,
	);
	return await salesPriceOutput(this, prices, itemIndex);
}
