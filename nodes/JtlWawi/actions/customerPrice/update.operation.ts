import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

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
import type { PriceKind } from '../../helpers/simplify';
import { priceValuesInForce, simplifyPrice } from '../../helpers/simplify';
import { customerRefOf } from '../../helpers/knownCustomers';
import { undocumentedNotice } from '../../helpers/undocumented';

const properties: INodeProperties[] = [
	undocumentedNotice('priceUpdate'),
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

/** The body field of each kind of price value, and the other one. */
const FIELD: Record<PriceKind, string> = {
	netPrice: 'NetPrice',
	percent: 'ReduceStandardPriceByPercent',
};
const OTHER: Record<PriceKind, PriceKind> = { netPrice: 'percent', percent: 'netPrice' };

/**
 * Sets the net price or the percent reduction. JTL documents that a price uses one of the two, but
 * not whether setting one clears the other. So the node sends only the value it sets (never both:
 * JTL takes "only one"), reads the price back, and when the other value is still in force, sets
 * that one to 0 with a second PATCH and reads again. Whatever JTL does, the price ends with the one
 * value in force, or the item fails saying what JTL holds.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const key = await readPriceKey(this, itemIndex);
	const { itemId, customerId, fromQuantity } = key;
	const body = readPriceValue(this, itemIndex);
	const kind: PriceKind = 'NetPrice' in body ? 'netPrice' : 'percent';
	const value = body[FIELD[kind]] as number;
	const patch = async (values: IDataObject) =>
		await jtlApiRequest(
			this,
			'PATCH',
			jtlPath`/items/${itemId}/customerPrices/${customerId}/${fromQuantity}`,
			{ body: values, itemIndex },
		);
	// JTL answers 204 and has no GET for a single price: read the item's list and pick this price.
	const readBack = async () => {
		const price = await priceByKey(this, key, itemIndex);
		if (!price) {
			throw unexpectedShape(
				this,
				undefined,
				`the updated price (customer ${customerId}, from quantity ${fromQuantity}) in the item's price list`,
				itemIndex,
			);
		}
		return price;
	};
	const otherInForce = (price: IDataObject) => {
		const values = priceValuesInForce(price, kind);
		const other = kind === 'netPrice' ? values.percentReduction : values.netPrice;
		return other !== null && other !== 0;
	};

	await patch(body);
	let price = await readBack();
	if (otherInForce(price)) {
		// This JTL-Wawi kept the other value: clear it, so that only the value set is in force.
		await patch({ [FIELD[OTHER[kind]]]: 0 });
		price = await readBack();
	}
	const inForce = priceValuesInForce(price, kind);
	const got = kind === 'netPrice' ? inForce.netPrice : inForce.percentReduction;
	if (got !== value || otherInForce(price)) {
		const label = kind === 'netPrice' ? 'Net Price' : 'Percent Reduction';
		throw new NodeOperationError(
			this.getNode(),
			`${label} (item ${itemIndex}) was not applied as sent: JTL-Wawi holds NetPrice ${String(price.NetPrice)} and ReduceStandardPriceByPercent ${String(price.ReduceStandardPriceByPercent)} for this price`,
			{
				itemIndex,
				description: `The node sent ${FIELD[kind]} ${value} (item ${itemId}, customer ${customerId}, from quantity ${fromQuantity}) and read the price back. Check the price in JTL-Wawi.`,
			},
		);
	}
	if (!readSimplify(this, itemIndex)) return [price];
	const customer = await customerRefOf(this, { surface: 'v1', id: customerId }, itemIndex);
	return [simplifyPrice(price, itemId, kind, customer)];
}
