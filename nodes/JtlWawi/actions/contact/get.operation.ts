import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	contactIdProperty,
	contactsOutput,
	fetchContact,
	readContactId,
} from '../../helpers/contactRecord';
import { customerLocator } from '../../helpers/customerLocator';
import { resolveV1CustomerId } from '../../helpers/customerId';
import { simplifyField } from '../../../shared/parameters';

const properties: INodeProperties[] = [
	customerLocator('v1', {
		description: 'The customer the contact person belongs to',
	}),
	contactIdProperty,
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

/** `GET /customers/{customerId}/contacts/{customerContactId}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = await resolveV1CustomerId(this, itemIndex);
	const contactId = readContactId(this, itemIndex);
	const contact = await fetchContact(this, customerId, contactId, itemIndex);
	return await contactsOutput(this, [contact], customerId, itemIndex);
}
