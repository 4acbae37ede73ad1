// Request validation: a tiny schema checker, path/query parsers and the ApiError type.

export class ApiError extends Error {
	constructor(status, code, message, validationErrors) {
		super(message);
		this.status = status;
		this.code = code;
		this.validationErrors = validationErrors;
	}
}

export const notFound = (what) => new ApiError(404, 'NotFound', `${what} was not found.`);

export function validationError(errors, message = 'One or more validation errors occurred.') {
	return new ApiError(400, 'ValidationError', message, errors);
}

/** Throw a 400 when the collected errors object is not empty. */
export function throwIfErrors(errors) {
	if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** ErrorResponse in the surface's casing (v1 PascalCase, v2 camelCase); Stacktrace omitted. */
export function errorBody(surface, err) {
	const body = { ErrorCode: err.code, ErrorMessage: err.message };
	if (err.validationErrors && Object.keys(err.validationErrors).length > 0) {
		body.ValidationErrors = err.validationErrors;
	}
	if (surface !== 'v2') return body;
	const out = { errorCode: body.ErrorCode, errorMessage: body.ErrorMessage };
	if (body.ValidationErrors) out.validationErrors = body.ValidationErrors;
	return out;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
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

const TYPE_CHECKS = {
	string: [(v) => typeof v === 'string', 'Expected a string.'],
	int32: [isInt32, 'Expected an integer (int32).'],
	number: [(v) => typeof v === 'number' && Number.isFinite(v), 'Expected a number.'],
	boolean: [(v) => typeof v === 'boolean', 'Expected a boolean (true or false).'],
	uuid: [isUuid, 'Expected a UUID string.'],
	iso2: [
		(v) => typeof v === 'string' && /^[a-z]{2}$/i.test(v),
		'Expected a two-letter ISO 639-1 language code.',
	],
	datetime: [(v) => parseDate(v) !== undefined, 'Expected an ISO 8601 date-time string.'],
};

function describe(d) {
	const desc = typeof d === 'string' ? { type: d } : { ...d };
	if (desc.nullable === undefined) desc.nullable = desc.type !== 'boolean';
	return desc;
}

const join = (prefix, key) => (prefix ? `${prefix}.${key}` : key);

/**
 * Check a JSON object against a schema ({ field: 'type' | { type, required, nullable, max, min, schema, items } }).
 * Unknown fields, wrong types and missing required fields are reported into `errors` by field path.
 */
export function checkObject(value, schema, errors, prefix = '') {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		errors[prefix || 'body'] = 'Expected a JSON object.';
		return false;
	}
	for (const key of Object.keys(value)) {
		if (!Object.hasOwn(schema, key)) errors[join(prefix, key)] = 'Unknown field.';
	}
	for (const [key, raw] of Object.entries(schema)) {
		const desc = describe(raw);
		const path = join(prefix, key);
		if (!Object.hasOwn(value, key)) {
			if (desc.required) errors[path] = 'The field is required.';
			continue;
		}
		checkValue(value[key], desc, path, errors);
	}
	return true;
}

function checkValue(v, desc, path, errors) {
	if (v === null) {
		if (desc.required || !desc.nullable) errors[path] = 'The field must not be null.';
		return;
	}
	if (desc.type === 'object') {
		checkObject(v, desc.schema, errors, path);
		return;
	}
	if (desc.type === 'array') {
		if (!Array.isArray(v)) {
			errors[path] = 'Expected an array.';
			return;
		}
		v.forEach((entry, i) => checkValue(entry, describe(desc.items), `${path}[${i}]`, errors));
		return;
	}
	const [ok, message] = TYPE_CHECKS[desc.type];
	if (!ok(v)) {
		errors[path] = message;
		return;
	}
	if (desc.max !== undefined && typeof v === 'string' && v.length > desc.max) {
		errors[path] = `At most ${desc.max} characters.`;
	}
	if (desc.min !== undefined && typeof v === 'number' && v < desc.min)
		errors[path] = `Must be >= ${desc.min}.`;
	if (desc.maxValue !== undefined && typeof v === 'number' && v > desc.maxValue) {
		errors[path] = `Must be <= ${desc.maxValue}.`;
	}
	if (desc.enum && !desc.enum.includes(v)) errors[path] = `Must be one of ${desc.enum.join(', ')}.`;
}

// ---- query helpers: each records a validation error under the parameter name and returns undefined

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
