import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { mergeExtraBodyFields, readExtraBodyFields } from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import {
	bodyOf,
	collectionProperty,
	field,
	validateCollection,
	within,
} from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import { requireSomethingToSend, requireValue } from '../../shared/validation';
import { asDate, idList, lowerCase, NOTHING_TO_CHANGE, SALUTATIONS } from './bodies';

export const CONTACT_PERSON_NAME: FieldSpec = {
	name: 'name',
	displayName: 'Name',
	kind: 'string',
	description:
		"The contact person's full name, first name first (Xentral keeps one name field): Simplify splits it into first and last name",
};

const text = (name: string, displayName: string, description: string) =>
	field(name, displayName, 'string', description);

/** The fields of a contact person, each with its place in the v1 contact person body. */
export const CONTACT_PERSON_FIELDS: FieldSpec[] = [
	field(
		'type',
		'Salutation Type',
		'choice',
		'Mr, Mrs, company or other: the kind of salutation Xentral writes',
		{
			choices: SALUTATIONS,
		},
	),
	text('title', 'Title', 'An academic title such as Dr.'),
	text('department', 'Department', 'The department'),
	text('subDepartment', 'Sub-Department', 'The sub-department'),
	text('position', 'Position', 'The job position'),
	field('language', 'Language', 'language', 'ISO 639-1 code such as de', lowerCase),
	// Read as a list of IDs by readContactPersonFields before it is placed.
	field(
		'groupIds',
		'Group IDs',
		'string',
		'The IDs of the groups the contact person belongs to, separated by commas, such as 17, 22. Replaces the groups they had.',
		{ body: 'groups' },
	),
	...within('contact', [
		text(
			'salutation',
			'Salutation',
			'The words to address the contact person with, such as "Dear Dr. Smith"',
		),
		field('email', 'Email', 'email', 'The e-mail address'),
		text('phone', 'Phone', 'The landline number'),
		text('mobile', 'Mobile', 'The mobile number'),
		text('fax', 'Fax', 'The fax number'),
	]),
	...within('address', [
		text('street', 'Street', 'Street and house number'),
		text('additionalStreet', 'Additional Street', 'Address supplement'),
		text('zip', 'Postal Code', 'The postal code'),
		text('city', 'City', 'The city'),
		text('state', 'State', 'The federal state or district'),
		field('country', 'Country', 'country', 'ISO 3166-1 alpha-2 code such as DE'),
	]),
	field('birthday', 'Birthday', 'dateTime', 'The birthday (the date is sent)', asDate),
	field(
		'birthdayShowInCalendar',
		'Show Birthday in Calendar',
		'boolean',
		"Whether the birthday shows in Xentral's birthday calendar",
	),
	field(
		'sendBirthdayCard',
		'Send Birthday Card',
		'boolean',
		'Whether a birthday card is sent through the serial letter module',
	),
	field('marketingBan', 'Marketing Ban', 'boolean', 'Whether no marketing may be sent'),
	text('comment', 'Comment', 'An internal comment'),
	text('others', 'Other Information', 'Anything else worth knowing about the contact person'),
];

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
	return contactPersonBody(groups === undefined ? fields : { ...fields, groupIds: groups });
}

/** Checked contact person fields as the body, each converted and at its place. */
export function contactPersonBody(fields: IDataObject): IDataObject {
	return bodyOf([CONTACT_PERSON_NAME, ...CONTACT_PERSON_FIELDS], fields);
}

export function contactPersonCollection(
	name: string,
	displayName: string,
	withName: boolean,
): INodeProperties {
	return collectionProperty(
		displayName,
		name,
		withName ? [CONTACT_PERSON_NAME, ...CONTACT_PERSON_FIELDS] : CONTACT_PERSON_FIELDS,
	);
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
