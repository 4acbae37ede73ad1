import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

/** A vendor's own reading of an error body. */
export interface VendorErrorText {
	message: string;
	description?: string;
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
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

export { lowerCaseHeaders };

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

/** What the user can do about a blocked request, on top of n8n's own description. */
export const SSRF_BLOCK_HINT =
	"n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) blocks requests to private, local and other restricted addresses, and n8n 3.0 adds the shared address space 100.64.0.0/10 and IPv6 transition ranges to the default list. If this system's address is meant to be reached, the n8n administrator adds its host name to N8N_SSRF_ALLOWED_HOSTNAMES or its range to N8N_SSRF_ALLOWED_IP_RANGES.";

/** The error of a request n8n refused to send: nothing reached the vendor, so it is never retried. */
function blockedFailure(
	node: INode,
	failure: HttpFailure,
	vendor: VendorErrorProfile,
	itemIndex?: number,
): NodeApiError {
	const message = `n8n blocked the request to ${vendor.name}: ${failure.message}`;
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: [failure.blocked?.description, SSRF_BLOCK_HINT].filter(Boolean).join(' '),
		itemIndex,
	});
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

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT']);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The message of a call that got no answer, in words rather than the network code: n8n replaces a
 * message naming a code such as ECONNRESET with its own text, which advises retrying at once, and
 * that advice is wrong for a write whose outcome is unknown.
 */
function noAnswerMessage(vendorName: string, code: string | undefined): string {
	if (code && TIMEOUT_CODES.has(code)) return `${vendorName} did not answer in time`;
	if (code && UNREACHABLE_CODES.has(code)) return `${vendorName} could not be reached`;
	return `The connection to ${vendorName} broke before an answer arrived`;
}

/** Hints any API earns by its status; a vendor's profile adds or replaces them in its own words. */
export const GENERIC_STATUS_HINTS: Readonly<Record<number, string>> = {
	400: 'The request was rejected as invalid. Check the fields named above.',
	401: 'Authentication failed. Check the credential.',
	403: 'The credential is not allowed to do this.',
	404: 'The record was not found. Check the ID.',
	409: 'The request conflicts with the current state of the record.',
	429: 'The rate limit was exceeded and did not clear within the retry budget.',
};

/** What the error mapping needs to know of a vendor. */
export interface VendorErrorProfile {
	name: string;
	/** What to check in the credential when its token endpoint refuses it, in the vendor's words. */
	credentialHint?: string;
	statusHints?: Record<number, string>;
}

/** Builds the NodeApiError for a failed call from the vendor's body, never from request options. */
export function toNodeApiError(
	node: INode,
	failure: HttpFailure,
	vendor: VendorErrorProfile,
	text: VendorErrorText | undefined,
	itemIndex?: number,
): NodeApiError {
	if (failure.blocked) return blockedFailure(node, failure, vendor, itemIndex);
	if (failure.auth) return tokenFailure(node, failure, vendor, itemIndex);
	const status = failure.status;
	const message =
		text?.message ??
		(status
			? `${vendor.name} answered with HTTP ${status}`
			: noAnswerMessage(vendor.name, failure.code));
	const hint = status ? (vendor.statusHints?.[status] ?? GENERIC_STATUS_HINTS[status]) : undefined;
	const description = [text?.description, hint].filter(Boolean).join(' ');
	const body: JsonObject =
		failure.body && typeof failure.body === 'object' && !Array.isArray(failure.body)
			? (failure.body as JsonObject)
			: {
					message,
					...(failure.body !== undefined ? { body: String(failure.body) } : {}),
				};
	const error = new NodeApiError(node, body, {
		message,
		description: description || undefined,
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
	// Kept for callers that must tell a lost answer from a refused request (see answerWasLost).
	if (!status && failure.code) error.context.networkCode = failure.code;
	return error;
}

/** An OAuth2 error code (RFC 6749 §5.2) is a fixed word; anything else of the body is never shown. */
const OAUTH_ERROR_CODE = /^[a-z_]{3,40}$/;

/**
 * A failed token request. The token endpoint's body is never copied: it may echo the request,
 * and with it the client's Basic value. Only the status and a standard OAuth2 error code are kept.
 */
function tokenFailure(
	node: INode,
	failure: HttpFailure,
	vendor: VendorErrorProfile,
	itemIndex?: number,
): NodeApiError {
	const body = failure.body as { error?: unknown } | undefined;
	const code =
		body &&
		typeof body === 'object' &&
		typeof body.error === 'string' &&
		OAUTH_ERROR_CODE.test(body.error)
			? body.error
			: undefined;
	const why =
		[failure.status ? `HTTP ${failure.status}` : '', code ?? ''].filter(Boolean).join(', ') ||
		(failure.code ?? 'no answer');
	// The token server answered and said no: the credential was refused, not the network.
	const refused = code !== undefined || (failure.status !== undefined && failure.status < 500);
	const message = refused
		? `${vendor.name} refused the credential: the token endpoint did not accept it (${why})`
		: `${vendor.name} did not issue an access token (${why})`;
	const error = new NodeApiError(node, { message } as JsonObject, {
		message,
		description: refused
			? (vendor.credentialHint ??
				'The token endpoint answered and refused the credential. Check the client ID and secret in the credential.')
			: "The token endpoint failed. Check that the credential's environment is right and the service is up, then run again.",
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex,
	});
	if (!failure.status && failure.code) error.context.networkCode = failure.code;
	return error;
}

/** A 2xx answer whose body is not what the vendor documents. */
export function unexpectedAnswer(
	ctx: { getNode(): INode },
	vendorName: string,
	body: unknown,
	expected: string,
	itemIndex?: number,
): NodeApiError {
	const shown = typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body)?.slice(0, 200);
	return new NodeApiError(ctx.getNode(), { body: shown ?? null } as JsonObject, {
		message: `${vendorName} answered with an unexpected body: expected ${expected}`,
		description: `Received: ${shown}`,
		itemIndex,
	});
}

/**
 * Adds the item index to an n8n error that lacks one, so the editor shows which item failed.
 * An index already set (by a deeper layer) is kept.
 */
export function stampItemIndex<T>(error: T, itemIndex: number): T {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const context = (error as { context?: Record<string, unknown> }).context;
		if (context && context.itemIndex === undefined) context.itemIndex = itemIndex;
	}
	return error;
}
