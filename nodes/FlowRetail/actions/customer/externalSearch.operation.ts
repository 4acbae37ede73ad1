import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { returnAllAndLimit } from '../../../shared/parameters';
import { text, validateField } from '../../../shared/validation';
import { readManyForItem } from '../../helpers/records';
import { flowPath } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		required: true,
		description:
			'Text to look up in the external CRM (e.g. Voyado). Needs the tenant extension EXTERNAL_CUSTOMER_SEARCH.',
	},
	...returnAllAndLimit(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['externalSearch'] } },
	properties,
);

const query = text(255)
	.transform((v) => v.trim())
	.pipe(z.string().min(1, 'is required'));

/** `POST /tenants/{t}/customers/search/external`: the records as the API sends them (shape undocumented). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const value = validateField(
		this,
		query,
		this.getNodeParameter('query', itemIndex),
		'Query',
		itemIndex,
	);
	return await readManyForItem(this, flowPath`/customers/search/external`, itemIndex, {
		body: { query: value },
	});
}
