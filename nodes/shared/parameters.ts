import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { booleanValue, collectionValue, int32, validateField } from './validation';

/**
 * Editor parameters every vendor's nodes use in the same way, and their readers: Return All +
 * Limit of a Get Many, the Simplify switch, resource locators read as their plain value.
 */

/** The usual Return All + Limit pair of a Get Many operation. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** How many records a Get Many call should return: Infinity for Return All, else the limit. */
export function maxResults(ctx: IExecuteFunctions, itemIndex: number): number {
	if (readSwitch(ctx, 'returnAll', 'Return All', itemIndex, false)) return Infinity;
	return validateField(
		ctx,
		int32,
		ctx.getNodeParameter('limit', itemIndex, 50),
		'Limit',
		itemIndex,
	);
}

/** The Simplify switch of read operations: the package's common customer shape (customer.ts). */
export function simplifyField(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a compact, flat customer (the same shape from every system and API) instead of the full record',
	};
}

/** Reads a resource locator parameter as its plain value. */
export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return ctx.getNodeParameter(name, itemIndex, undefined, {
		extractValue: true,
	});
}

/** Reads a boolean parameter, refusing anything that is not true or false. */
export function readSwitch(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fallback: boolean,
): boolean {
	return validateField(
		ctx,
		booleanValue,
		ctx.getNodeParameter(name, itemIndex, fallback),
		label,
		itemIndex,
	);
}

/** Reads the Simplify switch. */
export const readSimplify = (ctx: IExecuteFunctions, itemIndex: number) =>
	readSwitch(ctx, 'simplify', 'Simplify', itemIndex, true);

/** Reads a collection parameter as an object; see {@link collectionValue}. */
export function readCollectionParameter(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject {
	return collectionValue(ctx, ctx.getNodeParameter(name, itemIndex, {}), label, itemIndex);
}
