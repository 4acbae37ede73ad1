import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import { extraBodyFieldsProperty } from '../../shared/extraBodyFields';
import { readCollectionParameter } from '../../shared/parameters';
import { requireValue, validateField } from '../../shared/validation';

/** The lists of the customer body: custom fields (1–20) and additional contact data. */
export function listProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
			default: {},
			description: "Values of the instance's customer free fields (1 to 20)",
			options: [
				{
					displayName: 'Field',
					name: 'fields',
					values: [
						{
							displayName: 'Field Number',
							name: 'id',
							type: 'number',
							typeOptions: { minValue: 1, maxValue: 20, numberPrecision: 0 },
							default: 1,
							description: 'Which free field, 1 to 20',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
		{
			displayName: 'Additional Contact Data',
			name: 'additionalContactData',
			type: 'fixedCollection',
			placeholder: 'Add Contact Data',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Contact data beyond the standard fields, such as a second mobile number',
			options: [
				{
					displayName: 'Entry',
					name: 'entries',
					values: [
						{
							displayName: 'Label',
							name: 'label',
							type: 'string',
							default: '',
							placeholder: 'mobile2',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		extraBodyFieldsProperty('Xentral'),
	];
}

/** The entries of a fixed collection's list, or an error naming it. */
function listEntries(
	ctx: IExecuteFunctions,
	parameter: string,
	label: string,
	key: string,
	itemIndex: number,
): IDataObject[] {
	const value = readCollectionParameter(ctx, parameter, label, itemIndex);
	const entries = value[key] ?? [];
	if (!Array.isArray(entries))
		throw new NodeOperationError(ctx.getNode(), `${label} (item ${itemIndex}) must be a list`, {
			itemIndex,
		});
	return entries as IDataObject[];
}

const customFieldId = z.preprocess(
	(v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
	z
		.number({ invalid_type_error: 'must be a number from 1 to 20' })
		.int('must be a number from 1 to 20')
		.min(1, 'must be a number from 1 to 20')
		.max(20, 'must be a number from 1 to 20'),
);
const entryText = z.preprocess(
	(v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
	z.string({ invalid_type_error: 'must be text' }).max(255, 'must be at most 255 characters'),
);

/** Custom Fields and Additional Contact Data as their body lists, checked. */
export function readLists(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	const fields = listEntries(ctx, 'customFields', 'Custom Fields', 'fields', itemIndex);
	const seen = new Set<number>();
	const customFields = fields.map((entry, i) => {
		const where = `Custom Fields > Field ${i + 1}`;
		const id = validateField(
			ctx,
			customFieldId,
			entry.id,
			`${where} > Field Number`,
			itemIndex,
		) as number;
		if (seen.has(id))
			throw new NodeOperationError(
				ctx.getNode(),
				`${where} > Field Number (item ${itemIndex}) repeats field ${id}; give each field once`,
				{ itemIndex },
			);
		seen.add(id);
		return {
			id,
			value: validateField(ctx, entryText, entry.value ?? '', `${where} > Value`, itemIndex),
		};
	});
	if (customFields.length) body.customFields = customFields;
	const entries = listEntries(
		ctx,
		'additionalContactData',
		'Additional Contact Data',
		'entries',
		itemIndex,
	);
	const additionalData = entries.map((entry, i) => {
		const where = `Additional Contact Data > Entry ${i + 1}`;
		const label = validateField(
			ctx,
			entryText,
			entry.label,
			`${where} > Label`,
			itemIndex,
		) as string;
		requireValue(ctx, label, `${where} > Label`, itemIndex);
		return {
			label: label.trim(),
			value: validateField(ctx, entryText, entry.value ?? '', `${where} > Value`, itemIndex),
		};
	});
	if (additionalData.length) body.contactDetails = { additionalData };
	return body;
}

/** The lists merged into a body (the additional contact data beside the contact details). */
export function mergeLists(body: IDataObject, lists: IDataObject): IDataObject {
	const out = { ...body };
	if (lists.customFields) out.customFields = lists.customFields;
	if (lists.contactDetails)
		out.contactDetails = {
			...((out.contactDetails as IDataObject) ?? {}),
			...(lists.contactDetails as IDataObject),
		};
	return out;
}
