import { randomUUID } from 'crypto';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import { locatorValue } from '../../shared/parameters';
import { text, validateField } from '../../shared/validation';
import { FLOW_UID_PATTERN, FLOW_UID_REGEX } from '../transport';

/** A Flow Retail UID: letters, digits, - and _, as every path of the API requires. */
export const uidSchema = text(128)
	.transform((v) => v.trim())
	.refine((v) => v !== '', 'is required')
	.refine(
		(v) => FLOW_UID_PATTERN.test(v),
		'must be a Flow Retail UID: only letters, digits, - and _',
	);

/** An optional UID: empty means "none given". */
export const optionalUidSchema = z.union([z.literal(''), uidSchema]);

/** Reads a UID parameter (plain or resource locator) and checks it before it goes into a path. */
export function readUid(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	return validateField(ctx, uidSchema, locatorValue(ctx, name, itemIndex), label, itemIndex);
}

/** A UID the node makes for a create, so that a retried create can never make a second record. */
export function newUid(): string {
	return `n8n-${randomUUID()}`;
}

/** A plain UID field with the editor's pattern check. */
export function uidProperty(
	displayName: string,
	name: string,
	description: string,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f2a-91c',
		description,
		...overrides,
	};
}

/** The optional UID field of a create. */
export const clientUidProperty = (record: string): INodeProperties => ({
	displayName: 'UID',
	name: 'clientUid',
	type: 'string',
	default: '',
	placeholder: 'Generated when empty',
	description: `The UID of the new ${record}: letters, digits, - and _. Left empty, the node makes one, so a create whose answer was lost can be retried without making a second ${record}.`,
});

/** Reads the UID field: the user's, checked, or a new one. */
export function readClientUid(ctx: IExecuteFunctions, itemIndex: number): string {
	const given = validateField(
		ctx,
		optionalUidSchema,
		ctx.getNodeParameter('clientUid', itemIndex, ''),
		'UID',
		itemIndex,
	);
	return given || newUid();
}

export { FLOW_UID_REGEX };
