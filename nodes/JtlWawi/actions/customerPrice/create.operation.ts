import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unexpectedShape, jtlApiRequest, jtlPath } from '../../transport';
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
	fromQuantityProperty,
	...priceValueProperties,
	simplifyField('price'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerPrice'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = await readPriceKey(this, itemIndex);
	const value = readPriceValue(this, itemIndex);
	const body = { CustomerId: key.customerId, FromQuantity: key.fromQuantity, ...value };
	// POST is not idempotent: the shared core retries it only when JTL certainly did not act on it.
	const response = await jtlApiRequest(this, 'POST', jtlPath`/items/${key.itemId}/customerPrices`, {
		body,
		itemIndex,
	});
	const created = response.body;
	if (!created || typeof created !== 'object' || Array.isArray(created)) {
		throw unexpectedShape(this, created, 'the created customer price', itemIndex);
	}
	const price = created as IDataObject;
	return [readSimplify(this, itemIndex) ? simplifyPrice(price, key.itemId) : price];
}
