/**
 * What a failed HTTP exchange told: its status, headers and body, or its network error code,
 * wherever n8n or axios put them; and the one way the package reads a failure's HTTP status.
 */

/** What a failed HTTP exchange told us, wherever n8n or axios put it. */
export interface HttpFailure {
	status?: number;
	headers: Record<string, string>;
	body: unknown;
	/** Network error code such as ECONNRESET when no response arrived. */
	code?: string;
	message: string;
	/** The failure came from the credential's token endpoint, not from the API request. */
	auth?: boolean;
	/**
	 * n8n itself refused to send the request: its SSRF protection (N8N_SSRF_PROTECTION_ENABLED)
	 * blocks the address or host name. Nothing reached the vendor; n8n's own description is kept.
	 */
	blocked?: { description?: string };
}

/** Headers by lower-case name, each value as text (lists joined). */
export function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return out;
	for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
		if (value === undefined || value === null) continue;
		out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return out;
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

/**
 * n8n wraps transport errors (NodeApiError around an AxiosError, sometimes twice); this walks the
 * cause chain and returns the HTTP status, headers and body, or the network error code.
 */
export function readHttpFailure(error: unknown, requestUrl?: string): HttpFailure {
	const chain: Array<Record<string, unknown>> = [];
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		chain.push(current as Record<string, unknown>);
		current = (current as { cause?: unknown }).cause;
	}
	const failure: HttpFailure = {
		headers: {},
		body: undefined,
		message: error instanceof Error ? error.message : String(error),
	};
	const block = chain.find(isSsrfBlock);
	if (block) {
		failure.message = String(block.message);
		failure.blocked = {
			description: typeof block.description === 'string' ? block.description : undefined,
		};
		return failure;
	}
	failure.auth = chain.some((link) => fromTokenEndpoint(link, requestUrl));
	for (const link of chain) {
		// n8n's OAuth2 client reports a token endpoint's 4xx with `status` and `body` of its own,
		// or, for an OAuth2 error body, with the body alone (code EAUTH).
		if (
			failure.auth &&
			!link.response &&
			(typeof link.status === 'number' || link.code === 'EAUTH')
		) {
			if (typeof link.status === 'number') failure.status = link.status;
			failure.body = link.body;
			return failure;
		}
		const response = link.response as
			| {
					status?: number;
					statusCode?: number;
					headers?: unknown;
					data?: unknown;
					body?: unknown;
			  }
			| undefined;
		if (response && typeof response === 'object' && (response.status || response.statusCode)) {
			failure.status = Number(response.status ?? response.statusCode);
			failure.headers = lowerCaseHeaders(response.headers);
			failure.body = response.data ?? response.body;
			return failure;
		}
	}
	for (const link of chain) {
		const code = link.code;
		if (typeof code === 'string' && NETWORK_CODES.has(code)) {
			failure.code = code;
			return failure;
		}
	}
	if (/socket hang up|ECONNRESET/i.test(failure.message)) failure.code = 'ECONNRESET';
	return failure;
}

/**
 * n8n's refusal to send a request to a blocked address (SsrfBlockedIpError) or host name
 * (SsrfBlockedHostnameError, n8n 2.x `@n8n/backend-network`), by name or by n8n's message.
 */
function isSsrfBlock(link: Record<string, unknown>): boolean {
	return (
		link.name === 'SsrfBlockedIpError' ||
		link.name === 'SsrfBlockedHostnameError' ||
		(typeof link.message === 'string' &&
			/^The request was blocked because (it resolves to a restricted IP address|the destination hostname is restricted)/.test(
				link.message,
			))
	);
}

const urlPath = (url: string) => url.split(/[?#]/)[0].replace(/\/+$/, '');

/**
 * Whether a link of an error chain is the failure of a token request made by n8n's OAuth2 helper:
 * its message says so, its code is the OAuth2 client's (EAUTH, ESTATUS), or it is an HTTP
 * exchange with another URL than the request's.
 */
function fromTokenEndpoint(link: Record<string, unknown>, requestUrl?: string): boolean {
	if (typeof link.message === 'string' && /access token|oauth/i.test(link.message)) return true;
	if (link.code === 'EAUTH' || link.code === 'ESTATUS') return true;
	const config = link.config as { url?: unknown } | undefined;
	return (
		requestUrl !== undefined &&
		typeof config?.url === 'string' &&
		urlPath(config.url) !== urlPath(requestUrl)
	);
}

/**
 * Whether a request may have reached the server although no answer came back: the connection
 * broke or timed out after it was sent. A refused connection never reached it, and any HTTP answer
 * is an answer.
 */
export function answerWasLost(error: unknown): boolean {
	const context = (error as { context?: Record<string, unknown> } | undefined)?.context;
	const failure = readHttpFailure(error);
	const code = typeof context?.networkCode === 'string' ? context.networkCode : failure.code;
	return failure.status === undefined && !!code && code !== 'ECONNREFUSED';
}

/**
 * The HTTP status of a failed call, the package's one way to read it: the core's NodeApiError
 * carries it as `httpCode`; any other error (n8n's own, wrapped ones) through its cause chain.
 */
export function httpStatusOf(error: unknown): number | undefined {
	const code = (error as { httpCode?: unknown } | undefined)?.httpCode;
	const status = typeof code === 'string' && /^\d{3}$/.test(code) ? Number(code) : undefined;
	return status ?? readHttpFailure(error).status;
}

/**
 * Server errors that can come after the server applied the request: an internal error, or a
 * gateway that gave up waiting for the application behind it.
 */
export const MAYBE_APPLIED_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/**
 * Whether a failed write may nevertheless have been applied: its answer was lost, or the server
 * answered 500, 502, 503 or 504, which it may do after the write took effect.
 */
export function mayHaveBeenApplied(error: unknown): boolean {
	if (answerWasLost(error)) return true;
	const status = httpStatusOf(error);
	return status !== undefined && MAYBE_APPLIED_STATUSES.has(status);
}
