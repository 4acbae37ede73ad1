import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { paginateByPageNumber } from '../../../shared/pagination';
import { booleanValue, int32Id, validateField } from '../../../shared/validation';
import type { FieldSpec } from '../../../shared/fieldSpecs';
import { schemaOf, validateCollection } from '../../../shared/fieldSpecs';
import { readV1Page, readV2Page,
	JTL_PAGE_CONCURRENCY,
	JTL_PAGE_SIZE_MAX,
	jtlApiRequest,
	jtlPath,
	jtlTimeZone } from '../../transport';
import type { V2DateField, V2ListAsked } from '../../helpers/v2Lists';
import {
	V2_LIST_MISMATCH_HELP,
	requestV2CustomerList,
	v2ListMismatch,
} from '../../helpers/v2Lists';
import { customerOutput } from '../../helpers/customerOutput';
import { LIST_LOOKUPS_ONE_BY_ONE } from '../../helpers/customerId';
/** Shown above the filters: which filters go together. */
export const FILTERS_NOTICE =
	'Search filters (keyword, number, group, category) read the REST v1 customer list; the Created/Changed date filters and Sort read the REST v2 list. Use one kind or the other in one node, not both.';
import {
	maxResults,
	readCollectionParameter,
	readSimplify,
	returnAllAndLimit,
	simplifyField,
} from '../../../shared/parameters';
import { undocumentedNotice } from '../../helpers/undocumented';

const SORT_BY_OPTIONS = [
	{ name: 'Created Date', value: 'createdDate' },
	{ name: 'Customer Number', value: 'customerNumber' },
	{ name: 'ID', value: 'id' },
	{ name: 'Last Changed', value: 'lastChanged' },
];

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: FILTERS_NOTICE,
		name: 'filtersNotice',
		type: 'notice',
		default: '',
	},
	undocumentedNotice('v2List'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description:
			'Search filters (keyword, number, group, category) use the v1 customer list; date filters and sorting use the v2 list. The two kinds cannot be combined.',
		options: [
			{
				displayName: 'Changed After',
				name: 'lastChangedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only customers changed after this time (v2 list)',
			},
			{
				displayName: 'Changed Before',
				name: 'lastChangedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only customers changed before this time (v2 list)',
			},
			{
				displayName: 'Created After',
				name: 'createdDateAfter',
				type: 'dateTime',
				default: '',
				description: 'Only customers created after this time (v2 list)',
			},
			{
				displayName: 'Created Before',
				name: 'createdDateBefore',
				type: 'dateTime',
				default: '',
				description: 'Only customers created before this time (v2 list)',
			},
			{
				displayName: 'Customer Category Name or ID',
				name: 'categoryId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCustomerCategories' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Customer Group Name or ID',
				name: 'groupId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCustomerGroups' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Customer Number',
				name: 'number',
				type: 'string',
				default: '',
				description: 'Only the customer with exactly this number (v1 list)',
			},
			{
				displayName: 'Search Keyword',
				name: 'searchKeyWord',
				type: 'string',
				default: '',
				description:
					'Matches the customer number and the main billing address: names, company, city, email (v1 list)',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Option',
		default: {},
		description: 'Sorting uses the v2 customer list',
		options: [
			{
				displayName: 'Descending',
				name: 'descending',
				type: 'boolean',
				default: false,
				description: 'Whether to sort from the highest to the lowest value',
			},
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'customerNumber',
				options: SORT_BY_OPTIONS,
			},
		],
	},
	simplifyField(),
	{
		displayName: 'Look Up Both IDs',
		name: 'lookUpBothIds',
		type: 'boolean',
		default: false,
		displayOptions: { show: { simplify: [true] } },
		description: `Whether to fill in each customer's v1 ID (legacyId) when the v2 list answers (date filters, sorting). Customers of the v1 list (search filters) always carry both IDs. Off, customers of the v2 list have legacyId null; either ID works in every customer field. On, up to ${LIST_LOOKUPS_ONE_BY_ONE} customers cost one request each, more cost one read of the v1 list (about one request per 100 customers).`,
		hint: `On costs one request per customer up to ${LIST_LOOKUPS_ONE_BY_ONE}, beyond that about one per 100 customers`,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getAll'] } },
	properties,
);

const V1_FILTERS = ['searchKeyWord', 'number', 'groupId', 'categoryId'];
const V2_FILTERS = [
	'createdDateAfter',
	'createdDateBefore',
	'lastChangedAfter',
	'lastChangedBefore',
];
const FILTER_LABELS: Record<string, string> = {
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

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Reads customers from the v1 list (search) or the v2 list (dates, sorting), page by page. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const max = maxResults(this, itemIndex);
	const filters = readCollectionParameter(this, 'filters', 'Filters', itemIndex);
	const sort = readCollectionParameter(this, 'sort', 'Sort', itemIndex);
	const simplify = readSimplify(this, itemIndex);
	const lookUp =
		simplify &&
		validateField(
			this,
			booleanValue,
			this.getNodeParameter('lookUpBothIds', itemIndex, false),
			'Look Up Both IDs',
			itemIndex,
		);

	const v1Used = V1_FILTERS.filter((f) => isSet(filters[f]));
	const v2Used = [
		...V2_FILTERS.filter((f) => isSet(filters[f])),
		...(Object.keys(sort).length ? ['sort'] : []),
	];
	if (v1Used.length && v2Used.length) {
		const names = (keys: string[]) => keys.map((k) => FILTER_LABELS[k] ?? 'Sort').join(', ');
		throw new NodeOperationError(
			this.getNode(),
			`Filters (item ${itemIndex}) cannot combine ${names(v1Used)} with ${names(v2Used)}`,
			{
				itemIndex,
				description:
					'JTL offers search filters only on its v1 customer list and date filters and sorting only on its v2 list. Use one kind per node, or filter the results in a later node.',
			},
		);
	}

	let records: IDataObject[];
	if (v1Used.length) {
		const qs: IDataObject = {};
		for (const key of ['searchKeyWord', 'number'])
			if (isSet(filters[key]))
				qs[key] = validateField(
					this,
					schemaOf('string'),
					filters[key],
					`Filters > ${FILTER_LABELS[key]}`,
					itemIndex,
				);
		if (isSet(filters.groupId))
			qs.groupId = validateField(
				this,
				int32Id,
				filters.groupId,
				`Filters > ${FILTER_LABELS.groupId}`,
				itemIndex,
			);
		if (isSet(filters.categoryId))
			qs.categoryId = validateField(
				this,
				int32Id,
				filters.categoryId,
				`Filters > ${FILTER_LABELS.categoryId}`,
				itemIndex,
			);
		records = await paginateByPageNumber(
			async (pageNumber, pageSize) =>
				readV1Page(
					(
						await jtlApiRequest(this, 'GET', jtlPath`/customers`, {
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
	} else {
		const qs: IDataObject = {};
		const windows: NonNullable<V2ListAsked['windows']> = [];
		const asked: V2ListAsked = { windows };
		for (const key of V2_FILTERS) {
			if (!isSet(filters[key])) continue;
			const value = validateField(
				this,
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
			const sorting = validateCollection(this, SORT_SPECS, sort, 'Sort > ', itemIndex);
			const by = (sorting.sortBy as string | undefined) ?? 'customerNumber';
			qs.sortBy = by === 'id' ? 'id' : `${by},id`;
			qs.sortDescending = sorting.descending === true;
			if (by === 'createdDate' || by === 'lastChanged')
				asked.sort = { field: by, descending: sorting.descending === true };
		}
		records = await paginateByPageNumber(
			async (pageNumber, pageSize) =>
				readV2Page(await requestV2CustomerList(this, { ...qs, pageNumber, pageSize }, itemIndex)),
			{
				max,
				pageSizeMax: JTL_PAGE_SIZE_MAX,
				concurrency: JTL_PAGE_CONCURRENCY,
				keyOf: (c) => String((c as IDataObject).id),
			},
		);
		const mismatch = v2ListMismatch(records, asked, await jtlTimeZone(this, itemIndex));
		if (mismatch) {
			const what = [
				...V2_FILTERS.filter((f) => isSet(filters[f])).map((f) => FILTER_LABELS[f]),
				...(asked.sort ? ['Sort'] : []),
			].join(', ');
			throw new NodeOperationError(
				this.getNode(),
				`${what} (item ${itemIndex}): JTL-Wawi's v2 customer list did not apply it`,
				{
					itemIndex,
					description: `${mismatch} ${V2_LIST_MISMATCH_HELP} Nothing was output rather than a wrong list; the search filters (REST v1 list) still work, and a later node can filter the dates.`,
				},
			);
		}
	}
	return await customerOutput(this, records, simplify, itemIndex, lookUp ? 'list' : false);
}
