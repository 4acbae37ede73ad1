import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { int32Id, validateField } from '../../shared/validation';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { toProperties, validateCollection } from '../../shared/fieldSpecs';

/** A contact field: the editor/validation spec plus the v1 (PascalCase) property it is sent as. */
interface ContactFieldSpec extends FieldSpec {
	apiName: string;
}

/**
 * The fields of a v1 contact person (`CreateCustomerContact` / `UpdateCustomerContact`). The same
 * list drives Create's "Fields" and Update's "Update Fields", in the spec's order (the editor
 * sorts them by label). JTL marks none of them required.
 */
export const CONTACT_FIELDS: ContactFieldSpec[] = [
	{
		name: 'department',
		apiName: 'Department',
		displayName: 'Department',
		kind: 'string',
		description: 'The department the contact person works in',
		placeholder: 'Buchhaltung',
	},
	{
		name: 'honorific',
		apiName: 'Honorific',
		displayName: 'Salutation',
		kind: 'string',
		description: 'Form of address, such as Herr or Frau (JTL calls it Honorific)',
		placeholder: 'Frau',
	},
	{
		name: 'firstName',
		apiName: 'FirstName',
		displayName: 'First Name',
		kind: 'string',
		description: "The contact person's first name",
	},
	{
		name: 'lastName',
		apiName: 'LastName',
		displayName: 'Last Name',
		kind: 'string',
		description: "The contact person's last name",
	},
	{
		name: 'phoneNumber',
		apiName: 'PhoneNumber',
		displayName: 'Phone',
		kind: 'string',
		description: "The contact person's landline number",
	},
	{
		name: 'mobilePhoneNumber',
		apiName: 'MobilePhoneNumber',
		displayName: 'Mobile Phone',
		kind: 'string',
		description: "The contact person's mobile number",
	},
	{
		name: 'emailAddress',
		apiName: 'EmailAddress',
		displayName: 'Email',
		kind: 'email',
		description: "The contact person's email address",
	},
	{
		name: 'fax',
		apiName: 'Fax',
		displayName: 'Fax',
		kind: 'string',
		description: "The contact person's fax number",
	},
];

/** The editor fields of a contact collection. */
export function contactFieldProperties(): INodeProperties[] {
	return toProperties(CONTACT_FIELDS);
}

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
		if (isBlank(value) && CONTACT_FIELDS.some((f) => f.name === key)) blank.push(key);
		else filled[key] = value;
	}
	const valid = validateCollection(ctx, CONTACT_FIELDS, filled, labelPrefix, itemIndex);
	const body: IDataObject = {};
	for (const field of CONTACT_FIELDS) {
		if (valid[field.name] !== undefined) body[field.apiName] = valid[field.name];
		else if (blankValues === 'clear' && blank.includes(field.name)) body[field.apiName] = '';
	}
	return body;
}
