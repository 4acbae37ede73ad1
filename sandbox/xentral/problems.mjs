// Xentral error answers: RFC 7807 problem+json bodies with `type` under
// https://api.xentral.biz/problems/. A 400 with field errors is `request-validation` with
// `violations` (the payload mirrored with a message list per bad field), other 400s are
// `generic-validation` with `messages`, 409 is `conflict`. 401 is text/html, as documented.
import { ApiError } from '../shared/errors.mjs';

export const PROBLEM_BASE = 'https://api.xentral.biz/problems/';
export const PROBLEM_JSON = 'application/problem+json';

/** 'contactDetails.email' => { contactDetails: { email: [message] } }; query keys stay flat. */
export function mirrorViolations(errors) {
	const out = {};
	for (const [path, message] of Object.entries(errors)) {
		const messages = Array.isArray(message) ? message : [message];
		if (/^(filter|order|page|cursor)\[/.test(path) || !path.includes('.')) {
			out[path === 'body' ? '_' : path] = messages;
			continue;
		}
		const parts = path.split('.');
		let node = out;
		for (const part of parts.slice(0, -1)) {
			if (!node[part] || typeof node[part] !== 'object' || Array.isArray(node[part]))
				node[part] = {};
			node = node[part];
		}
		node[parts[parts.length - 1]] = messages;
	}
	return out;
}

const TITLES = {
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	406: 'Not Acceptable',
	409: 'Conflict',
	415: 'Unsupported Media Type',
	429: 'Too many API calls made',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** The problem body of an ApiError. */
export function errorBody(err) {
	if (err.status === 400 && err.validationErrors && Object.keys(err.validationErrors).length) {
		return {
			type: `${PROBLEM_BASE}request-validation`,
			title: 'Request payload validation failed.',
			violations: mirrorViolations(err.validationErrors),
		};
	}
	if (err.status === 400) {
		return {
			type: `${PROBLEM_BASE}generic-validation`,
			title: 'Validation failed.',
			messages: [err.message],
		};
	}
	if (err.status === 409) {
		return { type: `${PROBLEM_BASE}conflict`, title: 'Conflict', messages: [err.message] };
	}
	return {
		type: 'about:blank',
		title: TITLES[err.status] ?? 'Error',
		status: err.status,
		detail: err.message,
	};
}

export const errorHeaders = () => ({ 'Content-Type': PROBLEM_JSON });

export const conflict = (message) => new ApiError(409, 'conflict', message);
export const genericInvalid = (message) => new ApiError(400, 'generic-validation', message);
export const notFound = () =>
	new ApiError(
		404,
		'NotFound',
		'The resource was not found or you do not have enough access privileges.',
	);
