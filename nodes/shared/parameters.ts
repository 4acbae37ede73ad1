import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { booleanValue, collectionValue, int32, validateField } from './validation';

/**
 * Editor parameters every vendor's nodes use in the same way, and their readers: Return All +
 * Limit of a Get Many, the Simplify switch, the Options collection, the polling triggers' Event
 * dropdown, resource locators read as their plain value.
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

/**
 * The Simplify switch of every operation that returns records: on, the package's compact shape
 * (customers in the common customer shape of customer.ts); off, the vendor's record.
 */
export function simplifyField(record = 'customer'): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a compact, flat ${record} in camelCase (the same shape from every system and API) instead of the vendor's full record`,
	};
}

/** The Options collection of an operation or trigger, holding its switches. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/**
 * A trigger's Options collection with its Simplify switch; `description` says what the switch
 * returns for that trigger. `others` come before it (the collection is sorted by name).
 */
export function simplifyOptions(
	description: string,
	others: INodeProperties[] = [],
): INodeProperties {
	return optionsCollection([
		...others,
		{ displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description },
	]);
}

/** The Event dropdown of a customer polling trigger, New Customer by default. */
export function customerEventField(events: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		default: 'newCustomer',
		options: events,
	};
}

/** Reads a resource locator parameter as its plain value. */
export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return ctx.getNodeParameter(name, itemIndex, undefined, {
		extractValue: true,
	});
}

/** What a record locator needs: its field, its "From List" search and its ID pattern. */
export interface RecordLocatorSpec {
	displayName: string;
	name: string;
	searchListMethod: string;
	/** The record's kind in lower case, for the placeholder and the error: "contact person". */
	record: string;
	idPlaceholder: string;
	/** A regular expression (as text) the ID must match, and what to say when it does not. */
	idRegex: string;
	idError: string;
}

/**
 * A record ID as a resource locator: "From List" with search, or "By ID" checked against the ID
 * pattern. Either way the operation reads the plain value (`locatorValue`); a plain text value
 * from an older workflow or an expression is read the same way.
 */
export function recordLocator(
	spec: RecordLocatorSpec,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${/^[aeiou]/i.test(spec.record) ? 'an' : 'a'} ${spec.record}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [
					{ type: 'regex', properties: { regex: spec.idRegex, errorMessage: spec.idError } },
				],
			},
		],
		...overrides,
	};
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
