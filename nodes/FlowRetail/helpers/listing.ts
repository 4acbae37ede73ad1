import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import { validateField } from '../../shared/validation';

/** Sort fields for customer lists [assumption: the API documents none; these are accepted]. */
export const CUSTOMER_SORT_FIELDS = [
	{ name: 'Created At', value: 'createdAt' },
	{ name: 'Display Name', value: 'displayName' },
	{ name: 'First Name', value: 'firstname' },
	{ name: 'Last Modified At', value: 'lastModifiedAt' },
	{ name: 'Last Name', value: 'lastname' },
	{ name: 'UID', value: 'customerUid' },
];

/** Sort By and Sort Direction as fixed dropdowns; an expression is checked against the list. */
export function sortProperties(fields: Array<{ name: string; value: string }>): INodeProperties[] {
	return [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: [{ name: 'API Default', value: '' }, ...fields],
			default: '',
			description: 'The field to sort by',
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'ASC' },
				{ name: 'Descending', value: 'DESC' },
			],
			default: 'ASC',
		},
	];
}
/** The sort query of a list: only values the dropdowns offer pass, from an expression too. */
export function readSort(
	ctx: IExecuteFunctions,
	fields: Array<{ value: string }>,
	itemIndex: number,
): IDataObject {
	const allowed = fields.map((f) => f.value);
	const sortBy = validateField(
		ctx,
		z.union([z.literal(''), z.enum(allowed as [string, ...string[]])], {
			errorMap: () => ({ message: `must be one of ${allowed.join(', ')}` }),
		}),
		ctx.getNodeParameter('sortBy', itemIndex, ''),
		'Sort By',
		itemIndex,
	);
	if (!sortBy) return {};
	const sortDirection = validateField(
		ctx,
		z.enum(['ASC', 'DESC'], { errorMap: () => ({ message: 'must be ASC or DESC' }) }),
		ctx.getNodeParameter('sortDirection', itemIndex, 'ASC'),
		'Sort Direction',
		itemIndex,
	);
	return { sortBy, sortDirection };
}
