import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactIdProperty, readContactId } from '../../helpers/contactRecord';
import { customerLocator } from '../../helpers/customerLocator';
import { resolveV1CustomerId } from '../../helpers/customerId';
import { jtlApiRequest, jtlPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator('v1', {
		description: 'The customer the contact person belongs to',
	}),
	contactIdProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = await resolveV1CustomerId(this, itemIndex);
	const contactId = readContactId(this, itemIndex);
	// 204 without a body: report what was deleted.
	await jtlApiRequest(this, 'DELETE', jtlPath`/customers/${customerId}/contacts/${contactId}`, {
		itemIndex,
	});
	return [{ deleted: true, customerId, contactId }];
}
