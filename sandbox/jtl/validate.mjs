// JTL request rules: the ErrorResponse body, paging parameters and body validation against a zod
// schema (field errors as a 400 ValidationError).
import { throwIfErrors } from '../shared/errors.mjs';
import { queryInt } from '../shared/values.mjs';
import { checkBody } from '../shared/zod.mjs';

/** ErrorResponse in the surface's casing (v1 PascalCase, v2 camelCase); Stacktrace omitted. */
export function errorBody(err, { surface } = {}) {
	const body = { ErrorCode: err.code, ErrorMessage: err.message };
	if (err.validationErrors && Object.keys(err.validationErrors).length > 0) {
		body.ValidationErrors = err.validationErrors;
	}
	if (surface !== 'v2') return body;
	const out = { errorCode: body.ErrorCode, errorMessage: body.ErrorMessage };
	if (body.ValidationErrors) out.validationErrors = body.ValidationErrors;
	return out;
}

/** The body when it fits the schema; else a 400 naming every bad field. */
export function validBody(schema, body) {
	const { data, errors } = checkBody(schema, body);
	throwIfErrors(errors);
	return data;
}

/** pageNumber / pageSize with defaults 1 / 100 and the configured maximum page size. */
export function queryPaging(query, errors, maxPageSize) {
	const pageNumber = queryInt(query, 'pageNumber', errors, { min: 1, fallback: 1 });
	const pageSize = queryInt(query, 'pageSize', errors, {
		min: 1,
		max: maxPageSize,
		fallback: Math.min(100, maxPageSize),
	});
	return { pageNumber, pageSize };
}
