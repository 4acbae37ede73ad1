import { z } from 'zod/v3';

import type { FieldSpec } from './fieldSpecs';
import { booleanValue, int32Id, text, uuid } from './validation';

/**
 * The kinds of field value and their checks: each kind is a zod schema that converts what the
 * editor or an expression gives into what the APIs take, or names the problem.
 */
export type FieldKind =
	| 'string'
	| 'email'
	| 'uuid'
	| 'intId'
	| 'int'
	| 'number'
	| 'percent'
	| 'boolean'
	| 'dateTime'
	| 'language'
	| 'country'
	/** One of the spec's named `choices`; an expression may give the value itself. */
	| 'choice';

/** Numbers that arrive as text from expressions are converted; anything else is left for zod. */
export const toNumber = (value: unknown) =>
	typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
		? Number(value)
		: value;

/** A date alone, or a date and time with an optional offset: what the editor and expressions give. */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date and time as a full ISO 8601 date-time in UTC (`2026-03-01T00:00:00.000Z`), the `date-time`
 * format the vendors' specs require. The editor's date picker gives no offset (`1980-05-01T00:00:00`);
 * such a value is taken as UTC, not as the server's local time, so the same workflow sends the same
 * instant on every n8n. Undefined when the text is no date.
 */
export function toIsoDateTime(value: string): string | undefined {
	const match = DATE_TIME.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', offset] =
		match;
	const zone = offset ? (offset.toUpperCase() === 'Z' ? 'Z' : offset) : 'Z';
	const ms = Date.parse(
		`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone}`,
	);
	if (Number.isNaN(ms)) return undefined;
	// Date.parse rolls 2026-02-30 over to March; a calendar date that does not exist is refused.
	const date = new Date(Date.parse(`${year}-${month}-${day}T00:00:00Z`));
	if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) return undefined;
	return new Date(ms).toISOString();
}

/**
 * Amounts are decimals in the vendors' APIs (JTL: `decimal`); no price or limit in a customer
 * master record comes near a trillion, while 1e308 would overflow the vendor's decimal type.
 */
export const MAX_AMOUNT = 1e12;

/** A finite number from `min` up to, not including, {@link MAX_AMOUNT}. */
export function boundedNumber(min: number) {
	return z
		.number({ invalid_type_error: 'must be a number' })
		.finite('must be a number')
		.gte(min, `must be ${min === 0 ? 0 : min.toExponential()} or greater`)
		.lt(MAX_AMOUNT, 'must be less than 1e12 (1,000,000,000,000)');
}

const SCHEMAS: Record<Exclude<FieldKind, 'choice'>, z.ZodTypeAny> = {
	string: text(255),
	email: z
		.string({ invalid_type_error: 'must be an email address' })
		.max(255, 'must be at most 255 characters')
		.trim()
		.email('must be an email address'),
	uuid,
	intId: int32Id,
	int: z.preprocess(
		toNumber,
		z
			.number({ invalid_type_error: 'must be a whole number' })
			.int('must be a whole number')
			.min(0, 'must be 0 or greater')
			.max(2_147_483_647, 'must fit a 32-bit integer'),
	),
	number: z.preprocess(toNumber, boundedNumber(-MAX_AMOUNT)),
	percent: z.preprocess(
		toNumber,
		z
			.number({ invalid_type_error: 'must be a number' })
			.min(0, 'must be between 0 and 100')
			.max(100, 'must be between 0 and 100'),
	),
	boolean: booleanValue,
	dateTime: z
		.string({ invalid_type_error: 'must be a date and time' })
		.max(64, 'must be a date and time such as 2026-03-01T00:00:00Z')
		.transform(toIsoDateTime)
		.refine(
			(v): v is string => v !== undefined,
			'must be a date and time such as 2026-03-01T00:00:00Z',
		),
	language: z
		.string({ invalid_type_error: 'must be a language code' })
		.trim()
		.regex(/^[a-zA-Z]{2}$/, 'must be a two-letter ISO 639-1 language code such as de'),
	country: z
		.string({ invalid_type_error: 'must be a country code' })
		.trim()
		.regex(/^[a-zA-Z]{2}$/, 'must be a two-letter ISO 3166 country code such as DE')
		.transform((v) => v.toUpperCase()),
};

/** A choice field takes one of its values; numbers may arrive as text from an expression. */
function choiceSchema(spec: FieldSpec): z.ZodTypeAny {
	const choices = spec.choices ?? [];
	const allowed = choices.map((c) => `${c.name} (${JSON.stringify(c.value)})`).join(', ');
	return z
		.any()
		.superRefine((value, issue) => {
			if (
				!choices.some(
					(c) => c.value === value || (typeof c.value === 'number' && c.value === toNumber(value)),
				)
			)
				issue.addIssue({
					code: z.ZodIssueCode.custom,
					message:
						value === '' || value === undefined
							? `is required: choose one of ${allowed}`
							: `must be one of ${allowed}`,
				});
		})
		.transform(
			(value) => choices.find((c) => c.value === value || c.value === toNumber(value))!.value,
		);
}

/** The validation schema of one field. */
export function schemaFor(spec: FieldSpec): z.ZodTypeAny {
	return spec.kind === 'choice' ? choiceSchema(spec) : SCHEMAS[spec.kind];
}

/** The validation schema of a field kind. */
export function schemaOf(kind: Exclude<FieldKind, 'choice'>): z.ZodTypeAny {
	return SCHEMAS[kind];
}
