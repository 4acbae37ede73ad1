import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveV1CustomerId } from '../../helpers/customerId';
import { unexpectedShape, jtlApiRequest, jtlPath, asArray } from '../../transport';
import {
	maxResults,
	readCollectionParameter,
	readSimplify,
	returnAllAndLimit,
	simplifyField,
} from '../../../shared/parameters';
import { simplifyPrice } from '../../helpers/simplify';
import { customerRefsOfV1 } from '../../helpers/knownCustomers';
import { itemIdProperty, readItemId } from '../../helpers/customerPriceParameters';

const properties: INodeProperties[] = [
	{
		...itemIdProperty,
		description: 'The numeric JTL-Wawi ID of the item whose customer-specific prices to return',
	},
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
				placeholder: '1234 or b45f6432-2462-4c6f-b00f-1d9d01000000',
				description: 'Only prices of this customer',
				hint: 'Either JTL-Wawi ID: the whole number (REST v1) or the UUID (REST v2)',
			},
		],
	},
	simplifyField('price'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerPrice'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const itemId = readItemId(this, itemIndex);
	const filters = readCollectionParameter(this, 'filters', 'Filters', itemIndex);
	const max = maxResults(this, itemIndex);
	const simplify = readSimplify(this, itemIndex);
	const customerId =
		filters.customerId === undefined || filters.customerId === ''
			? undefined
			: await resolveV1CustomerId(this, itemIndex, 'Filters > Customer ID', filters.customerId);

	const response = await jtlApiRequest(this, 'GET', jtlPath`/items/${itemId}/customerPrices`, {
		itemIndex,
	});
	let prices = asArray(response.body);
	if (!prices) throw unexpectedShape(this, response.body, 'a list of customer prices', itemIndex);
	// The endpoint has no customer filter of its own; filter the item's list here.
	if (customerId !== undefined) prices = prices.filter((p) => Number(p.CustomerId) === customerId);
	const some = Number.isFinite(max) ? prices.slice(0, max) : prices;
	if (!simplify) return some;
	const customers = await customerRefsOfV1(
		this,
		some.map((p) => Number(p.CustomerId)).filter((id) => Number.isInteger(id) && id > 0),
		itemIndex,
	);
	return some.map((p) => simplifyPrice(p, itemId, undefined, customers.get(Number(p.CustomerId))));
}
