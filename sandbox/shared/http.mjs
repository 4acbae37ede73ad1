// HTTP plumbing: reading and parsing request bodies, the query as an object, writing responses.

export function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Parse a raw body by content type: { kind: 'empty'|'json'|'form'|'text', value, error? }. */
export function parseBody(raw, contentType = '') {
	if (raw === '') return { kind: 'empty', value: null };
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') {
		return { kind: 'form', value: Object.fromEntries(new URLSearchParams(raw)) };
	}
	if (type === 'application/json' || type.endsWith('+json')) {
		try {
			return { kind: 'json', value: JSON.parse(raw) };
		} catch (err) {
			return { kind: 'json', value: raw, error: err.message };
		}
	}
	return { kind: 'text', value: raw };
}

/** Query string as a plain object (repeated keys become arrays), for the request log. */
export function queryObject(searchParams) {
	const out = {};
	for (const [k, v] of searchParams) {
		if (!Object.hasOwn(out, k)) out[k] = v;
		else out[k] = [].concat(out[k], v);
	}
	return out;
}

/**
 * Write a response. body: undefined => no body; string => text/plain; Buffer => as is; else JSON.
 */
export function send(res, status, body, headers = {}) {
	if (res.writableEnded || res.destroyed) return;
	const out = { ...headers };
	let payload;
	if (body === undefined || body === null) {
		payload = undefined;
	} else if (typeof body === 'string') {
		out['Content-Type'] ??= 'text/plain; charset=utf-8';
		payload = body;
	} else if (Buffer.isBuffer(body)) {
		payload = body;
	} else {
		out['Content-Type'] ??= 'application/json; charset=utf-8';
		payload = JSON.stringify(body);
	}
	if (payload !== undefined) out['Content-Length'] = Buffer.byteLength(payload);
	else if (status !== 204 && status !== 304) out['Content-Length'] = 0;
	res.writeHead(status, out);
	res.end(payload);
}
