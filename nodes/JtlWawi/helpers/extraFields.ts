import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	extraBodyFieldsProperty,
	mergeExtraBodyFields,
	readExtraBodyFields,
} from '../../shared/extraBodyFields';
import type { MergeRules } from '../../shared/extraBodyFields';

/**
 * JTL-Wawi's "Extra Body Fields": vendor fields the node does not list, merged into the body an
 * operation sends, under the names of the API that operation uses: REST v1 PascalCase (customer
 * create, Create or Update, contacts) or REST v2 camelCase (customer update command, addresses).
 */
export function jtlExtraBodyFieldsProperty(api: 'v1' | 'v2', hint: string): INodeProperties {
	return {
		...extraBodyFieldsProperty(api === 'v1' ? 'JTL-Wawi REST v1' : 'JTL-Wawi REST v2'),
		hint,
	};
}

const LABEL = 'Extra Body Fields';
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
/** JTL's text fields take at most 255 characters (CreateAddress.City, CustomerGroup.Name, …). */
const MAX_TEXT = 255;

/**
 * JTL's own rules for the extra fields, beyond the shared ones (single-line text and bounded
 * numbers, checked by the merge): field names as JTL spells them (letters, digits, underscore) and
 * text of at most 255 characters. A value that fails stops the item, naming its path.
 */
function checkValues(ctx: IExecuteFunctions, value: unknown, path: string, itemIndex: number) {
	const fail = (message: string) =>
		new NodeOperationError(ctx.getNode(), `${LABEL} (item ${itemIndex}): ${message}`, {
			itemIndex,
		});
	if (typeof value === 'string' && value.length > MAX_TEXT) {
		throw fail(`"${path}" must be at most ${MAX_TEXT} characters`);
	} else if (Array.isArray(value)) {
		value.forEach((entry, i) => checkValues(ctx, entry, `${path}[${i}]`, itemIndex));
	} else if (value && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) {
			const at = path ? `${path}.${key}` : key;
			if (!FIELD_NAME.test(key))
				throw fail(`"${at.slice(0, 100)}" is not a field name JTL uses (letters, digits and _)`);
			checkValues(ctx, inner, at, itemIndex);
		}
	}
}

/** The item's Extra Body Fields, checked (an empty object when none). */
export function readJtlExtraBodyFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const extra = readExtraBodyFields(ctx, itemIndex);
	checkValues(ctx, extra, '', itemIndex);
	return extra;
}

/** The body with the item's Extra Body Fields merged in (see nodes/shared/extraBodyFields.ts). */
export function withExtraBodyFields(
	ctx: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	rules: MergeRules = {},
	extra: IDataObject = readJtlExtraBodyFields(ctx, itemIndex),
): IDataObject {
	return Object.keys(extra).length
		? mergeExtraBodyFields(ctx, body, extra, itemIndex, rules)
		: body;
}
