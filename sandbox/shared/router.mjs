// Route-template router: templates like '/customers/:customerId/contacts', literal segments matched
// case-insensitively, path parameters URL-decoded. A route may carry extra flags (e.g. `body: true`).

export class Router {
	constructor() {
		this.routes = [];
	}

	add(method, template, handler, options = {}) {
		const segments = template.split('/').filter(Boolean);
		this.routes.push({ method, template, segments, handler, ...options });
		return this;
	}

	/** @returns {{ route, params } | { allowed: string[] } | null} */
	match(method, path) {
		const parts = path.split('/').filter(Boolean);
		const allowed = [];
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method) return { route, params };
			allowed.push(route.method);
		}
		return allowed.length > 0 ? { allowed } : null;
	}
}

function matchSegments(segments, parts) {
	if (segments.length !== parts.length) return null;
	const params = {};
	for (let i = 0; i < segments.length; i++) {
		const seg = segments[i];
		if (seg.startsWith(':')) {
			params[seg.slice(1)] = safeDecode(parts[i]);
		} else if (seg.toLowerCase() !== parts[i].toLowerCase()) {
			return null;
		}
	}
	return params;
}

function safeDecode(text) {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
