import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import { readUpdateBody } from '../../helpers/customerBodies';
import { listProperties } from '../../helpers/customerLists';
import { updateFieldsProperty } from '../../helpers/customerProperties';
import { customerLocator, readId } from '../../helpers/locators';
import { customerPath, getRecord } from '../../helpers/records';
import { customerOutput } from '../../helpers/output';
import { xentralApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to change' }),
	updateFieldsProperty(),
	...listProperties(),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readId(this, 'customerId', 'Customer', itemIndex);
	const body = readUpdateBody(this, itemIndex);
	await xentralApiRequest(this, 'PATCH', customerPath(id), { body, itemIndex });
	const customer = await getRecord(this, customerPath(id), 'the customer', itemIndex);
	return await customerOutput(this, [customer], itemIndex);
}
