import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_AMOUNT } from './fieldSpecs';
import { unsafeCharacter } from './validation';

/** The parameter's name in every node that offers it. */
export const EXTRA_BODY_FIELDS = 'extraBodyFields';

const LABEL = 'Extra Body Fields';

/** Keys that would reach an object's prototype instead of the body; never accepted. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The "Extra Body Fields" field: a JSON object of vendor fields the node does not list, merged into
 * the request body of a create or update. `vendor` names the system in the description.
 */
export function extraBodyFieldsProperty(
	vendor: string,
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName: LABEL,
		name: EXTRA_BODY_FIELDS,
		type: 'json',
		default: '{}',
		...(displayOptions ? { displayOptions } : {}),
		description: `Fields of the ${vendor} API that this node does not list, as a JSON object under the API's own names. Nested objects are merged with the node's fields; a field set both here and by the node stops the item.`,
	};
}

const isPlainObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads the Extra Body Fields of an item: a JSON object (text from the editor, or an object from an
 * expression). Empty means none. Anything else stops the item, naming the field and the item.
 */
export function readExtraBodyFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = EXTRA_BODY_FIELDS,
): IDataObject {
	const raw = ctx.getNodeParameter(name, itemIndex, {}) as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${LABEL} (item ${itemIndex}) is not valid JSON: ${(error as Error).message}`,
				{ itemIndex },
			);
		}
	}
	if (value === undefined || value === null) return {};
	if (!isPlainObject(value))
		throw new NodeOperationError(
			ctx.getNode(),
			`${LABEL} (item ${itemIndex}) must be a JSON object such as {"fieldName": "value"}`,
			{ itemIndex },
		);
	return value;
}

export interface MergeRules {
	/**
	 * Top-level keys the extra fields may not set, because the node owns them (an ID in the path, a
	 * key the node matches on); each is named in the error.
	 */
	reserved?: string[];
}

/**
 * Merges the extra fields into the body the node built, without overriding anything silently:
 * objects on both sides are merged key by key; a value (text, number, list, null) that the node
 * already sets, or a reserved key, stops the item naming the path. Returns a new body.
 */
export function mergeExtraBodyFields(
	ctx: IExecuteFunctions,
	body: IDataObject,
	extra: IDataObject,
	itemIndex: number,
	rules: MergeRules = {},
): IDataObject {
	const fail = (message: string) =>
		new NodeOperationError(ctx.getNode(), `${LABEL} (item ${itemIndex}): ${message}`, {
			itemIndex,
		});
	for (const key of rules.reserved ?? [])
		if (key in extra) throw fail(`"${key}" is set by the node itself and cannot be given here`);

	// The values obey the rules of the node's own fields: single-line text, bounded numbers.
	const scan = (value: unknown, path: string): void => {
		if (Array.isArray(value)) value.forEach((entry, i) => scan(entry, `${path}[${i}]`));
		else if (isPlainObject(value))
			for (const [key, inner] of Object.entries(value)) {
				const at = path ? `${path}.${key}` : key;
				if (UNSAFE_KEYS.has(key) || key.trim() === '' || unsafeCharacter(key))
					throw fail(`"${at.slice(0, 80)}" is not an allowed field name`);
				scan(inner, at);
			}
		else if (typeof value === 'string') {
			const found = unsafeCharacter(value);
			if (found)
				throw fail(
					`"${path}" must not contain control or bidirectional formatting characters (found ${found})`,
				);
		} else if (
			typeof value === 'number' &&
			!(Number.isFinite(value) && Math.abs(value) < MAX_AMOUNT)
		)
			throw fail(`"${path}" must be a number less than 1e12 (1,000,000,000,000) in size`);
	};
	scan(extra, '');

	const merge = (target: IDataObject, source: IDataObject, path: string): IDataObject => {
		const out: IDataObject = { ...target };
		for (const [key, value] of Object.entries(source)) {
			const at = path ? `${path}.${key}` : key;
			if (!(key in out) || out[key] === undefined) {
				out[key] = value as IDataObject[string];
			} else if (isPlainObject(out[key]) && isPlainObject(value)) {
				out[key] = merge(out[key] as IDataObject, value, at);
			} else {
				throw fail(`"${at}" is also set by a field of the node; set it in one place only`);
			}
		}
		return out;
	};
	return merge(body, extra, '');
}
