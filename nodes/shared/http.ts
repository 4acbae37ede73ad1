import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { HttpFailure, VendorErrorProfile, VendorErrorText } from './errors';
import { lowerCaseHeaders, readHttpFailure, toNodeApiError } from './errors';
import type { RateLimitHeaderNames } from './rateLimit';
import { parseRetryAfter, rateLimitGate, serverRequestedWait } from './rateLimit';
import { clock } from './clock';
import { inFlightLimit } from './inFlight';
import { DEFAULT_TIMEOUT_SECONDS } from './connection';
import { scrubError } from './secrets';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	baseDelayMs: number;
	/** Longest single wait; a server asking for more fails the call instead of stalling the workflow. */
	maxDelayMs: number;
	retryStatuses: number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 4,
	baseDelayMs: 500,
	maxDelayMs: 60_000,
	// 500 too: on an idempotent read or write, one more attempt costs nothing and often succeeds.
	retryStatuses: [429, 500, 502, 503, 504],
};

/** Everything the core needs to know about a vendor. Lives in the vendor's transport. */
export interface VendorProfile extends VendorErrorProfile {
	credentialType: string;
	rateLimitHeaders?: RateLimitHeaderNames;
	parseError(body: unknown, status: number | undefined): VendorErrorText | undefined;
	retryPolicy?: RetryPolicy;
	/**
	 * The credential's known secret values (secret, Basic value, tokens), scrubbed from every error
	 * the core raises along with anything that looks like an Authorization value.
	 */
	secretsOf?(credentials: ICredentialDataDecryptedObject): string[];
}

export interface CoreRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** Gate key for rate limiting; requests sharing a vendor window share a key. */
	rateLimitKey?: string;
	/**
	 * Keys the vendor may count as one window (JTL: one path under every method). They share one
	 * gate once the vendor's remaining shows it; see `rateLimitGate`.
	 */
	rateLimitFamily?: string;
	itemIndex?: number;
	/**
	 * Whether repeating the request is harmless. Defaults to true for every method but POST. A
	 * non-idempotent request is retried only when the server certainly did not act on it (429, or
	 * the connection was refused).
	 */
	idempotent?: boolean;
	/** Milliseconds to wait for the answer; a timeout counts as a lost answer. */
	timeoutMs?: number;
}

/** What an operation passes to a vendor's request function besides the method and the path. */
export interface VendorRequest {
	qs?: IDataObject;
	body?: unknown;
	itemIndex?: number;
	/**
	 * Whether repeating the request is harmless; the core's default (every method but POST) when
	 * unset. A write that adds something, such as an update command with a new address, says false.
	 */
	idempotent?: boolean;
}

/** The parts of a core request that a vendor request carries as given, plus the run's Timeout. */
export function vendorRequestFields(connection: { timeoutMs: number }, request: VendorRequest) {
	return {
		qs: request.qs,
		body: request.body,
		itemIndex: request.itemIndex,
		idempotent: request.idempotent,
		timeoutMs: connection.timeoutMs,
	};
}

/**
 * Builds a request path from a template, URL-encoding every interpolated value as one path
 * segment, so that no value can change the path. Dots are encoded too, so a value can never be a
 * `.` or `..` segment. Each vendor's transport brands the result as its own path type.
 */
export function encodedPath(
	strings: TemplateStringsArray,
	values: ReadonlyArray<string | number>,
): string {
	let path = strings[0];
	values.forEach((value, i) => {
		path += encodeURIComponent(String(value)).replace(/\./g, '%2E') + strings[i + 1];
	});
	return path;
}

export interface CoreResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string>;
	body: T;
}

/** Exponential backoff with jitter in [50 %, 100 %] of the step, capped. */
export function backoffDelay(
	attempt: number,
	policy: RetryPolicy,
	random = clock.random(),
): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(step * (0.5 + random / 2));
}

function isRetryable(failure: HttpFailure, idempotent: boolean, policy: RetryPolicy): boolean {
	if (failure.status !== undefined) {
		if (failure.status === 429) return policy.retryStatuses.includes(429);
		return idempotent && policy.retryStatuses.includes(failure.status);
	}
	if (!failure.code) return false;
	// A refused connection never reached the server; anything else may have been processed.
	return idempotent || failure.code === 'ECONNREFUSED';
}

/**
 * The credential's secrets as the vendor names them, read when a request fails (so a token n8n
 * renewed during the run is among them); none when the credential cannot be read.
 */
async function knownSecrets(ctx: RequestContext, vendor: VendorProfile): Promise<string[]> {
	if (!vendor.secretsOf) return [];
	try {
		return vendor.secretsOf(await ctx.getCredentials(vendor.credentialType));
	} catch {
		return [];
	}
}

/**
 * The one HTTP entry point of the package: authentication through n8n's credential helpers,
 * rate-limit gate, retries with backoff (honouring Retry-After), and vendor error mapping.
 */
export async function coreRequest<T = unknown>(
	ctx: RequestContext,
	vendor: VendorProfile,
	request: CoreRequest,
): Promise<CoreResponse<T>> {
	const policy = vendor.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const idempotent = request.idempotent ?? request.method !== 'POST';
	const gateKey = request.rateLimitKey ?? `${vendor.name}`;
	const family = request.rateLimitFamily;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		headers: { Accept: 'application/json', ...request.headers },
		json: true,
		returnFullResponse: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000,
	};
	if (request.body !== undefined) options.body = request.body as IDataObject;

	const observe = (headers: Record<string, string>, status: number, sentAt: number) =>
		rateLimitGate.observe(gateKey, headers, vendor.rateLimitHeaders, status, sentAt, family);
	const lane = await inFlightLimit.enter(gateKey);
	try {
		for (let attempt = 0; ; attempt++) {
			await rateLimitGate.wait(gateKey, policy.maxDelayMs, family);
			const sentAt = clock.now();
			try {
				const response = (await ctx.helpers.httpRequestWithAuthentication.call(
					ctx,
					vendor.credentialType,
					{ ...options, headers: { ...options.headers } },
				)) as { statusCode: number; headers: unknown; body: T };
				const headers = lowerCaseHeaders(response.headers);
				const status = response.statusCode;
				observe(headers, status, sentAt);
				lane.answered(false);
				return { statusCode: status, headers, body: response.body };
			} catch (error) {
				const failure = readHttpFailure(error, request.url);
				lane.answered(failure.status === 429);
				if (failure.status === undefined) rateLimitGate.settle(gateKey, sentAt, family);
				else observe(failure.headers, failure.status, sentAt);
				// A DELETE repeated after a lost answer finds the record gone: the first attempt did it.
				if (request.method === 'DELETE' && attempt > 0 && failure.status === 404) {
					return { statusCode: 204, headers: failure.headers, body: undefined as T };
				}
				if (attempt < policy.maxRetries && isRetryable(failure, idempotent, policy)) {
					// A 429 may name its wait in the rate-limit headers; other statuses only through Retry-After.
					const asked =
						failure.status === 429
							? serverRequestedWait(failure.headers, vendor.rateLimitHeaders)
							: parseRetryAfter(failure.headers['retry-after']);
					if (asked === undefined || asked <= policy.maxDelayMs) {
						const delay = asked ?? backoffDelay(attempt, policy);
						ctx.logger?.debug(
							`${vendor.name}: ${request.method} ${request.url} failed (${failure.status ?? failure.code}); retry ${attempt + 1} in ${delay} ms`,
						);
						// A 429 closes the window for every request sharing it; the gate does the waiting.
						if (failure.status === 429) rateLimitGate.block(gateKey, delay, family);
						else await clock.sleep(delay);
						continue;
					}
				}
				const secrets = await knownSecrets(ctx, vendor);
				throw scrubError(
					toNodeApiError(
						ctx.getNode(),
						failure,
						vendor,
						vendor.parseError(failure.body, failure.status),
						request.itemIndex,
					),
					secrets,
				);
			}
		}
	} finally {
		lane.leave();
	}
}
