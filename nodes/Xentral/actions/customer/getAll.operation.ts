import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { CUSTOMER_LIST } from '../../helpers/lists';
import { filterProperty, listQuery, readList, sortProperty } from '../../helpers/listQuery';
import { customerOutput } from '../../helpers/output';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filterProperty(CUSTOMER_LIST),
	sortProperty(CUSTOMER_LIST),
	simplifyField(),
	{
		displayName: 'Read Main Addresses',
		name: 'readMainAddresses',
		type: 'boolean',
		default: true,
		displayOptions: { show: { simplify: [true] } },
		description:
			"Whether to read each customer's master-data address where Xentral's list carries none, for the address fields of the common shape: one more request per customer, at Xentral's 100 requests a minute. Off, those fields stay empty.",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const qs = listQuery(this, CUSTOMER_LIST, itemIndex);
	const customers = await readList(
		this,
		xentralPath`/api/v2/customers`,
		qs,
		'a list of customers',
		itemIndex,
	);
	const readAddresses = this.getNodeParameter('readMainAddresses', itemIndex, true) !== false;
	return await customerOutput(this, customers, itemIndex, { readAddresses });
}
