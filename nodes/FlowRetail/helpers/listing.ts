import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import { isoDateOrNull } from '../../shared/customer';
import { undocumentedNotice } from '../../shared/undocumented';
import { validateField } from '../../shared/validation';

export type SortField = { name: string; value: string };

const CREATED: SortField = { name: 'Created At', value: 'createdAt' };
const MODIFIED: SortField = { name: 'Last Modified At', value: 'lastModifiedAt' };

/**
 * Sort fields for customer lists. The documents name `sortBy` ("a field name") but not the values
 * it takes [assumption: these are accepted; the sandbox's `sortBy` switch plays the other readings].
 */
export const CUSTOMER_SORT_FIELDS: SortField[] = [
	CREATED,
	{ name: 'Display Name', value: 'displayName' },
	{ name: 'First Name', value: 'firstname' },
	MODIFIED,
	{ name: 'Last Name', value: 'lastname' },
	{ name: 'UID', value: 'customerUid' },
];

/** Contacts and addresses: their record dates. */
export const CHILD_SORT_FIELDS: SortField[] = [CREATED, MODIFIED];

/** Customer groups and price lists: their dates and name. */
export const NAMED_SORT_FIELDS: SortField[] = [CREATED, MODIFIED, { name: 'Name', value: 'name' }];

/** The prices of a price list: their dates and product. */
export const PRICE_SORT_FIELDS: SortField[] = [
	CREATED,
	MODIFIED,
	{ name: 'Product UID', value: 'productUid' },
];

/** The order the node can check: times compare the same in every language, names do not. */
const CHECKED_SORT_FIELDS = new Set(['createdAt', 'lastModifiedAt']);

/** The notice beside Sort By: which values the API takes is not documented. */
export const sortNotice = undocumentedNotice({
	vendor: 'Flow Retail',
	what: 'which fields Sort By takes',
	assumption:
		'The node offers the fields of the record. When the order is by a date, the node checks it and stops the item if this tenant gave another order; an order by a name or UID is passed on unchecked.',
	name: 'sortNotice',
});

/** Sort By and Sort Direction as fixed dropdowns; an expression is checked against the list. */
export function sortProperties(fields: SortField[]): INodeProperties[] {
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
		sortNotice,
	];
}

function readDirection(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateField(
		ctx,
		z.enum(['ASC', 'DESC'], { errorMap: () => ({ message: 'must be ASC or DESC' }) }),
		ctx.getNodeParameter('sortDirection', itemIndex, 'ASC'),
		'Sort Direction',
		itemIndex,
	);
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
	return { sortBy, sortDirection: readDirection(ctx, itemIndex) };
}

/**
 * Sort By as a field name typed in, for lists whose records' shape no document shows (the external
 * CRM's): letters, digits, `_` and `.`, as a field path is written.
 */
export function freeSortProperties(description: string): INodeProperties[] {
	const [, direction, notice] = sortProperties([]);
	return [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'string',
			default: '',
			placeholder: 'e.g. externalId',
			description,
		},
		direction,
		notice,
	];
}

export function readFreeSort(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const sortBy = validateField(
		ctx,
		z
			.string({ invalid_type_error: 'must be a field name' })
			.trim()
			.max(64, 'must be at most 64 characters')
			.regex(/^([A-Za-z][A-Za-z0-9_.]*)?$/, 'must be a field name such as externalId'),
		ctx.getNodeParameter('sortBy', itemIndex, ''),
		'Sort By',
		itemIndex,
	);
	if (!sortBy) return {};
	return { sortBy, sortDirection: readDirection(ctx, itemIndex) };
}

/**
 * Checks that records asked for in date order came in that order. Which `sortBy` values Flow
 * Retail takes is undocumented; a tenant that ignores one would hand back another order without a
 * word, so the item stops here instead. `what` names the records (`customers`).
 */
export function checkDateOrder(
	ctx: { getNode: IExecuteFunctions['getNode'] },
	records: IDataObject[],
	sort: IDataObject,
	timeZone: string,
	what: string,
	itemIndex?: number,
): void {
	const field = String(sort.sortBy ?? '');
	if (!CHECKED_SORT_FIELDS.has(field)) return;
	const descending = sort.sortDirection === 'DESC';
	let previous: number | undefined;
	for (const record of records) {
		const iso = isoDateOrNull(record[field], timeZone);
		if (iso === null) continue;
		const at = Date.parse(iso);
		if (previous !== undefined && (descending ? at > previous : at < previous)) {
			const label = itemIndex === undefined ? 'Sort By' : `Sort By (item ${itemIndex})`;
			throw new NodeOperationError(
				ctx.getNode(),
				`${label}: Flow Retail's API on this tenant did not sort the ${what} by ${field} (${descending ? 'DESC' : 'ASC'})`,
				{
					itemIndex,
					description:
						"Which fields sortBy takes is not in Flow Retail's documents, and this tenant gave the records in another order. Leave Sort By at API Default and sort with n8n's Sort node.",
				},
			);
		}
		previous = at;
	}
}
