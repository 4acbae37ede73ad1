import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unexpectedShape, jtlApiRequest, jtlPath } from '../../transport';
import { priceByKey } from '../../helpers/naturalKeys';
import {
	fromQuantityProperty,
	itemIdProperty,
	priceCustomerProperty,
	priceValueProperties,
	readPriceKey,
	readPriceValue,
} from '../../helpers/customerPriceParameters';
import { readSimplify, simplifyField } from '../../../shared/parameters';
import { simplifyPrice } from '../../helpers/recordShapes';

const properties: INodeProperties[] = [
	itemIdProperty,
	priceCustomerProperty,
	{
		...fromQuantityProperty,
		description:
			'The From Quantity of the price to change; 0 is the base price. It is part of the price key and is not changed.',
	},
	...priceValueProperties,
	simplifyField('price'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerPrice'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = await readPriceKey(this, itemIndex);
	const { itemId, customerId, fromQuantity } = key;
	const body = readPriceValue(this, itemIndex);
	await jtlApiRequest(
		this,
		'PATCH',
		jtlPath`/items/${itemId}/customerPrices/${customerId}/${fromQuantity}`,
		{ body, itemIndex },
	);
	// JTL answers 204 and has no GET for a single price: read the item's list and pick this price.
	const price = await priceByKey(this, key, itemIndex);
	if (!price) {
		throw unexpectedShape(
			this,
			undefined,
			`the updated price (customer ${customerId}, from quantity ${fromQuantity}) in the item's price list`,
			itemIndex,
		);
	}
	return [readSimplify(this, itemIndex) ? simplifyPrice(price, itemId) : price];
}
