import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { schemaOf, validateCollection } from '../../shared/fieldSpecs';
import { paginateByPageNumber } from '../../shared/pagination';
import { int32Id, validateField } from '../../shared/validation';
import {
	JTL_PAGE_CONCURRENCY,
	JTL_PAGE_SIZE_MAX,
	jtlApiRequest,
	jtlPath,
	jtlTimeZone,
	readV1Page,
	readV2Page,
} from '../transport';
import type { V2DateField, V2ListAsked } from './v2Lists';
import { V2_LIST_MISMATCH_HELP, requestV2CustomerList, v2ListMismatch } from './v2Lists';

/**
 * The two customer lists of Get Many: the REST v1 list with the search filters, and the REST v2
 * list with the date filters and sorting (JTL offers each kind on one list only).
 */

export const SORT_BY_OPTIONS = [
	{ name: 'Created Date', value: 'createdDate' },
	{ name: 'Customer Number', value: 'customerNumber' },
	{ name: 'ID', value: 'id' },
	{ name: 'Last Changed', value: 'lastChanged' },
];

export const V1_FILTERS = ['searchKeyWord', 'number', 'groupId', 'categoryId'];
export const V2_FILTERS = [
	'createdDateAfter',
	'createdDateBefore',
	'lastChangedAfter',
	'lastChangedBefore',
];
export const FILTER_LABELS: Record<string, string> = {
	searchKeyWord: 'Search Keyword',
	number: 'Customer Number',
	groupId: 'Customer Group Name or ID',
	categoryId: 'Customer Category Name or ID',
	createdDateAfter: 'Created After',
	createdDateBefore: 'Created Before',
	lastChangedAfter: 'Changed After',
	lastChangedBefore: 'Changed Before',
};

/** The Sort collection's fields, checked like any other (an expression may give anything). */
const SORT_SPECS: FieldSpec[] = [
	{ name: 'descending', displayName: 'Descending', kind: 'boolean', description: '' },
	{
		name: 'sortBy',
		displayName: 'Sort By',
		kind: 'choice',
		description: '',
		choices: SORT_BY_OPTIONS,
	},
];

export const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Customers of the v1 list that match the search filters, page by page. */
export async function searchV1Customers(
	ctx: IExecuteFunctions,
	filters: IDataObject,
	max: number,
	itemIndex: number,
): Promise<IDataObject[]> {
	const qs: IDataObject = {};
	for (const key of ['searchKeyWord', 'number'])
		if (isSet(filters[key]))
			qs[key] = validateField(
				ctx,
				schemaOf('string'),
				filters[key],
				`Filters > ${FILTER_LABELS[key]}`,
				itemIndex,
			);
	if (isSet(filters.groupId))
		qs.groupId = validateField(
			ctx,
			int32Id,
			filters.groupId,
			`Filters > ${FILTER_LABELS.groupId}`,
			itemIndex,
		);
	if (isSet(filters.categoryId))
		qs.categoryId = validateField(
			ctx,
			int32Id,
			filters.categoryId,
			`Filters > ${FILTER_LABELS.categoryId}`,
			itemIndex,
		);
	return await paginateByPageNumber(
		async (pageNumber, pageSize) =>
			readV1Page(
				(
					await jtlApiRequest(ctx, 'GET', jtlPath`/customers`, {
						qs: { ...qs, pageNumber, pageSize },
						itemIndex,
					})
				).body,
			),
		{
			max,
			pageSizeMax: JTL_PAGE_SIZE_MAX,
			concurrency: JTL_PAGE_CONCURRENCY,
			keyOf: (c) => String((c as IDataObject).Id),
		},
	);
}

/**
 * Customers of the v2 list within the date filters, sorted as asked, page by page; stops the item
 * when the list did not apply them.
 */
export async function readV2Customers(
	ctx: IExecuteFunctions,
	filters: IDataObject,
	sort: IDataObject,
	max: number,
	itemIndex: number,
): Promise<IDataObject[]> {
	const qs: IDataObject = {};
	const windows: NonNullable<V2ListAsked['windows']> = [];
	const asked: V2ListAsked = { windows };
	for (const key of V2_FILTERS) {
		if (!isSet(filters[key])) continue;
		const value = validateField(
			ctx,
			schemaOf('dateTime'),
			filters[key],
			`Filters > ${FILTER_LABELS[key]}`,
			itemIndex,
		) as string;
		qs[key] = new Date(value).toISOString();
		const [, field, bound] = /^(createdDate|lastChanged)(After|Before)$/.exec(key) ?? [];
		let window = windows.find((w) => w.field === field);
		if (!window) windows.push((window = { field: field as V2DateField }));
		window[bound === 'After' ? 'after' : 'before'] = Date.parse(qs[key] as string);
	}
	if (Object.keys(sort).length) {
		// a second key keeps the order stable across pages when values tie
		const sorting = validateCollection(ctx, SORT_SPECS, sort, 'Sort > ', itemIndex);
		const by = (sorting.sortBy as string | undefined) ?? 'customerNumber';
		qs.sortBy = by === 'id' ? 'id' : `${by},id`;
		qs.sortDescending = sorting.descending === true;
		if (by === 'createdDate' || by === 'lastChanged')
			asked.sort = { field: by, descending: sorting.descending === true };
	}
	const records = await paginateByPageNumber(
		async (pageNumber, pageSize) =>
			readV2Page(await requestV2CustomerList(ctx, { ...qs, pageNumber, pageSize }, itemIndex)),
		{
			max,
			pageSizeMax: JTL_PAGE_SIZE_MAX,
			concurrency: JTL_PAGE_CONCURRENCY,
			keyOf: (c) => String((c as IDataObject).id),
		},
	);
	const mismatch = v2ListMismatch(records, asked, await jtlTimeZone(ctx, itemIndex));
	if (mismatch) {
		const what = [
			...V2_FILTERS.filter((f) => isSet(filters[f])).map((f) => FILTER_LABELS[f]),
			...(asked.sort ? ['Sort'] : []),
		].join(', ');
		throw new NodeOperationError(
			ctx.getNode(),
			`${what} (item ${itemIndex}): JTL-Wawi's v2 customer list did not apply it`,
			{
				itemIndex,
				description: `${mismatch} ${V2_LIST_MISMATCH_HELP} Nothing was output rather than a wrong list; the search filters (REST v1 list) still work, and a later node can filter the dates.`,
			},
		);
	}
	return records;
}
