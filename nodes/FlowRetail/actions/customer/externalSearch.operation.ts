import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/parameters';
import { text, validateField } from '../../../shared/validation';
import { freeSortProperties, readFreeSort } from '../../helpers/listing';
import { pageSizeOptions, readManyForItem } from '../../helpers/records';
import { flowPath } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		description:
			'Text to look up in the external CRM (e.g. Voyado); empty reads its list unfiltered. Needs the tenant extension EXTERNAL_CUSTOMER_SEARCH.',
	},
	...returnAllAndLimit(),
	...freeSortProperties(
		"A field of the external CRM's records to sort by (their shape is not documented), e.g. externalId; empty keeps the API's order",
	),
	pageSizeOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['externalSearch'] } },
	properties,
);

/**
 * `POST /tenants/{t}/customers/search/external`: `query` (optional, as the seed has it) in the
 * body, paging and sort in the query; the records as the API sends them (shape undocumented).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const query = validateField(
		this,
		text(255),
		this.getNodeParameter('query', itemIndex, ''),
		'Query',
		itemIndex,
	).trim();
	const body: IDataObject = query ? { query } : {};
	return await readManyForItem(this, flowPath`/customers/search/external`, itemIndex, {
		qs: readFreeSort(this, itemIndex),
		body,
	});
}
