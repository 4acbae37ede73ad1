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
export function readHttpFailure(error: unknown): HttpFailure {
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
	for (const link of chain) {
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
	const status = failure.status;
	const message =
		text?.message ??
		(status
			? `${vendor.name} answered with HTTP ${status}`
			: `${vendor.name} could not be reached (${failure.code ?? failure.message})`);
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
