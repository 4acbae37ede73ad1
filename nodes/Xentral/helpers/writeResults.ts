import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readCollectionParameter } from '../../shared/parameters';
import { booleanValue, validateField } from '../../shared/validation';

/**
 * Return Full Record of the write operations. Xentral answers a v1/v2 create with 201 and a
 * Location header and a PATCH with 204, neither with the record: by default a write's output is
 * what the write itself establishes (the ID plus the fields sent), and this option reads the record
 * back, one more request per item against the instance's 100 requests a minute.
 * `lacks` names what the default output cannot show for this operation.
 */
export function returnFullRecordOption(lacks: string): INodeProperties {
	return {
		displayName: 'Return Full Record',
		name: 'returnFullRecord',
		type: 'boolean',
		default: false,
		description: `Whether to read the record back after the write and return it whole. That costs one more request per written item (Xentral allows 100 a minute). Off: the output is the ID and the fields sent, as Xentral's answer carries no record; ${lacks}.`,
	};
}

/** Reads Options > Return Full Record (off when the Options collection does not hold it). */
export function readReturnFullRecord(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const options = readCollectionParameter(ctx, 'options', 'Options', itemIndex);
	if (options.returnFullRecord === undefined) return false;
	return validateField(
		ctx,
		booleanValue,
		options.returnFullRecord,
		'Options > Return Full Record',
		itemIndex,
	);
}

/**
 * What a write establishes without a read: the ID (first, as in Xentral's records), then the
 * fields sent, under Xentral's names, over what was known before (`known`, such as the record a
 * lookup found: nested objects merged, so a PATCH of `contactDetails.phone` keeps the e-mail).
 */
export function written(id: string, body: IDataObject, known: IDataObject = {}): IDataObject {
	const out: IDataObject = { id };
	Object.assign(out, mergeDeep(structuredClone(known), body));
	out.id = id;
	return out;
}

function mergeDeep(target: IDataObject, patch: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(patch)) {
		const before = target[key];
		if (
			value &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			before &&
			typeof before === 'object' &&
			!Array.isArray(before)
		)
			target[key] = mergeDeep({ ...(before as IDataObject) }, value as IDataObject);
		else target[key] = structuredClone(value);
	}
	return target;
}
