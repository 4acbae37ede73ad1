import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { jtlApiRequest, jtlPath, unexpectedShape } from '../transport';
import type { PriceKey } from './customerPriceParameters';
import { asArray, readV1Page } from './paging';

/**
 * Looks records up by their natural key: to match (Create or Update), and to learn whether a
 * create whose answer was lost was applied.
 */

/** The customers whose number is exactly `number` (`GET /customers?number=` may match by prefix). */
export async function customersByNumber(
	ctx: IExecuteFunctions,
	number: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { body } = await jtlApiRequest(ctx, 'GET', jtlPath`/customers`, {
		qs: { number, pageNumber: 1, pageSize: 10 },
		itemIndex,
	});
	return readV1Page(body).items.filter((c) => String(c.Number) === number);
}

/** The customer with this number, when there is exactly one. */
export async function customerByNumber(
	ctx: IExecuteFunctions,
	number: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const found = await customersByNumber(ctx, number, itemIndex);
	return found.length === 1 ? found[0] : undefined;
}

/** The price of an item for a customer from a quantity (JTL has no GET for a single price). */
export async function priceByKey(
	ctx: IExecuteFunctions,
	key: PriceKey,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const response = await jtlApiRequest(ctx, 'GET', jtlPath`/items/${key.itemId}/customerPrices`, {
		itemIndex,
	});
	const prices = asArray(response.body);
	if (!prices) throw unexpectedShape(ctx, response.body, 'a list of customer prices', itemIndex);
	return prices.find(
		(p) =>
			Number(p.CustomerId) === key.customerId && Number(p.FromQuantity ?? 0) === key.fromQuantity,
	);
}
