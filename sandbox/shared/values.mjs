// Value parsers for path and query parameters (int32, UUID, ISO 8601 dates, booleans). The query
// helpers record a field error under the parameter name and return undefined when a value is bad.

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_RE =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export const isInt32 = (v) => Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX;
export const isUuid = (v) => typeof v === 'string' && UUID_RE.test(v);

/** Canonical ISO string for an ISO-8601 date(-time) string, or undefined when invalid. */
export function parseDate(value) {
	if (typeof value !== 'string' || !DATE_RE.test(value.trim())) return undefined;
	const ms = Date.parse(value.trim());
	return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function parseInt32(text) {
	if (typeof text !== 'string' || !/^-?\d{1,10}$/.test(text)) return undefined;
	const n = Number(text);
	return isInt32(n) ? n : undefined;
}

export function queryInt(query, name, errors, { min = INT32_MIN, max = INT32_MAX, fallback } = {}) {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	const n = parseInt32(raw.trim());
	if (n === undefined || n < min || n > max) {
		errors[name] =
			`The value '${raw}' is not valid for ${name} (integer between ${min} and ${max}).`;
		return undefined;
	}
	return n;
}

export function queryDate(query, name, errors) {
	const raw = query.get(name);
	if (raw === null || raw === '') return undefined;
	const parsed = parseDate(raw);
	if (parsed === undefined) errors[name] = `The value '${raw}' is not a valid ISO 8601 date-time.`;
	return parsed;
}

export function queryBool(query, name, errors, fallback = false) {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	if (/^true$/i.test(raw)) return true;
	if (/^false$/i.test(raw)) return false;
	errors[name] = `The value '${raw}' is not a valid boolean.`;
	return undefined;
}
