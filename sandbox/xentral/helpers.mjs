// Small helpers the Xentral routes share: body checks, record lookup, 201 + Location answers.
import { throwIfErrors } from '../shared/errors.mjs';
import { checkBody } from '../shared/zod.mjs';
import { notFound } from './problems.mjs';

/** The body when it fits the schema; else a request-validation problem naming every bad field. */
export function validBody(schema, body) {
	const { data, errors } = checkBody(schema, body, { root: '_' });
	throwIfErrors(errors);
	return data;
}

/** A record by ID, or a 404. */
export function findById(list, id) {
	const found = list.find((r) => r.id === String(id));
	if (!found) throw notFound();
	return found;
}

/** The origin the client called, for Location headers. */
export const originOf = (headers) => `http://${headers.host ?? '127.0.0.1'}`;

/** 201 with an empty body and the new record's URL in Location, as every v1/v2 create answers. */
export const created = (headers, path) => ({
	status: 201,
	headers: { Location: `${originOf(headers)}${path}`, 'Content-Type': 'text/html; charset=utf-8' },
	body: '',
});

export const noContent = () => ({ status: 204 });

/** Merges a PATCH body into a record: objects deeply, everything else replaced. */
export function merge(target, patch) {
	for (const [key, value] of Object.entries(patch)) {
		if (
			value &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			target[key] &&
			typeof target[key] === 'object'
		)
			merge(target[key], value);
		else target[key] = value;
	}
	return target;
}
