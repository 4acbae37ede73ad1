// Flow Retail request rules: the error body, UIDs, paging and sorting, and body checks against a
// zod schema. The vendor documents none of the error body; its shape here is an assumption
// (docs/flow-retail.md): `{ status, code, message, errors? }`, errors as field => message.
import { ApiError, throwIfErrors } from '../shared/errors.mjs';
import { queryInt } from '../shared/values.mjs';
import { checkBody, oneOf } from '../shared/zod.mjs';

/** Every UID of the API, in a path or a body [verified: the seed's path pattern]. */
export const UID_RE = /^[A-Za-z0-9-_]+$/;

export function errorBody(err) {
	const body = { status: err.status, code: err.code, message: err.message };
	if (err.validationErrors && Object.keys(err.validationErrors).length > 0)
		body.errors = err.validationErrors;
	return body;
}

/** The body when it fits the schema; else a 400 naming every bad field. */
export function validBody(schema, body) {
	const { data, errors } = checkBody(schema, body);
	throwIfErrors(errors);
	return data;
}

/** Path parameters: every one is a UID except the extension code. */
export function paramErrors({ params }) {
	const errors = {};
	for (const [name, value] of Object.entries(params)) {
		if (name === 'customerExtensionCode') continue;
		if (!UID_RE.test(value))
			errors[name] = `The value '${value}' is not a valid UID (^[A-Za-z0-9-_]+$).`;
	}
	return errors;
}

/**
 * pageNumber (from 1), pageSize (1.., default 100), sortBy among `sortable`, and sortDirection
 * ASC|DESC. A bad value is a 400 naming the parameter. Neither the default nor the largest
 * pageSize is documented: above `maxPageSize`, the `pageSize` reading `granted` serves the largest
 * and reports it in paging.pageSize, `silent` serves the largest and reports the size asked,
 * `refused` answers 400. Which sortBy values the API takes is not documented either: under the
 * `sortBy` reading `ignored` the list keeps its default order whatever is asked, under `refused`
 * any sortBy is a 400.
 */
export function queryPaging(query, options, sortable, extraErrors = {}) {
	const errors = { ...extraErrors };
	const pageNumber = queryInt(query, 'pageNumber', errors, { min: 1, fallback: 1 });
	const sizeReading = options.readings?.pageSize ?? 'refused';
	const asked = queryInt(query, 'pageSize', errors, {
		min: 1,
		max: sizeReading === 'refused' ? options.maxPageSize : undefined,
		fallback: Math.min(100, options.maxPageSize),
	});
	const pageSize = asked === undefined ? undefined : Math.min(asked, options.maxPageSize);
	const reportedPageSize = sizeReading === 'silent' ? asked : pageSize;
	const reading = options.readings?.sortBy ?? 'accepted';
	let sortBy = query.get('sortBy') || undefined;
	if (sortBy !== undefined && reading === 'refused')
		errors.sortBy = `sortBy '${sortBy}' is not supported.`;
	else if (sortBy !== undefined && reading === 'accepted' && !sortable.includes(sortBy))
		errors.sortBy = `sortBy '${sortBy}' is not supported. ${oneOf(sortable)}`;
	let direction = query.get('sortDirection') || 'ASC';
	if (!['ASC', 'DESC'].includes(direction)) errors.sortDirection = oneOf(['ASC', 'DESC']);
	throwIfErrors(errors);
	if (reading === 'ignored') {
		sortBy = undefined;
		direction = 'ASC';
	}
	return { pageNumber, pageSize, reportedPageSize, sortBy, direction };
}

/** One page of `records` in the `{items, paging}` envelope, sorted; ties broken by `uidKey`. */
export function pageOf(records, paging, uidKey, render = (r) => r) {
	const { pageNumber, pageSize, reportedPageSize = pageSize, sortBy, direction } = paging;
	const sign = direction === 'DESC' ? -1 : 1;
	const sorted = [...records].sort((a, b) => {
		if (sortBy) {
			const x = a[sortBy] ?? '';
			const y = b[sortBy] ?? '';
			if (x < y) return -sign;
			if (x > y) return sign;
		}
		return a[uidKey] < b[uidKey] ? -sign : a[uidKey] > b[uidKey] ? sign : 0;
	});
	const start = (pageNumber - 1) * pageSize;
	return {
		items: sorted.slice(start, start + pageSize).map(render),
		paging: { pageNumber, pageSize: reportedPageSize, totalCount: records.length },
	};
}

export const conflict = (what) => new ApiError(409, 'AlreadyExists', `${what} already exists.`);
