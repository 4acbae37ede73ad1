import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendUnlessApplied } from '../../../shared/writes';
import { priceByKey } from '../../helpers/naturalKeys';
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
import { simplifyPrice } from '../../helpers/simplify';
import { customerRefOf } from '../../helpers/knownCustomers';

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
	// POST is not idempotent: after a lost answer or a server error, the price is looked up by its
	// key (item, customer, from-quantity) and sent again only when it is not there.
	const created = await sendUnlessApplied(
		this.getNode(),
		async () =>
			(
				await jtlApiRequest(this, 'POST', jtlPath`/items/${key.itemId}/customerPrices`, {
					body,
					itemIndex,
				})
			).body,
		async () => await priceByKey(this, key, itemIndex),
		{
			what: 'the customer price',
			check: `Look at the customer prices of item ${key.itemId} in JTL-Wawi for customer ${key.customerId} from quantity ${key.fromQuantity}.`,
			itemIndex,
		},
	);
	if (!created || typeof created !== 'object' || Array.isArray(created)) {
		throw unexpectedShape(this, created, 'the created customer price', itemIndex);
	}
	const price = created as IDataObject;
	if (!readSimplify(this, itemIndex)) return [price];
	const customer = await customerRefOf(this, { surface: 'v1', id: key.customerId }, itemIndex);
	const kind = 'NetPrice' in value ? 'netPrice' : 'percent';
	return [simplifyPrice(price, key.itemId, kind, customer)];
}
