import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	maxResults,
	readCollectionParameter,
	readSimplify,
	returnAllAndLimit,
	simplifyField,
} from '../../../shared/parameters';
import { booleanValue, validateField } from '../../../shared/validation';
import { LIST_LOOKUPS_ONE_BY_ONE } from '../../helpers/customerId';
import {
	FILTER_LABELS,
	SORT_BY_OPTIONS,
	V1_FILTERS,
	V2_FILTERS,
	isSet,
	readV2Customers,
	searchV1Customers,
} from '../../helpers/customerLists';
import { customerOutput } from '../../helpers/output';
import { undocumentedNotice } from '../../helpers/undocumented';

/** Shown above the filters: which filters go together. */
export const FILTERS_NOTICE =
	'Search filters (keyword, number, group, category) read the REST v1 customer list; the Created/Changed date filters and Sort read the REST v2 list. Use one kind or the other in one node, not both.';

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

	const records = v1Used.length
		? await searchV1Customers(this, filters, max, itemIndex)
		: await readV2Customers(this, filters, sort, max, itemIndex);
	return await customerOutput(this, records, simplify, itemIndex, lookUp ? 'list' : false);
}
