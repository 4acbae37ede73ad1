import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readSimplify, returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { CUSTOMER_LIST } from '../../helpers/lists';
import { filterProperty, listQuery, readList, sortProperty } from '../../helpers/listQuery';
import { simplifyCustomer } from '../../helpers/simplify';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filterProperty(CUSTOMER_LIST),
	sortProperty(CUSTOMER_LIST),
	simplifyField(),
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
	return readSimplify(this, itemIndex) ? customers.map(simplifyCustomer) : customers;
}
