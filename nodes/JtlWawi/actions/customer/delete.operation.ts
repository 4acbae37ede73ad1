import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerPath, readAnyCustomerId } from '../../helpers/customerId';
import { customerLocator } from '../../helpers/customerLocator';
import { jtlApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator('any', {
		description: 'The customer to delete',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['delete'] } },
	properties,
);

/** `DELETE /customers/{id}` or `DELETE /v2/customers/{uuid}`; both answer 204. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customer = readAnyCustomerId(this, itemIndex);
	await jtlApiRequest(this, 'DELETE', customerPath(customer), { itemIndex });
	return [{ deleted: true, customerId: String(customer.id) }];
}
