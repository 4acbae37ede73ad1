import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { jtlApiRequest, jtlPath } from '../../transport';
import {
	fromQuantityProperty,
	itemIdProperty,
	priceCustomerProperty,
	readPriceKey,
} from '../../helpers/customerPriceParameters';

const properties: INodeProperties[] = [
	itemIdProperty,
	priceCustomerProperty,
	{
		...fromQuantityProperty,
		description: 'The From Quantity of the price to delete; 0 is the base price',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerPrice'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { itemId, customerId, fromQuantity } = await readPriceKey(this, itemIndex);
	// 204 without a body: report what was deleted.
	await jtlApiRequest(
		this,
		'DELETE',
		jtlPath`/items/${itemId}/customerPrices/${customerId}/${fromQuantity}`,
		{ itemIndex },
	);
	return [{ deleted: true, itemId, customerId, fromQuantity }];
}
