import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { z } from 'zod/v3';

import { booleanValue, collectionValue, int32Id, text, uuid, validateField } from './validation';

/**
 * One place per field: its API name, its label, its editor type and its validation. The editor
 * fields and the pre-request checks are both generated from these lists.
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

export interface FieldSpec {
	name: string;
	displayName: string;
	kind: FieldKind;
	description: string;
	/** Shown under a choice field, where the eye is: what each choice means. */
	hint?: string;
	placeholder?: string;
	/** A dropdown loaded from the API (methods/loadOptions.ts); expressions may still give an ID. */
	loadOptionsMethod?: string;
	/** The named values of a `choice` field, shown as a fixed dropdown. */
	choices?: Array<INodePropertyOptions & { value: string | number }>;
}

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

function propertyType(kind: FieldKind): INodeProperties['type'] {
	switch (kind) {
		case 'choice':
			return 'options';
		case 'int':
		case 'number':
		case 'percent':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'dateTime':
			return 'dateTime';
		default:
			return 'string';
	}
}

function defaultFor(kind: FieldKind): string | number | boolean {
	const type = propertyType(kind);
	if (type === 'number') return 0;
	if (type === 'boolean') return false;
	return '';
}

/** Editor fields of a collection, sorted by label as n8n's linter expects. */
export function toProperties(specs: FieldSpec[]): INodeProperties[] {
	return [...specs]
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map((spec) => {
			if (spec.loadOptionsMethod) return dropdown(spec);
			if (spec.kind === 'choice') return choiceProperty(spec);
			const property: INodeProperties = {
				displayName: spec.displayName,
				name: spec.name,
				type: propertyType(spec.kind),
				default: defaultFor(spec.kind),
				description: spec.description,
			};
			if (spec.placeholder) property.placeholder = spec.placeholder;
			if (spec.kind === 'email') property.placeholder = 'name@email.com';
			if (spec.kind === 'int') property.typeOptions = { minValue: 0, numberPrecision: 0 };
			if (spec.kind === 'percent') property.typeOptions = { minValue: 0, maxValue: 100 };
			return property;
		});
}

/** The label the editor shows for a field. */
export function labelOf(spec: FieldSpec): string {
	return spec.loadOptionsMethod
		? `${spec.displayName.replace(/ ID$/, '')} Name or ID`
		: spec.displayName;
}

function dropdown(spec: FieldSpec): INodeProperties {
	return {
		displayName: labelOf(spec),
		name: spec.name,
		type: 'options',
		typeOptions: { loadOptionsMethod: spec.loadOptionsMethod },
		default: '',
		description: `${spec.description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** A fixed dropdown with no value picked until the user picks one. */
function choiceProperty(spec: FieldSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'options',
		options: spec.choices ?? [],
		default: '',
		description: spec.description,
		...(spec.hint ? { hint: spec.hint } : {}),
	};
}

/** The editor field of one spec, e.g. for a required top-level parameter. */
export function toProperty(
	spec: FieldSpec,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return { ...toProperties([spec])[0], ...overrides };
}

/** The validation schema of a field kind. */
export function schemaOf(kind: Exclude<FieldKind, 'choice'>): z.ZodTypeAny {
	return SCHEMAS[kind];
}

/**
 * Validates the keys present in `values` against their specs and returns them converted. Keys
 * without a spec are rejected, so a typo in an expression-built collection never reaches the API.
 */
export function validateCollection(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	values: IDataObject,
	labelPrefix: string,
	itemIndex: number,
): IDataObject {
	const byName = new Map(specs.map((s) => [s.name, s]));
	const out: IDataObject = {};
	const collection = collectionValue(ctx, values, labelPrefix.replace(/ > $/, ''), itemIndex);
	for (const [key, value] of Object.entries(collection)) {
		const spec = byName.get(key);
		const label = spec ? `${labelPrefix}${labelOf(spec)}` : `${labelPrefix}${key}`;
		if (!spec) {
			validateField(
				ctx,
				z.never({ invalid_type_error: 'is not a known field' }),
				value,
				label,
				itemIndex,
			);
			continue;
		}
		out[key] = validateField(ctx, schemaFor(spec), value, label, itemIndex) as IDataObject[string];
	}
	return out;
}

/** Reads one top-level parameter described by `spec` and validates it. */
export function readField(
	ctx: IExecuteFunctions,
	spec: FieldSpec,
	parameter: string,
	itemIndex: number,
): unknown {
	return validateField(
		ctx,
		schemaFor(spec),
		ctx.getNodeParameter(parameter, itemIndex),
		labelOf(spec),
		itemIndex,
	);
}

/** Reads a collection parameter and validates each key it holds against `specs`. */
export function readCollection(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	parameter: string,
	labelPrefix: string,
	itemIndex: number,
): IDataObject {
	const values = ctx.getNodeParameter(parameter, itemIndex, {});
	return validateCollection(ctx, specs, values as IDataObject, labelPrefix, itemIndex);
}
