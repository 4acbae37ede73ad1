import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { ADDRESS_LIST } from '../../helpers/lists';
import { filterProperty, listQuery, readList } from '../../helpers/listQuery';
import { customerLocator, readId } from '../../helpers/locators';
import { addressOutput } from '../../helpers/output';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer whose addresses to return' }),
	...returnAllAndLimit(),
	filterProperty(ADDRESS_LIST),
	simplifyField('address'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const qs = listQuery(this, ADDRESS_LIST, itemIndex);
	const addresses = await readList(
		this,
		xentralPath`/api/v2/customers/${customerId}/addresses`,
		qs,
		'a list of addresses',
		itemIndex,
	);
	return await addressOutput(this, addresses, customerId, itemIndex);
}
