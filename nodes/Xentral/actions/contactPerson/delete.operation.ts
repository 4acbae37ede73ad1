import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactPersonLocator, customerLocator, readId } from '../../helpers/locators';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer the contact person belongs to' }),
	contactPersonLocator({ description: 'The contact person to delete' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactPerson'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const id = readId(this, 'contactPersonId', 'Contact Person', itemIndex);
	await xentralApiRequest(
		this,
		'DELETE',
		xentralPath`/api/v1/customers/${customerId}/contactPerson/${id}`,
		{
			itemIndex,
		},
	);
	return [{ deleted: true, customerId, contactPersonId: id }];
}
