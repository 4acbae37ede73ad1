// Body schemas with zod: scalar types that carry the sandbox's field messages, strict objects (an
// unknown field is refused, as the vendors do), and `checkBody`, which turns zod issues into a
// field-error map (field path like 'addresses[0].city' => message) for the vendor's error body.
import { z } from 'zod/v3';

import { INT32_MAX, INT32_MIN, parseDate, UUID_RE } from './values.mjs';

export { z };

/** Messages for what every schema shares; `checkBody(..., messages)` can override them. */
export const MESSAGES = Object.freeze({
	unknown: 'Unknown field.',
	required: 'The field is required.',
	notNull: 'The field must not be null.',
	object: 'Expected a JSON object.',
	array: 'Expected an array.',
	root: 'body',
});

const typed = (schema, message) => schema({ invalid_type_error: message });

function int32() {
	const message = 'Expected an integer (int32).';
	return typed(z.number, message).int(message).min(INT32_MIN, message).max(INT32_MAX, message);
}

function stringMatching(test, message) {
	return typed(z.string, message).refine(test, message);
}

/** Scalar field types by name; each call returns a fresh zod schema (chain .max(), .nullish() ...). */
export const t = {
	string: () => typed(z.string, 'Expected a string.'),
	int32,
	number: () => typed(z.number, 'Expected a number.').finite('Expected a number.'),
	boolean: () => typed(z.boolean, 'Expected a boolean (true or false).'),
	uuid: () => typed(z.string, 'Expected a UUID string.').regex(UUID_RE, 'Expected a UUID string.'),
	iso2: () =>
		stringMatching((v) => /^[a-z]{2}$/i.test(v), 'Expected a two-letter ISO 639-1 language code.'),
	datetime: () =>
		stringMatching((v) => parseDate(v) !== undefined, 'Expected an ISO 8601 date-time string.'),
};

/** A JSON object that refuses unknown fields. */
export const object = (shape) => z.object(shape, { invalid_type_error: MESSAGES.object }).strict();

export const array = (items) => z.array(items, { invalid_type_error: MESSAGES.array });

/** Optional field; `null` allowed unless nullable is false. */
export const optional = (schema, nullable = true) =>
	nullable ? schema.nullish() : schema.optional();

export const atMost = (n) => `At most ${n} characters.`;
export const atLeastValue = (n) => `Must be >= ${n}.`;
export const atMostValue = (n) => `Must be <= ${n}.`;
export const oneOf = (values) => `Must be one of ${values.join(', ')}.`;

/** 'addresses', 0, 'city' => 'addresses[0].city' */
export function fieldPath(path) {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${part}` : part;
	}
	return out;
}

/** One entry per field: an unknown key becomes its own entry at parent path + key. */
function entriesOf(issues, messages) {
	const entries = [];
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys)
				entries.push({ path: [...issue.path, key], unknown: true, message: messages.unknown });
		} else if (issue.code === 'invalid_type' && issue.received === 'undefined') {
			entries.push({ path: issue.path, message: messages.required });
		} else if (issue.code === 'invalid_type' && issue.received === 'null' && issue.path.length) {
			entries.push({ path: issue.path, message: messages.notNull });
		} else {
			entries.push({ path: issue.path, message: issue.message });
		}
	}
	return entries;
}

/**
 * zod lists an object's unknown keys after its fields; report them first at each level (the
 * sandboxes always have), keeping the schema order of the fields.
 */
function unknownFirst(entries, depth = 0) {
	const here = entries.filter((e) => e.path.length <= depth);
	const unknown = entries.filter((e) => e.unknown && e.path.length === depth + 1);
	const groups = new Map();
	for (const e of entries) {
		if (e.path.length <= depth || (e.unknown && e.path.length === depth + 1)) continue;
		const key = e.path[depth];
		if (!groups.has(key)) groups.set(key, []);
		groups.get(key).push(e);
	}
	const nested = [...groups.values()].flatMap((group) => unknownFirst(group, depth + 1));
	return [...here, ...unknown, ...nested];
}

/** zod issues => { 'field.path': message }; the first message per field wins. */
export function fieldErrors(issues, overrides = {}) {
	const messages = { ...MESSAGES, ...overrides };
	const errors = {};
	for (const { path, message } of unknownFirst(entriesOf(issues, messages))) {
		const key = fieldPath(path) || messages.root;
		if (!Object.hasOwn(errors, key)) errors[key] = message;
	}
	return errors;
}

/** Validate a parsed JSON body: { data, errors } where errors is {} when the body is valid. */
export function checkBody(schema, body, messages) {
	const result = schema.safeParse(body);
	if (result.success) return { data: result.data, errors: {} };
	return { data: undefined, errors: fieldErrors(result.error.issues, messages) };
}
