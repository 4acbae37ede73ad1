import type {
	INode,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

type Ctx = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export const int32 = z
	.number({ invalid_type_error: 'must be a whole number' })
	.int('must be a whole number')
	.min(1, 'must be 1 or greater')
	.max(2_147_483_647, 'must fit a 32-bit integer');

/** Accepts numbers and digit strings (what the editor produces) and returns a positive int32. */
export const int32Id = z.preprocess((value) => {
	if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value.trim());
	return value;
}, int32);

/** The package's one UUID pattern (any version, either case). */
export const UUID_PATTERN =
	/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** The same pattern as text, for the editor's regex validation of a resource locator. */
export const UUID_REGEX = UUID_PATTERN.source;

export const uuid = z
	.string({ invalid_type_error: 'must be a UUID' })
	.trim()
	.regex(UUID_PATTERN, 'must be a UUID such as b45f6432-2462-4c6f-b00f-1d9d01000000');

export const INT_ID_REGEX = '^[1-9][0-9]{0,9}$';

/**
 * Characters no single-line ERP field may hold: C0 controls (NUL, tab, CR, LF, ...), DEL, C1
 * controls, line and paragraph separators, the byte-order mark, and the bidirectional controls that
 * can make text display differently from what is stored (U+061C, U+200E/F, U+202A-E, U+2066-9).
 * Zero-width joiners (U+200C/D) stay allowed: scripts and emoji need them.
 */
const isUnsafe = (code: number) =>
	code <= 0x1f ||
	(code >= 0x7f && code <= 0x9f) ||
	code === 0x061c ||
	code === 0x200e ||
	code === 0x200f ||
	(code >= 0x2028 && code <= 0x202e) ||
	(code >= 0x2066 && code <= 0x2069) ||
	code === 0xfeff;

/** The first unsafe character of `text`, e.g. `U+202E at position 3`, or undefined. */
export function unsafeCharacter(text: string): string | undefined {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (isUnsafe(code))
			return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${index + 1}`;
	}
	return undefined;
}

/** Single-line text of at most `max` characters, without control or bidi characters. */
export function text(max = 255) {
	return z
		.string({ invalid_type_error: 'must be text' })
		.max(max, `must be at most ${max} characters`)
		.superRefine((value, issue) => {
			const found = value.length <= max ? unsafeCharacter(value) : undefined;
			if (found)
				issue.addIssue({
					code: z.ZodIssueCode.custom,
					message: `must not contain control or bidirectional formatting characters (found ${found})`,
				});
		});
}

/** A value as the error shows it: JSON, cut to 100 characters so a huge value cannot flood the log. */
function shownValue(value: unknown): string {
	let json: string;
	try {
		json = JSON.stringify(value) ?? String(value);
	} catch {
		json = Object.prototype.toString.call(value);
	}
	return json.length > 100 ? `${json.slice(0, 100)}… (${json.length} characters)` : json;
}

function describeIssue(issue: z.ZodIssue): string {
	const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
	return `${issue.message}${where}`;
}

/**
 * Validates one parameter value before anything is sent. Throws a NodeOperationError that names
 * the field as the editor shows it and the item, e.g. `Customer ID (item 2) must be a UUID`.
 */
export function validateField<S extends z.ZodTypeAny>(
	ctx: Ctx,
	schema: S,
	value: unknown,
	fieldLabel: string,
	itemIndex: number,
): z.output<S> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const issues = result.error.issues.map(describeIssue);
	const shown = value === undefined || value === '' ? 'empty' : shownValue(value);
	throw new NodeOperationError(ctx.getNode(), `${fieldLabel} (item ${itemIndex}) ${issues[0]}`, {
		itemIndex,
		// Each issue reads as the second half of "<field> <issue>", so the sentence names the field.
		description: `The value given for "${fieldLabel}" was ${shown}. ${fieldLabel} ${issues.join('; ')}.`,
	});
}

const collection = z.record(z.unknown(), {
	invalid_type_error: 'must be a collection of fields (an object)',
});

/**
 * A collection parameter (Update Fields, Filters, ...) as an object. Nothing given is empty; an
 * array, text or number from an expression is refused naming the collection.
 */
export function collectionValue(
	ctx: Ctx,
	value: unknown,
	fieldLabel: string,
	itemIndex: number,
): IDataObject {
	if (value === undefined || value === null) return {};
	return validateField(ctx, collection, value, fieldLabel, itemIndex) as IDataObject;
}

/** A switch: true or false, nothing else. */
export const booleanValue = z.boolean({ invalid_type_error: 'must be true or false' });

/** A value left empty: nothing, null, or text of blanks only. */
export const isBlank = (value: unknown): boolean =>
	value === undefined || value === null || String(value).trim() === '';

/**
 * Stops an item whose required value is blank, before any request: `<Field> (item N) is required`,
 * or what `says` says instead (`is required for a person customer`, `must not be empty`).
 */
export function requireValue(
	ctx: { getNode(): INode },
	value: unknown,
	fieldLabel: string,
	itemIndex: number,
	{ says = 'is required', description }: { says?: string; description?: string } = {},
): void {
	if (!isBlank(value)) return;
	throw new NodeOperationError(ctx.getNode(), `${fieldLabel} (item ${itemIndex}) ${says}`, {
		itemIndex,
		...(description ? { description } : {}),
	});
}

/**
 * How a system words a write that would send nothing: the collection that is empty and what its
 * fields are for (`Update Fields (item 0) is empty: add at least one field to change`), or the
 * operation and where to add fields (`Nothing to update (item 0): add at least one field under
 * Update Fields or Extra Body Fields`).
 */
export type NothingToSend =
	| { collection: string; purpose: 'change' | 'send' }
	| { nothingTo: 'create' | 'update'; under: string; field?: string };

/**
 * Stops an item whose write would send nothing, before any request. `parts` are what the write
 * sends (bodies, extra body fields, single values): empty when each is undefined or an object
 * without fields.
 */
export function requireSomethingToSend(
	ctx: { getNode(): INode },
	parts: unknown[],
	itemIndex: number,
	wording: NothingToSend,
	description?: string,
): void {
	const given = parts.some(
		(part) => part !== undefined && (typeof part !== 'object' || Object.keys(part ?? {}).length > 0),
	);
	if (given) return;
	const message =
		'collection' in wording
			? `${wording.collection} (item ${itemIndex}) is empty: add at least one field to ${wording.purpose}`
			: `Nothing to ${wording.nothingTo} (item ${itemIndex}): add at least one ${wording.field ?? 'field'} under ${wording.under}`;
	throw new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		...(description ? { description } : {}),
	});
}
