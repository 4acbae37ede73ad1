import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { int32Id, validateField } from '../../../shared/validation';
import { unexpectedShape, jtlApiRequest, jtlPath } from '../../transport';
import { maxResults, readCollectionParameter, returnAllAndLimit } from '../../../shared/parameters';
import { itemIdProperty, readItemId } from '../../helpers/customerPriceParameters';
import { asArray } from '../../helpers/paging';

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
				placeholder: '1234',
				description: 'Only prices of this customer (numeric JTL-Wawi ID)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerPrice'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const itemId = readItemId(this, itemIndex);
	const filters = readCollectionParameter(this, 'filters', 'Filters', itemIndex);
	const customerId =
		filters.customerId === undefined || filters.customerId === ''
			? undefined
			: validateField(this, int32Id, filters.customerId, 'Filters > Customer ID', itemIndex);
	const max = maxResults(this, itemIndex);

	const response = await jtlApiRequest(this, 'GET', jtlPath`/items/${itemId}/customerPrices`, {
		itemIndex,
	});
	let prices = asArray(response.body);
	if (!prices) throw unexpectedShape(this, response.body, 'a list of customer prices', itemIndex);
	// The endpoint has no customer filter of its own; filter the item's list here.
	if (customerId !== undefined) prices = prices.filter((p) => Number(p.CustomerId) === customerId);
	return Number.isFinite(max) ? prices.slice(0, max) : prices;
}
