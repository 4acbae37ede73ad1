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
		displayName:
			"Where Xentral's list carries no main address, Simplify reads each customer's master-data address: one more request per customer",
		name: 'addressNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { simplify: [true] } },
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
	return await customerOutput(this, customers, itemIndex);
}
