import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { int32Id, validateField } from '../../shared/validation';
import { unexpectedShape, jtlApiRequest, jtlPath } from '../transport';

/** The "Contact ID" parameter of Get, Update and Delete. */
export const contactIdProperty: INodeProperties = {
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '42',
	description: 'The numeric JTL-Wawi ID of the contact person',
};

export function readContactId(ctx: IExecuteFunctions, itemIndex: number): number {
	return validateField(
		ctx,
		int32Id,
		ctx.getNodeParameter('contactId', itemIndex),
		'Contact ID',
		itemIndex,
	);
}

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
		jtlPath`/customers/${customerId}/contacts/${contactId}`,
		{ itemIndex },
	);
	const contact = response.body;
	if (!contact || typeof contact !== 'object' || Array.isArray(contact)) {
		throw unexpectedShape(ctx, contact, 'a contact', itemIndex);
	}
	return contact as IDataObject;
}
