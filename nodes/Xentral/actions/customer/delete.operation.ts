import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerLocator, readId } from '../../helpers/locators';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({
		description: 'The customer to delete (through the v1 API: the v2 API has no delete)',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readId(this, 'customerId', 'Customer', itemIndex);
	await xentralApiRequest(this, 'DELETE', xentralPath`/api/v1/customers/${id}`, { itemIndex });
	return [{ deleted: true, customerId: id }];
}
