import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { maxResults, returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { customerLocator } from '../../helpers/customerLocator';
import { asArray, jtlApiRequest, jtlPath, unexpectedShape } from '../../transport';
import { contactsOutput } from '../../helpers/contactRecord';
import { resolveV1CustomerId } from '../../helpers/customerId';

const properties: INodeProperties[] = [
	customerLocator('v1', {
		description: 'The customer whose contact persons to return',
	}),
	...returnAllAndLimit(),
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = await resolveV1CustomerId(this, itemIndex);
	const max = maxResults(this, itemIndex);
	const response = await jtlApiRequest(this, 'GET', jtlPath`/customers/${customerId}/contacts`, {
		itemIndex,
	});
	const contacts = asArray(response.body);
	if (!contacts) throw unexpectedShape(this, response.body, 'a list of contacts', itemIndex);
	const some = Number.isFinite(max) ? contacts.slice(0, max) : contacts;
	return await contactsOutput(this, some, customerId, itemIndex);
}
