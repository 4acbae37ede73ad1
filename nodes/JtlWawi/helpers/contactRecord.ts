import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue, readSimplify, recordLocator } from '../../shared/parameters';
import { INT_ID_REGEX, int32Id, validateField } from '../../shared/validation';
import { unexpectedShape, jtlApiRequest, jtlPath } from '../transport';
import { customerRefOf } from './knownCustomers';
import { simplifyContact } from './simplify';

/** The "Contact" parameter of Get, Update and Delete: the customer's contact persons to pick from. */
export const contactIdProperty: INodeProperties = recordLocator(
	{
		displayName: 'Contact',
		name: 'contactId',
		searchListMethod: 'searchContacts',
		record: 'contact person',
		idPlaceholder: '42',
		idRegex: INT_ID_REGEX,
		idError: 'The contact ID must be a positive whole number',
	},
	{
		hint: "From List shows the contact persons of the customer above; By ID takes the contact's whole-number ID",
	},
);

export function readContactId(ctx: IExecuteFunctions, itemIndex: number): number {
	return validateField(
		ctx,
		int32Id,
		locatorValue(ctx, 'contactId', itemIndex),
		'Contact',
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

/**
 * What a contact operation returns: JTL's contacts with Simplify off, else the compact contact
 * shape naming its customer (the v1 ID the contacts belong to, and its number).
 */
export async function contactsOutput(
	ctx: IExecuteFunctions,
	contacts: IDataObject[],
	customerId: number,
	itemIndex: number,
): Promise<IDataObject[]> {
	if (!readSimplify(ctx, itemIndex)) return contacts;
	const customer = await customerRefOf(ctx, { surface: 'v1', id: customerId }, itemIndex);
	return contacts.map((contact) => simplifyContact(contact, customerId, customer));
}
