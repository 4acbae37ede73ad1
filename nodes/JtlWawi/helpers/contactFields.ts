import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { bodyOf, toProperties } from '../../shared/fieldSpecs';
import type { CatalogField } from './apiFields';
import { specsFor, validateFields } from './apiFields';

/**
 * The fields of a v1 contact person (`CreateCustomerContact` / `UpdateCustomerContact`); contacts
 * have no v2 API. The same list drives Create's "Fields" and Update's "Update Fields" (the editor
 * sorts them by label); the editor parameters are camelCase, the API names PascalCase. JTL marks
 * none of them required.
 */
const CONTACT_FIELDS: CatalogField[] = [
	{
		v1: 'Department',
		param: { v1: 'department' },
		displayName: 'Department',
		kind: 'string',
		description: 'The department the contact person works in',
		placeholder: 'Buchhaltung',
	},
	{
		v1: 'Honorific',
		param: { v1: 'honorific' },
		displayName: 'Salutation',
		kind: 'string',
		description: 'Form of address, such as Herr or Frau (JTL calls it Honorific)',
		placeholder: 'Frau',
	},
	{
		v1: 'FirstName',
		param: { v1: 'firstName' },
		displayName: 'First Name',
		kind: 'string',
		description: "The contact person's first name",
	},
	{
		v1: 'LastName',
		param: { v1: 'lastName' },
		displayName: 'Last Name',
		kind: 'string',
		description: "The contact person's last name",
	},
	{
		v1: 'PhoneNumber',
		param: { v1: 'phoneNumber' },
		displayName: 'Phone',
		kind: 'string',
		description: "The contact person's landline number",
	},
	{
		v1: 'MobilePhoneNumber',
		param: { v1: 'mobilePhoneNumber' },
		displayName: 'Mobile Phone',
		kind: 'string',
		description: "The contact person's mobile number",
	},
	{
		v1: 'EmailAddress',
		param: { v1: 'emailAddress' },
		displayName: 'Email',
		kind: 'email',
		description: "The contact person's email address",
	},
	{
		v1: 'Fax',
		param: { v1: 'fax' },
		displayName: 'Fax',
		kind: 'string',
		description: "The contact person's fax number",
	},
];

const CONTACT_SPECS = specsFor(CONTACT_FIELDS, 'v1');

/** The editor fields of a contact collection. */
export function contactFieldProperties(): INodeProperties[] {
	return toProperties(CONTACT_SPECS);
}

const isBlank = (value: unknown) =>
	value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Validates a contact collection and returns the v1 request body. An expression that gives
 * nothing (undefined) leaves the field out. A blank value ('' or null) means "no value": on Create
 * it is left out (JTL stores an empty text anyway), on Update it is sent as '' so the field is
 * cleared. Unknown keys (from an expression-built collection) are rejected.
 */
export function contactBody(
	ctx: IExecuteFunctions,
	values: IDataObject,
	labelPrefix: string,
	itemIndex: number,
	blankValues: 'omit' | 'clear',
): IDataObject {
	const filled: IDataObject = {};
	const blank: string[] = [];
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined) continue;
		if (isBlank(value) && CONTACT_SPECS.some((f) => f.name === key)) blank.push(key);
		else filled[key] = value;
	}
	const body = validateFields(ctx, CONTACT_FIELDS, 'v1', filled, labelPrefix, itemIndex);
	if (blankValues === 'clear')
		return { ...body, ...bodyOf(CONTACT_SPECS, Object.fromEntries(blank.map((k) => [k, '']))) };
	return body;
}
