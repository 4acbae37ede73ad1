// The v1/v2 list query as the Xentral documents define it: indexed filters
// `filter[i][key|op|value]` (AND; `value[j]` for in/notIn), `order[i][field|dir]`, `page[number]` +
// `page[size]` (both required together, size at most 50), and on the v2 customer list
// `cursor[nextCursor]` + `cursor[size]`, never together with page. Anything else under those names is
// refused with a request-validation problem, as the API refuses the non-indexed form.
import { ApiError } from '../shared/errors.mjs';

export const MAX_PAGE_SIZE = 50;

/** The operators most v1 lists of the core spec share (sales prices add two more). */
export const V1_LIST_OPERATORS = Object.freeze([
	'equals',
	'notEquals',
	'in',
	'notIn',
	'exactlyIn',
	'allIn',
	'allNotIn',
	'contains',
	'notContains',
	'startsWith',
	'endsWith',
	'greaterThan',
	'lessThan',
	'is',
]);
export const DEFAULT_PAGE_SIZE = 10;

const FILTER_RE = /^filter\[(\d+)\]\[(key|op|value)\](?:\[(\d+)\])?$/;
const ORDER_RE = /^order\[(\d+)\]\[(field|dir)\]$/;
const PAGE_RE = /^page\[(number|size)\]$/;
const CURSOR_RE = /^cursor\[(nextCursor|size)\]$/;

const invalid = (violations) =>
	new ApiError(400, 'request-validation', 'Request payload validation failed.', violations);

/**
 * Reads the list query of one endpoint.
 * @param spec { filterKeys, ops, orderFields, cursor? }
 * @returns {{ filters, order, page, cursor }}
 */
export function parseListQuery(query, spec) {
	const violations = {};
	const filters = new Map();
	const order = new Map();
	const page = {};
	const cursor = {};
	for (const [name, value] of query) {
		let m;
		if ((m = FILTER_RE.exec(name))) {
			const entry = filters.get(m[1]) ?? {};
			if (m[2] === 'value' && m[3] !== undefined) {
				entry.value = Array.isArray(entry.value) ? entry.value : [];
				entry.value[Number(m[3])] = value;
			} else if (m[3] !== undefined) {
				violations[name] = ['This field was not expected.'];
			} else {
				entry[m[2]] = value;
			}
			filters.set(m[1], entry);
		} else if ((m = ORDER_RE.exec(name))) {
			const entry = order.get(m[1]) ?? {};
			entry[m[2]] = value;
			order.set(m[1], entry);
		} else if ((m = PAGE_RE.exec(name))) {
			page[m[1]] = value;
		} else if (spec.cursor && (m = CURSOR_RE.exec(name))) {
			cursor[m[1]] = value;
		} else if (/^(filter|order|page|cursor)(\[|$)/.test(name)) {
			violations[name] = ['This field was not expected.'];
		}
	}
	const list = [];
	for (const [i, f] of [...filters.entries()].sort((a, b) => Number(a[0]) - Number(b[0]))) {
		const where = `filter[${i}]`;
		if (!spec.filterKeys.includes(f.key))
			violations[`${where}[key]`] = [
				`The value you selected is not a valid choice. Choose one of: ${spec.filterKeys.join(', ')}.`,
			];
		if (!spec.ops.includes(f.op))
			violations[`${where}[op]`] = [
				`The value you selected is not a valid choice. Choose one of: ${spec.ops.join(', ')}.`,
			];
		if (f.value === undefined) violations[`${where}[value]`] = ['This value should not be blank.'];
		const many = f.op === 'in' || f.op === 'notIn';
		if (!many && Array.isArray(f.value))
			violations[`${where}[value]`] = ['This value should be of type string.'];
		// The schema types a value `string | string[]`: a single value of `in` or `notIn` is read
		// as a list of one (the node always sends the list form).
		const value = many && f.value !== undefined && !Array.isArray(f.value) ? [f.value] : f.value;
		list.push({ key: f.key, op: f.op, value });
	}
	const sort = [];
	for (const [i, o] of [...order.entries()].sort((a, b) => Number(a[0]) - Number(b[0]))) {
		if (!spec.orderFields.includes(o.field))
			violations[`order[${i}][field]`] = [
				`The value you selected is not a valid choice. Choose one of: ${spec.orderFields.join(', ') || '(none)'}.`,
			];
		const dir = o.dir ?? 'asc';
		if (dir !== 'asc' && dir !== 'desc')
			violations[`order[${i}][dir]`] = ['The value you selected is not a valid choice.'];
		sort.push({ field: o.field, dir });
	}
	let paging;
	const hasPage = page.number !== undefined || page.size !== undefined;
	const hasCursor = cursor.nextCursor !== undefined || cursor.size !== undefined;
	if (hasPage && hasCursor) violations.cursor = ['Use either cursor or page pagination, not both.'];
	if (hasPage) {
		if (page.number === undefined) violations['page[number]'] = ['This field is missing.'];
		if (page.size === undefined) violations['page[size]'] = ['This field is missing.'];
		const number = Number(page.number);
		const size = Number(page.size);
		if (page.number !== undefined && !(/^\d+$/.test(page.number) && number >= 1))
			violations['page[number]'] = ['This value should be a positive integer.'];
		if (page.size !== undefined && !(/^\d+$/.test(page.size) && size >= 1))
			violations['page[size]'] = ['This value should be a positive integer.'];
		else if (size > MAX_PAGE_SIZE)
			violations['page[size]'] = [`This value should be less than or equal to ${MAX_PAGE_SIZE}.`];
		paging = { mode: 'page', number, size: Math.max(DEFAULT_PAGE_SIZE, size) };
	} else if (hasCursor) {
		const size = Number(cursor.size ?? DEFAULT_PAGE_SIZE);
		if (!(Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE))
			violations['cursor[size]'] = [`This value should be between 1 and ${MAX_PAGE_SIZE}.`];
		const offset = cursor.nextCursor === undefined ? 0 : decodeCursor(cursor.nextCursor);
		if (offset === undefined) violations['cursor[nextCursor]'] = ['This cursor is not valid.'];
		paging = { mode: 'cursor', offset: offset ?? 0, size };
	} else {
		paging = { mode: 'page', number: 1, size: DEFAULT_PAGE_SIZE };
	}
	if (Object.keys(violations).length > 0) throw invalid(violations);
	return { filters: list, sort, paging };
}

const encodeCursor = (offset) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(text) {
	const m = /^o:(\d+)$/.exec(Buffer.from(String(text), 'base64url').toString('utf8'));
	return m ? Number(m[1]) : undefined;
}

const asText = (v) => (v === null || v === undefined ? '' : String(v));
const isNumeric = (v) => /^-?\d+(\.\d+)?$/.test(v);

function compare(a, b) {
	if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether one record value passes one filter. Text is compared with its case unless
 * `ignoreCase` (the sandbox's `filterCase` reading: Xentral's documents do not say).
 */
function passes(raw, op, value, ignoreCase) {
	const fold = (v) => (ignoreCase ? v.toLowerCase() : v);
	const values = (Array.isArray(raw) ? raw.map(asText) : [asText(raw)]).map(fold);
	const want = Array.isArray(value) ? value.map((v) => fold(String(v))) : fold(String(value));
	const any = (test) => values.some(test);
	switch (op) {
		case 'equals':
		case 'is':
			return any((v) => v === want);
		case 'notEquals':
			return !any((v) => v === want);
		case 'in':
		case 'exactlyIn':
			return any((v) => want.includes(v));
		case 'notIn':
			return !any((v) => want.includes(v));
		case 'allIn':
			return want.every((w) => values.includes(w));
		case 'allNotIn':
			return want.every((w) => !values.includes(w));
		case 'contains':
			return any((v) => v.includes(want));
		case 'notContains':
			return !any((v) => v.includes(want));
		case 'startsWith':
			return any((v) => v.startsWith(want));
		case 'endsWith':
			return any((v) => v.endsWith(want));
		case 'greaterThan':
			return any((v) => v !== '' && compare(v, want) > 0);
		case 'lessThan':
			return any((v) => v !== '' && compare(v, want) < 0);
		case 'greaterThanOrEquals':
			return any((v) => v !== '' && compare(v, want) >= 0);
		case 'lessThanOrEquals':
			return any((v) => v !== '' && compare(v, want) <= 0);
		default:
			return false;
	}
}

/**
 * Filters, sorts and pages `records`. `valueOf(record, key)` reads a filter key (or sort field);
 * `readings.filterCase` says whether text filters ignore case.
 * Returns the v1/v2 envelope: { data, extra: { totalCount, page | cursor } }.
 */
export function listAnswer(records, parsed, valueOf, readings = {}) {
	const ignoreCase = readings.filterCase === 'insensitive';
	let rows = records.filter((r) =>
		parsed.filters.every((f) => passes(valueOf(r, f.key), f.op, f.value, ignoreCase)),
	);
	const sort = parsed.sort.length ? parsed.sort : [{ field: 'id', dir: 'asc' }];
	rows = [...rows].sort((a, b) => {
		for (const { field, dir } of sort) {
			const c = compare(asText(valueOf(a, field)), asText(valueOf(b, field)));
			if (c !== 0) return dir === 'desc' ? -c : c;
		}
		return 0;
	});
	const { paging } = parsed;
	if (paging.mode === 'cursor') {
		const slice = rows.slice(paging.offset, paging.offset + paging.size);
		const next = paging.offset + paging.size;
		return {
			data: slice,
			extra: {
				totalCount: rows.length,
				cursor: { nextCursor: next < rows.length ? encodeCursor(next) : null, size: paging.size },
			},
		};
	}
	const start = (paging.number - 1) * paging.size;
	return {
		data: rows.slice(start, start + paging.size),
		extra: { totalCount: rows.length, page: { number: paging.number, size: paging.size } },
	};
}
