// The request log: one entry per logged request ({method, path, query, headers, body, status, at,
// inFlight (the requests being served when it arrived, itself included), dropped?}), with
// Authorization masked and a hook to mask secrets in bodies.
import { queryObject } from './http.mjs';

/** Copy of request headers with the Authorization credentials masked ('Bearer ***'). */
export function maskHeaders(headers) {
	const out = { ...headers };
	if (out.authorization !== undefined) {
		const scheme = /^(\w+)\s/.exec(out.authorization)?.[1];
		out.authorization = scheme ? `${scheme} ***` : '***';
	}
	return out;
}

/** Copy of a body (form/JSON object or raw text) with the named fields masked as '***'. */
export function maskFields(body, names) {
	if (typeof body === 'string') {
		return names.reduce(
			(text, name) => text.replace(new RegExp(`(${name}=)[^&]*`, 'gi'), '$1***'),
			body,
		);
	}
	if (!body || typeof body !== 'object') return body;
	const out = { ...body };
	for (const name of names) if (out[name] !== undefined) out[name] = '***';
	return out;
}

/**
 * Append an entry for this request to `log`; its status is filled in when the answer is written.
 * @param maskBody optional (body) => body for the log
 */
export function logRequest(log, { req, res, url, parsed, at, maskBody }) {
	const entry = {
		method: req.method,
		path: url.pathname,
		query: queryObject(url.searchParams),
		headers: maskHeaders(req.headers),
		body: maskBody ? maskBody(parsed.value) : parsed.value,
		status: null,
		at,
	};
	log.push(entry);
	res.on('finish', () => {
		entry.status = res.statusCode;
	});
	return entry;
}
