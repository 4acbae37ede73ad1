import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { contactIdProperty, readContactId } from '../../helpers/contactFields';
import { unexpectedShape, jtlApiRequest } from '../../transport';
import { customerLocator } from '../../helpers/fields';
import { readV1CustomerId } from '../../helpers/customerId';

const properties: INodeProperties[] = [
	customerLocator('v1', {
		description: 'The customer the contact person belongs to, by its numeric JTL-Wawi ID',
	}),
	contactIdProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

/** `GET /customers/{customerId}/contacts/{customerContactId}`, checked to be one contact object. */
export async function fetchContact(
	ctx: IExecuteFunctions,
	customerId: number,
	contactId: number,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await jtlApiRequest(
		ctx,
		'GET',
		`/customers/${customerId}/contacts/${contactId}`,
		{ itemIndex },
	);
	const contact = response.body;
	if (!contact || typeof contact !== 'object' || Array.isArray(contact)) {
		throw unexpectedShape(ctx, contact, 'a contact', itemIndex);
	}
	return contact as IDataObject;
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readV1CustomerId(this, itemIndex);
	const contactId = readContactId(this, itemIndex);
	return [await fetchContact(this, customerId, contactId, itemIndex)];
}
