import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { HttpFailure } from './httpFailure';

export type { HttpFailure } from './httpFailure';
export {
	answerWasLost,
	httpStatusOf,
	lowerCaseHeaders,
	MAYBE_APPLIED_STATUSES,
	mayHaveBeenApplied,
	readHttpFailure,
} from './httpFailure';

/** A vendor's own reading of an error body. */
export interface VendorErrorText {
	message: string;
	description?: string;
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

/** A vendor's "unexpected answer" error: `unexpectedAnswer` with the vendor's name filled in. */
export function unexpectedAnswerOf(vendor: { name: string }) {
	return (ctx: { getNode(): INode }, body: unknown, expected: string, itemIndex?: number) =>
		unexpectedAnswer(ctx, vendor.name, body, expected, itemIndex);
}
