import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
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
	const shown = value === undefined || value === '' ? 'empty' : JSON.stringify(value);
	throw new NodeOperationError(ctx.getNode(), `${fieldLabel} (item ${itemIndex}) ${issues[0]}`, {
		itemIndex,
		// Each issue reads as the second half of "<field> <issue>", so the sentence names the field.
		description: `The value given for "${fieldLabel}" was ${shown}. ${fieldLabel} ${issues.join('; ')}.`,
	});
}
