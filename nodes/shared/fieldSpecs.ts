import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import type { FieldKind } from './fieldKinds';
import { schemaFor } from './fieldKinds';
import { labelOf, toProperties } from './fieldProperties';
import { collectionValue, validateField } from './validation';

export type { FieldKind } from './fieldKinds';
export {
	boundedNumber,
	MAX_AMOUNT,
	schemaFor,
	schemaOf,
	toIsoDateTime,
	toNumber,
} from './fieldKinds';
export { labelOf, toProperties, toProperty } from './fieldProperties';

/** Writes a checked value into a request body, for the rare field that has no single place. */
export type BodyWriter = (body: IDataObject, value: unknown) => void;

/**
 * One field, in one entry: its editor label and type, its check, and its place in the request
 * body. The editor property ({@link toProperties}), the pre-request check
 * ({@link validateCollection}) and the body ({@link bodyOf}) are all derived from it, so adding a
 * documented field is one entry in one table.
 */
export interface FieldSpec {
	/** The editor parameter's name (saved workflows depend on it, so it never changes). */
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
	/**
	 * Where the value goes in the request body: a dotted path (`contactDetails.email` puts it at
	 * body.contactDetails.email, creating the objects on the way), or a {@link BodyWriter}.
	 * Without it, the field's `name` at the top level.
	 */
	body?: string | BodyWriter;
	/** Converts the checked value just before it is placed, e.g. a date-time to the date alone. */
	send?: (value: unknown) => unknown;
	/**
	 * A check beyond the kind, run before any request on the value the kind gave: a function that
	 * returns the problem (`must be …`) or undefined, or a zod schema whose output is sent.
	 */
	check?: ((value: unknown) => string | undefined) | z.ZodTypeAny;
}

/** One spec in one line: `field('email', 'Email', 'email', 'The e-mail address', { body: … })`. */
export function field(
	name: string,
	displayName: string,
	kind: FieldKind,
	description: string,
	more: Partial<FieldSpec> = {},
): FieldSpec {
	return { name, displayName, kind, description, ...more };
}

/** The body path of a spec: its `body` path, or its name. Undefined for a {@link BodyWriter}. */
export function bodyPathOf(spec: FieldSpec): string | undefined {
	if (typeof spec.body === 'function') return undefined;
	return spec.body ?? spec.name;
}

/**
 * The specs of one object of the body: each spec's path (or name) is taken inside `object`, so
 * `within('financials.tax', [field('vatId', …)])` places the VAT ID at financials.tax.vatId.
 */
export function within(object: string, specs: FieldSpec[]): FieldSpec[] {
	return specs.map((spec) =>
		typeof spec.body === 'function' ? spec : { ...spec, body: `${object}.${bodyPathOf(spec)}` },
	);
}

/** Sets `value` at a dotted path of `body`, creating the objects on the way. */
export function setPath(body: IDataObject, path: string, value: unknown): void {
	const parts = path.split('.');
	let node = body;
	for (const part of parts.slice(0, -1)) {
		if (!node[part] || typeof node[part] !== 'object') node[part] = {};
		node = node[part] as IDataObject;
	}
	node[parts[parts.length - 1]] = value as IDataObject[string];
}

/**
 * The request body of checked fields (as {@link validateCollection} returns them): each value
 * converted by its spec's `send` and placed at its spec's body place. Keys without a spec and
 * undefined values are left out.
 */
export function bodyOf(specs: FieldSpec[], fields: IDataObject): IDataObject {
	const byName = new Map(specs.map((s) => [s.name, s]));
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		const spec = byName.get(name);
		if (!spec || value === undefined) continue;
		const sent = spec.send ? spec.send(value) : value;
		if (typeof spec.body === 'function') spec.body(body, sent);
		else setPath(body, bodyPathOf(spec)!, sent);
	}
	return body;
}

/**
 * Runs each present field's `check` (the checks beyond its kind) on the checked values, and
 * stops at the first problem with an error naming the field and the item. Returns the values,
 * converted by the checks that are zod schemas.
 */
export function checkFields(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	fields: IDataObject,
	labelPrefix: string,
	itemIndex: number,
): IDataObject {
	const byName = new Map(specs.map((s) => [s.name, s]));
	const out: IDataObject = { ...fields };
	for (const [name, value] of Object.entries(fields)) {
		const spec = byName.get(name);
		if (!spec?.check) continue;
		const label = `${labelPrefix}${labelOf(spec)}`;
		if (spec.check instanceof z.ZodType) {
			out[name] = validateField(ctx, spec.check, value, label, itemIndex) as IDataObject[string];
			continue;
		}
		const problem = spec.check(value);
		if (problem)
			throw new NodeOperationError(ctx.getNode(), `${label} (item ${itemIndex}) ${problem}`, {
				itemIndex,
			});
	}
	return out;
}

/**
 * Validates the keys present in `values` against their specs and returns them converted: first
 * each by its kind, then each by its `check`. Keys without a spec are rejected, so a typo in an
 * expression-built collection never reaches the API.
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
	return checkFields(ctx, specs, out, labelPrefix, itemIndex);
}

/** Reads one top-level parameter described by `spec` and validates it (kind, then check). */
export function readField(
	ctx: IExecuteFunctions,
	spec: FieldSpec,
	parameter: string,
	itemIndex: number,
): unknown {
	const value = validateField(
		ctx,
		schemaFor(spec),
		ctx.getNodeParameter(parameter, itemIndex),
		labelOf(spec),
		itemIndex,
	);
	const fields = { [spec.name]: value as IDataObject[string] };
	return checkFields(ctx, [spec], fields, '', itemIndex)[spec.name];
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

/** A collection validated and placed as its request body: {@link validateCollection}, {@link bodyOf}. */
export function readBody(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	values: IDataObject,
	labelPrefix: string,
	itemIndex: number,
): IDataObject {
	return bodyOf(specs, validateCollection(ctx, specs, values, labelPrefix, itemIndex));
}

/** The editor property of a collection parameter (Additional Fields, Update Fields) of `specs`. */
export function collectionProperty(
	displayName: string,
	name: string,
	specs: FieldSpec[],
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: toProperties(specs),
		...overrides,
	};
}
