import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldKind, FieldSpec } from '../../shared/fieldSpecs';
import { readBody } from '../../shared/fieldSpecs';

/** JTL-Wawi's two REST APIs: v1 (PascalCase, whole-number IDs) and v2 (camelCase, UUIDs). */
export type JtlApi = 'v1' | 'v2';

/** A value that is the same for both APIs, or one value per API. */
export type PerApi<T> = T | Record<JtlApi, T>;

/**
 * One field of a JTL record in both APIs, in one entry: `v1` and `v2` are its property names (its
 * place in each API's body); a field that exists in one API only has only that name. The editor parameter is called like the property
 * of the operation's API, unless `param` names it (saved workflows depend on these names, so they
 * never change). Kind, description, placeholder and dropdown may differ per API (an ID is a whole
 * number in v1 and a UUID in v2).
 */
export interface CatalogField {
	v1?: string;
	v2?: string;
	param?: Partial<Record<JtlApi, string>>;
	displayName: string;
	kind: PerApi<FieldKind>;
	description: PerApi<string>;
	placeholder?: PerApi<string>;
	/** A dropdown loaded from the API (methods/loadOptions.ts). */
	loadOptionsMethod?: PerApi<string>;
	/** The named values of a `choice` field. */
	choices?: FieldSpec['choices'];
	hint?: string;
}

function pick<T extends string>(value: PerApi<T>, api: JtlApi): T;
function pick<T extends string>(value: PerApi<T> | undefined, api: JtlApi): T | undefined;
function pick<T extends string>(value: PerApi<T> | undefined, api: JtlApi): T | undefined {
	return typeof value === 'object' ? value[api] : value;
}

function specOfEntry(field: CatalogField, api: JtlApi): FieldSpec {
	const spec: FieldSpec = {
		name: field.param?.[api] ?? field[api]!,
		displayName: field.displayName,
		kind: pick(field.kind, api),
		description: pick(field.description, api),
		body: field[api],
	};
	const placeholder = pick(field.placeholder, api);
	if (placeholder) spec.placeholder = placeholder;
	const loadOptionsMethod = pick(field.loadOptionsMethod, api);
	if (loadOptionsMethod) spec.loadOptionsMethod = loadOptionsMethod;
	if (field.choices) spec.choices = field.choices;
	if (field.hint) spec.hint = field.hint;
	return spec;
}

/**
 * The fields that `api` has, as field specs named by their editor parameter and placed in the
 * body under that API's property name.
 */
export function specsFor(catalog: CatalogField[], api: JtlApi): FieldSpec[] {
	return catalog.filter((field) => field[api] !== undefined).map((f) => specOfEntry(f, api));
}

/** The spec of one field, found by its property name in `api`. */
export function specOf(catalog: CatalogField[], api: JtlApi, apiName: string): FieldSpec {
	const field = catalog.find((f) => f[api] === apiName);
	if (!field) throw new Error(`No ${api} field ${apiName} in the catalogue`);
	return specOfEntry(field, api);
}

/**
 * Validates a collection of editor values against the fields `api` has (unknown keys are
 * refused) and returns them under that API's property names, ready to send.
 */
export function validateFields(
	ctx: IExecuteFunctions,
	catalog: CatalogField[],
	api: JtlApi,
	values: IDataObject,
	labelPrefix: string,
	itemIndex: number,
): IDataObject {
	return readBody(ctx, specsFor(catalog, api), values, labelPrefix, itemIndex);
}

/** Reads a collection parameter and validates it like {@link validateFields}. */
export function readFields(
	ctx: IExecuteFunctions,
	catalog: CatalogField[],
	api: JtlApi,
	parameter: string,
	labelPrefix: string,
	itemIndex: number,
): IDataObject {
	const values = ctx.getNodeParameter(parameter, itemIndex, {}) as IDataObject;
	return validateFields(ctx, catalog, api, values, labelPrefix, itemIndex);
}
