import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactBody, contactFieldProperties } from '../../helpers/contactFields';
import { requireSomethingToSend } from '../../../shared/validation';
import { sendOnce } from '../../../shared/writes';
import { unexpectedShape, jtlApiRequest, jtlPath } from '../../transport';
import { customerLocator } from '../../helpers/customerLocator';
import { resolveV1CustomerId } from '../../helpers/customerId';
import { readCollectionParameter, simplifyField } from '../../../shared/parameters';
import { contactsOutput } from '../../helpers/contactRecord';
import { jtlExtraBodyFieldsProperty, withExtraBodyFields } from '../../helpers/extraFields';

const properties: INodeProperties[] = [
	customerLocator('v1', {
		description: 'The customer to add the contact person to',
	}),
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The details of the new contact person. Add at least one field.',
		options: contactFieldProperties(),
	},
	jtlExtraBodyFieldsProperty(
		'v1',
		"PascalCase names of JTL's CreateCustomerContact, merged into the body of POST /customers/{id}/contacts",
	),
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const fields = readCollectionParameter(this, 'fields', 'Fields', itemIndex);
	const body = withExtraBodyFields(
		this,
		contactBody(this, fields, 'Fields > ', itemIndex, 'omit'),
		itemIndex,
	);
	requireSomethingToSend(this, [body], itemIndex, {
		nothingTo: 'create',
		under: 'Fields, such as First Name, Last Name or Email',
	});
	const customerId = await resolveV1CustomerId(this, itemIndex);
	// A contact has no natural key: after a lost answer or a server error its outcome is unknown,
	// and said so.
	const created = await sendOnce(
		this.getNode(),
		async () =>
			(
				await jtlApiRequest(this, 'POST', jtlPath`/customers/${customerId}/contacts`, {
					body,
					itemIndex,
				})
			).body,
		{
			what: 'the contact',
			check: `Look at the contacts of customer ${customerId} in JTL-Wawi for this one.`,
			itemIndex,
		},
	);
	if (!created || typeof created !== 'object' || Array.isArray(created)) {
		throw unexpectedShape(this, created, 'the created contact', itemIndex);
	}
	return await contactsOutput(this, [created as IDataObject], customerId, itemIndex);
}
