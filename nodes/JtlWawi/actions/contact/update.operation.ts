import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactBody, contactFieldProperties } from '../../helpers/contactFields';
import { jtlExtraBodyFieldsProperty, withExtraBodyFields } from '../../helpers/extraFields';
import {
	contactIdProperty,
	contactsOutput,
	fetchContact,
	readContactId,
} from '../../helpers/contactRecord';
import { customerLocator } from '../../helpers/customerLocator';
import { resolveV1CustomerId } from '../../helpers/customerId';
import { readCollectionParameter, simplifyField } from '../../../shared/parameters';
import { requireSomethingToSend } from '../../../shared/validation';
import { jtlApiRequest, jtlPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator('v1', {
		description: 'The customer the contact person belongs to',
	}),
	contactIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only the fields added here are sent; the others keep their values. An empty value clears the field.',
		options: contactFieldProperties(),
	},
	jtlExtraBodyFieldsProperty(
		'v1',
		"PascalCase names of JTL's UpdateCustomerContact, merged into the body of PATCH /customers/{id}/contacts/{contactId}",
	),
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const contactId = readContactId(this, itemIndex);
	const updateFields = readCollectionParameter(this, 'updateFields', 'Update Fields', itemIndex);
	const body = withExtraBodyFields(
		this,
		contactBody(this, updateFields, 'Update Fields > ', itemIndex, 'clear'),
		itemIndex,
	);
	requireSomethingToSend(this, [body], itemIndex, {
		nothingTo: 'update',
		under: 'Update Fields or Extra Body Fields',
	});
	const customerId = await resolveV1CustomerId(this, itemIndex);
	// JTL answers 204 without a body; read the contact back so the item carries the saved record.
	await jtlApiRequest(this, 'PATCH', jtlPath`/customers/${customerId}/contacts/${contactId}`, {
		body,
		itemIndex,
	});
	const contact = await fetchContact(this, customerId, contactId, itemIndex);
	return await contactsOutput(this, [contact], customerId, itemIndex);
}
