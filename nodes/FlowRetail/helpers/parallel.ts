import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * How many items the node works on at once. Flow Retail documents no rate limit, so the node
 * does not pace its requests ahead of time: it sends them side by side and slows down only when
 * the API answers 429 (the shared gate holds every request of the tenant for the Retry-After).
 */
export const FLOW_PARALLEL_ITEMS = 10;
const MAX_PARALLEL_ITEMS = 50;

/** The node's Items in Parallel setting (not shown for Batch, which sends its own requests). */
export const parallelItemsProperty: INodeProperties = {
	displayName: 'Items in Parallel',
	name: 'parallelItems',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_ITEMS, numberPrecision: 0 },
	default: FLOW_PARALLEL_ITEMS,
	description:
		'How many input items the node works on at once. Items that write the same record (the same external ID or UID) always run one after another, in item order. Set 1 to run the items one by one.',
	displayOptions: { hide: { operation: ['batch'] } },
};

/** Items in Parallel of this run; a value out of range stops the run before any request. */
export function readParallelItems(ctx: IExecuteFunctions): number {
	const value = ctx.getNodeParameter('parallelItems', 0, FLOW_PARALLEL_ITEMS) as unknown;
	const n = value === '' || value === undefined || value === null ? FLOW_PARALLEL_ITEMS : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_PARALLEL_ITEMS) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Items in Parallel must be a whole number from 1 to ${MAX_PARALLEL_ITEMS}`,
			{ itemIndex: 0 },
		);
	}
	return n;
}

/**
 * An operation's item key (see OperationModule.itemKey): the record kind and the values of the
 * named parameters (a resource locator's value), or undefined while one is empty.
 */
export function keyOfParameters(kind: string, ...names: string[]) {
	return function itemKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
		const values = names.map((name) =>
			String(this.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim(),
		);
		return values.some((v) => v === '') ? undefined : `${kind}:${JSON.stringify(values)}`;
	};
}
