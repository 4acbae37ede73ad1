import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mergeExtraBodyFields, readExtraBodyFields } from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { toProperties, validateCollection } from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import { requireSomethingToSend, requireValue } from '../../shared/validation';
import type { BodyPaths } from './bodies';
import { bodyOf, dateOnly, idList, NOTHING_TO_CHANGE } from './bodies';

export const CONTACT_PERSON_NAME: FieldSpec = {
	name: 'name',
	displayName: 'Name',
	kind: 'string',
	description:
		"The contact person's full name, first name first (Xentral keeps one name field): Simplify splits it into first and last name",
};

export const CONTACT_PERSON_FIELDS: FieldSpec[] = [
	{
		name: 'type',
		displayName: 'Salutation Type',
		kind: 'choice',
		description: 'Mr, Mrs, company or other: the kind of salutation Xentral writes',
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
	{
		name: 'salutation',
		displayName: 'Salutation',
		kind: 'string',
		description: 'The words to address the contact person with, such as "Dear Dr. Smith"',
	},
	{
		name: 'groupIds',
		displayName: 'Group IDs',
		kind: 'string',
		description:
			'The IDs of the groups the contact person belongs to, separated by commas, such as 17, 22. Replaces the groups they had.',
	},
	{ name: 'email', displayName: 'Email', kind: 'email', description: 'The e-mail address' },
	{ name: 'phone', displayName: 'Phone', kind: 'string', description: 'The landline number' },
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
		name: 'state',
		displayName: 'State',
		kind: 'string',
		description: 'The federal state or district',
	},
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
		name: 'birthdayShowInCalendar',
		displayName: 'Show Birthday in Calendar',
		kind: 'boolean',
		description: "Whether the birthday shows in Xentral's birthday calendar",
	},
	{
		name: 'sendBirthdayCard',
		displayName: 'Send Birthday Card',
		kind: 'boolean',
		description: 'Whether a birthday card is sent through the serial letter module',
	},
	{
		name: 'marketingBan',
		displayName: 'Marketing Ban',
		kind: 'boolean',
		description: 'Whether no marketing may be sent',
	},
	{ name: 'comment', displayName: 'Comment', kind: 'string', description: 'An internal comment' },
	{
		name: 'others',
		displayName: 'Other Information',
		kind: 'string',
		description: 'Anything else worth knowing about the contact person',
	},
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
	state: 'address.state',
	country: 'address.country',
	salutation: 'contact.salutation',
	birthday: 'birthday',
	birthdayShowInCalendar: 'birthdayShowInCalendar',
	sendBirthdayCard: 'sendBirthdayCard',
	marketingBan: 'marketingBan',
	comment: 'comment',
	others: 'others',
};

/**
 * A contact person collection, checked: each field by its kind, the group IDs as a list. Returns
 * the body of the fields.
 */
export function readContactPersonFields(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	parameter: string,
	label: string,
	itemIndex: number,
): IDataObject {
	const raw = { ...readCollectionParameter(ctx, parameter, label, itemIndex) };
	const groups =
		raw.groupIds === undefined
			? undefined
			: idList(ctx, raw.groupIds, `${label} > Group IDs`, itemIndex);
	delete raw.groupIds;
	const fields = validateCollection(ctx, specs, raw, `${label} > `, itemIndex);
	if (fields.name !== undefined)
		requireValue(ctx, fields.name, `${label} > Name`, itemIndex, { says: 'must not be empty' });
	const body = contactPersonBody(fields);
	if (groups !== undefined) body.groups = groups as string[];
	return body;
}

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

/** The body of Update: the Update Fields and the Extra Body Fields, or an error when both are empty. */
export function readContactPersonUpdate(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body = mergeExtraBodyFields(
		ctx,
		readContactPersonFields(
			ctx,
			[CONTACT_PERSON_NAME, ...CONTACT_PERSON_FIELDS],
			'updateFields',
			'Update Fields',
			itemIndex,
		),
		readExtraBodyFields(ctx, itemIndex),
		itemIndex,
	);
	requireSomethingToSend(ctx, [body], itemIndex, NOTHING_TO_CHANGE);
	return body;
}
