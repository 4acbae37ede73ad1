import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { toProperties, validateCollection } from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import type { BodyPaths } from './bodies';
import { bodyOf, dateOnly } from './bodies';

export const CONTACT_PERSON_NAME: FieldSpec = {
	name: 'name',
	displayName: 'Name',
	kind: 'string',
	description: "The contact person's name",
};

export const CONTACT_PERSON_FIELDS: FieldSpec[] = [
	{
		name: 'type',
		displayName: 'Salutation Type',
		kind: 'choice',
		description: 'How to address the contact person',
		choices: [
			{ name: 'Company', value: 'company' },
			{ name: 'Mr', value: 'mr' },
			{ name: 'Mrs', value: 'mrs' },
			{ name: 'Other', value: 'other' },
		],
	},
	{
		name: 'title',
		displayName: 'Title',
		kind: 'string',
		description: 'An academic title such as Dr.',
	},
	{ name: 'department', displayName: 'Department', kind: 'string', description: 'The department' },
	{
		name: 'subDepartment',
		displayName: 'Sub-Department',
		kind: 'string',
		description: 'The sub-department',
	},
	{ name: 'position', displayName: 'Position', kind: 'string', description: 'The job position' },
	{
		name: 'language',
		displayName: 'Language',
		kind: 'language',
		description: 'ISO 639-1 code such as de',
	},
	{ name: 'email', displayName: 'Email', kind: 'email', description: 'The e-mail address' },
	{ name: 'phone', displayName: 'Phone', kind: 'string', description: 'The phone number' },
	{ name: 'mobile', displayName: 'Mobile', kind: 'string', description: 'The mobile number' },
	{ name: 'fax', displayName: 'Fax', kind: 'string', description: 'The fax number' },
	{ name: 'street', displayName: 'Street', kind: 'string', description: 'Street and house number' },
	{
		name: 'additionalStreet',
		displayName: 'Additional Street',
		kind: 'string',
		description: 'Address supplement',
	},
	{ name: 'zip', displayName: 'Postal Code', kind: 'string', description: 'The postal code' },
	{ name: 'city', displayName: 'City', kind: 'string', description: 'The city' },
	{
		name: 'country',
		displayName: 'Country',
		kind: 'country',
		description: 'ISO 3166-1 alpha-2 code such as DE',
	},
	{
		name: 'birthday',
		displayName: 'Birthday',
		kind: 'dateTime',
		description: 'The birthday (the date is sent)',
	},
	{
		name: 'marketingBan',
		displayName: 'Marketing Ban',
		kind: 'boolean',
		description: 'Whether no marketing may be sent',
	},
	{ name: 'comment', displayName: 'Comment', kind: 'string', description: 'A comment' },
];

const PATHS: BodyPaths = {
	name: 'name',
	type: 'type',
	title: 'title',
	department: 'department',
	subDepartment: 'subDepartment',
	position: 'position',
	language: 'language',
	email: 'contact.email',
	phone: 'contact.phone',
	mobile: 'contact.mobile',
	fax: 'contact.fax',
	street: 'address.street',
	additionalStreet: 'address.additionalStreet',
	zip: 'address.zip',
	city: 'address.city',
	country: 'address.country',
	birthday: 'birthday',
	marketingBan: 'marketingBan',
	comment: 'comment',
};

export function contactPersonBody(fields: IDataObject): IDataObject {
	const body = bodyOf(fields, PATHS);
	if (body.birthday !== undefined) body.birthday = dateOnly(body.birthday) as string;
	if (typeof body.language === 'string') body.language = body.language.toLowerCase();
	return body;
}

export function contactPersonCollection(
	name: string,
	displayName: string,
	withName: boolean,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: toProperties(
			withName ? [CONTACT_PERSON_NAME, ...CONTACT_PERSON_FIELDS] : CONTACT_PERSON_FIELDS,
		),
	};
}

/** The body of Update: the Update Fields, or an error naming them when empty. */
export function readContactPersonUpdate(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = validateCollection(
		ctx,
		[CONTACT_PERSON_NAME, ...CONTACT_PERSON_FIELDS],
		readCollectionParameter(ctx, 'updateFields', 'Update Fields', itemIndex),
		'Update Fields > ',
		itemIndex,
	);
	if (fields.name !== undefined && String(fields.name).trim() === '')
		throw new NodeOperationError(
			ctx.getNode(),
			`Update Fields > Name (item ${itemIndex}) must not be empty`,
			{ itemIndex },
		);
	const body = contactPersonBody(fields);
	if (Object.keys(body).length === 0)
		throw new NodeOperationError(
			ctx.getNode(),
			`Update Fields (item ${itemIndex}) is empty: add at least one field to change`,
			{ itemIndex },
		);
	return body;
}
