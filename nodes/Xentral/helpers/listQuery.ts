import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import { maxResults, readCollectionParameter } from '../../shared/parameters';
import { paginateByPageNumber } from '../../shared/pagination';
import { text, validateField } from '../../shared/validation';
import type { XentralPath } from '../transport';
import {
	pageOf,
	xentralApiRequest,
	XENTRAL_PAGE_CONCURRENCY,
	XENTRAL_PAGE_SIZE,
} from '../transport';

/** What one list endpoint allows: its filter keys (API name → label), operators and sort fields. */
export interface ListSpec {
	filterKeys: Record<string, string>;
	operators: string[];
	sortFields: string[];
}

const OPERATOR_LABELS: Record<string, string> = {
	equals: 'Equals',
	notEquals: 'Not Equals',
	contains: 'Contains',
	notContains: 'Does Not Contain',
	startsWith: 'Starts With',
	endsWith: 'Ends With',
	greaterThan: 'Greater Than',
	lessThan: 'Less Than',
	in: 'Is One Of (Comma-Separated)',
	notIn: 'Is None Of (Comma-Separated)',
	is: 'Is',
	exactlyIn: 'Exactly In (Comma-Separated)',
	allIn: 'All In (Comma-Separated)',
	allNotIn: 'All Not In (Comma-Separated)',
	greaterThanOrEquals: 'Greater Than or Equals',
	lessThanOrEquals: 'Less Than or Equals',
};

const MULTI_VALUE = new Set(['in', 'notIn', 'exactlyIn', 'allIn', 'allNotIn']);

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The Filters list of a Get Many: only the keys and operators the endpoint allows. */
export function filterProperty(spec: ListSpec): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		placeholder: 'Add Filter',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Conditions every returned record meets (all of them)',
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: [
					{
						displayName: 'Field',
						name: 'key',
						type: 'options',
						options: Object.entries(spec.filterKeys)
							.map(([value, name]) => ({ name, value }))
							.sort(byName),
						default: '',
						description: 'The field to compare',
					},
					{
						displayName: 'Operator',
						name: 'op',
						type: 'options',
						options: spec.operators
							.map((value) => ({ name: OPERATOR_LABELS[value] ?? value, value }))
							.sort(byName),
						default: 'equals',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'The value to compare with; for a list operator, values separated by commas',
					},
				],
			},
		],
	};
}

/** The Sort option of a Get Many, where the endpoint allows one. */
export function sortProperty(spec: ListSpec): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		options: [
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
			},
			{
				displayName: 'Field',
				name: 'field',
				type: 'options',
				options: spec.sortFields.map((value) => ({ name: value, value })).sort(byName),
				default: '',
			},
		],
	};
}

const valueText = text(255);

/**
 * The list query of the Filters and Sort parameters, checked against the endpoint's keys and
 * operators before any request: `filter[i][key|op|value]` (and `value[j]` for list operators),
 * `order[0][field|dir]`.
 */
export function listQuery(ctx: IExecuteFunctions, spec: ListSpec, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	const filters = readCollectionParameter(ctx, 'filters', 'Filters', itemIndex);
	const conditions = filters.conditions ?? [];
	if (!Array.isArray(conditions)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Filters (item ${itemIndex}) must be a list of conditions`,
			{
				itemIndex,
			},
		);
	}
	const keys = Object.keys(spec.filterKeys);
	conditions.forEach((condition, i) => {
		const c = (condition ?? {}) as IDataObject;
		const label = `Filters > Condition ${i + 1}`;
		const key = validateField(
			ctx,
			z.enum(keys as [string, ...string[]], {
				errorMap: () => ({ message: `must be one of ${keys.join(', ')}` }),
			}),
			c.key,
			`${label} > Field`,
			itemIndex,
		);
		const op = validateField(
			ctx,
			z.enum(spec.operators as [string, ...string[]], {
				errorMap: () => ({ message: `must be one of ${spec.operators.join(', ')} for this list` }),
			}),
			c.op,
			`${label} > Operator`,
			itemIndex,
		);
		const raw =
			typeof c.value === 'number' || typeof c.value === 'boolean' ? String(c.value) : c.value;
		const value = validateField(ctx, valueText, raw ?? '', `${label} > Value`, itemIndex);
		qs[`filter[${i}][key]`] = key;
		qs[`filter[${i}][op]`] = op;
		if (MULTI_VALUE.has(op)) {
			const values = value
				.split(',')
				.map((v) => v.trim())
				.filter(Boolean);
			if (values.length === 0)
				throw new NodeOperationError(
					ctx.getNode(),
					`${label} > Value (item ${itemIndex}) needs at least one value for "${OPERATOR_LABELS[op]}"`,
					{ itemIndex },
				);
			values.forEach((v, j) => (qs[`filter[${i}][value][${j}]`] = v));
		} else {
			qs[`filter[${i}][value]`] = value;
		}
	});
	if (spec.sortFields.length) {
		const sort = readCollectionParameter(ctx, 'sort', 'Sort', itemIndex);
		if (sort.field !== undefined || sort.direction !== undefined) {
			const field = validateField(
				ctx,
				z.enum(spec.sortFields as [string, ...string[]], {
					errorMap: () => ({ message: `must be one of ${spec.sortFields.join(', ')}` }),
				}),
				sort.field || spec.sortFields[0],
				'Sort > Field',
				itemIndex,
			);
			const dir = validateField(
				ctx,
				z.enum(['asc', 'desc'], { errorMap: () => ({ message: 'must be asc or desc' }) }),
				sort.direction || 'asc',
				'Sort > Direction',
				itemIndex,
			);
			qs['order[0][field]'] = field;
			qs['order[0][dir]'] = dir;
		}
	}
	return qs;
}

/**
 * Get Many over `page[number]`/`page[size]`: Return All or Limit, pages of 50 (pages after the
 * first side by side when the total is known), the records in the API's order.
 */
export async function readList(
	ctx: IExecuteFunctions,
	path: XentralPath,
	qs: IDataObject,
	expected: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const max = maxResults(ctx, itemIndex);
	return await paginateByPageNumber(
		async (pageNumber, pageSize) =>
			pageOf(
				ctx,
				(
					await xentralApiRequest(ctx, 'GET', path, {
						qs: { ...qs, 'page[number]': pageNumber, 'page[size]': pageSize },
						itemIndex,
					})
				).body,
				expected,
				itemIndex,
			),
		{
			max,
			pageSizeMax: XENTRAL_PAGE_SIZE,
			concurrency: XENTRAL_PAGE_CONCURRENCY,
			keyOf: (item) => String((item as IDataObject).id),
		},
	);
}
