import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import { customerLocator, readId } from '../../helpers/locators';
import { customerPath, getRecord } from '../../helpers/records';
import { customerOutput } from '../../helpers/output';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to retrieve' }),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readId(this, 'customerId', 'Customer', itemIndex);
	const customer = await getRecord(this, customerPath(id), 'the customer', itemIndex);
	return await customerOutput(this, [customer], itemIndex);
}
