import type { IDataObject, IHttpRequestMethods, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { XENTRAL_TOKEN_HINT, xentralBaseUrl } from '../../../credentials/XentralApi.credentials';
import type { VendorErrorText } from '../../shared/errors';
import { unexpectedAnswer } from '../../shared/errors';
import type { CoreResponse, RequestContext, VendorProfile, VendorRequest } from '../../shared/http';
import { coreRequest, encodedPath, vendorRequestFields } from '../../shared/http';
import type { Page } from '../../shared/pagination';

export const XENTRAL_CREDENTIAL_TYPE = 'xentralApi';

/** The largest `page[size]` Xentral documents. */
export const XENTRAL_PAGE_SIZE = 50;

/**
 * Pages of one list read side by side once the first page told the total: a few, far below the
 * 100 requests a minute; the rate-limit gate holds them all the same.
 */
export const XENTRAL_PAGE_CONCURRENCY = 3;

/** Text of a value that may itself be structured, never `[object Object]`. */
function plain(value: unknown): string {
	return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const FIELD_KEYS = ['propertyPath', 'property', 'field', 'path', 'name'] as const;
const MESSAGE_KEYS = ['message', 'title', 'reason'] as const;

/**
 * One entry of a violation list in the `{propertyPath, message}` form (rather than a mirrored
 * payload): its field and message, or undefined when the entry is not of that form.
 */
function namedViolation(entry: unknown): { field: string; message: string } | undefined {
	if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
	const e = entry as IDataObject;
	const field = FIELD_KEYS.map((k) => e[k]).find((v) => typeof v === 'string');
	const message = MESSAGE_KEYS.map((k) => e[k]).find((v) => typeof v === 'string');
	if (typeof field !== 'string' || typeof message !== 'string') return undefined;
	return { field, message };
}

const joinPath = (path: string, field: string) =>
	path === '' || path === '_' ? field : field === '' ? path : `${path}.${field}`;

/**
 * The field messages of a problem's `violations` (the payload mirrored, a message list per bad
 * field; or a list of `{propertyPath, message}`) or `messages` (a list, or field → list):
 * `field: message` lines, nested fields dotted.
 */
export function violationLines(value: unknown, path = ''): string[] {
	if (Array.isArray(value)) {
		if (value.every((v) => typeof v === 'string')) {
			const where = path === '' || path === '_' ? '' : `${path}: `;
			return value.length ? [`${where}${value.join(', ')}`] : [];
		}
		return value.flatMap((v, i) => {
			const named = namedViolation(v);
			if (!named) return violationLines(v, `${path}[${i}]`);
			const field = joinPath(path, named.field);
			return [field ? `${field}: ${named.message}` : named.message];
		});
	}
	if (value && typeof value === 'object') {
		return Object.entries(value as IDataObject).flatMap(([key, v]) =>
			violationLines(v, path ? `${path}.${key}` : key),
		);
	}
	if (value === undefined || value === null) return [];
	return [path && path !== '_' ? `${path}: ${plain(value)}` : plain(value)];
}

/**
 * Xentral error bodies: RFC 7807 problems (`title` with `violations`, `messages` or conflict
 * `items`), a V3 `{message}`, or text (401 answers HTML, which is never shown).
 */
export function parseXentralError(
	body: unknown,
	status: number | undefined,
): VendorErrorText | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text) return undefined;
		if (text.startsWith('{')) {
			try {
				return parseXentralError(JSON.parse(text), status);
			} catch {
				return undefined;
			}
		}
		if (text.startsWith('<')) return undefined;
		return { message: `Xentral: ${text.slice(0, 300)}` };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as IDataObject;
	const title =
		typeof b.title === 'string' ? b.title : typeof b.message === 'string' ? b.message : undefined;
	const lines = [
		...violationLines(b.violations),
		...violationLines(b.messages),
		...(Array.isArray(b.items)
			? (b.items as IDataObject[]).flatMap((item) =>
					violationLines(item?.messages, `${plain(item?.title ?? item?.id ?? 'item')}`),
				)
			: []),
	];
	const detail = typeof b.detail === 'string' ? b.detail : undefined;
	if (!title && !detail && lines.length === 0) return undefined;
	const head = title ?? detail ?? `HTTP ${status ?? ''}`.trim();
	const description = [
		title && detail && detail !== title ? detail : '',
		lines.length ? `${lines.join('; ')}`.replace(/([^.!?])$/, '$1.') : '',
	]
		.filter(Boolean)
		.join(' ');
	return {
		message: `Xentral: ${head}${lines.length ? ` ${lines.join('; ')}` : ''}`.slice(0, 500),
		description: description || undefined,
	};
}

export const xentralVendor: VendorProfile = {
	name: 'Xentral',
	credentialType: XENTRAL_CREDENTIAL_TYPE,
	rateLimitHeaders: {
		limit: 'x-ratelimit-limit',
		remaining: 'x-ratelimit-remaining',
		reset: 'x-ratelimit-reset',
		// 100 requests per minute per instance, as documented; Xentral sends no interval header.
		windowSeconds: 60,
	},
	parseError: parseXentralError,
	secretsOf: (credentials) =>
		[typeof credentials.token === 'string' ? credentials.token : ''].filter((t) => t.length >= 4),
	statusHints: {
		401: `Xentral refused the personal access token: it has expired, was revoked or is wrong. ${XENTRAL_TOKEN_HINT}`,
		403: 'The token is not allowed to do this. Personal access tokens need admin rights in Xentral.',
		404: 'Not found, or the token lacks the rights to see it (Xentral answers both with 404). Check the ID.',
		409: 'The change conflicts with another record in Xentral, such as a customer number or price that exists.',
		429: 'Xentral allows 100 requests a minute per instance; the limit did not clear within the retry budget.',
	},
};

/** A 2xx answer from Xentral whose body is not what the API documents. */
export function unexpectedShape(
	ctx: { getNode(): INode },
	body: unknown,
	expected: string,
	itemIndex?: number,
): ReturnType<typeof unexpectedAnswer> {
	return unexpectedAnswer(ctx, xentralVendor.name, body, expected, itemIndex);
}

/** The API base of the credential's instance, or an error that says what to fix. */
async function baseUrl(ctx: RequestContext, itemIndex?: number): Promise<string> {
	const credentials = await ctx.getCredentials(XENTRAL_CREDENTIAL_TYPE);
	const url = xentralBaseUrl(credentials.instance);
	if (!url) {
		throw new NodeOperationError(ctx.getNode(), 'The Xentral credential has no valid Instance', {
			itemIndex,
			description:
				'Enter the instance ID as in https://<ID>.xentral.biz, or the full https URL of your custom domain.',
		});
	}
	return url;
}

declare const encoded: unique symbol;

/** A request path whose variable parts are URL-encoded. Only `xentralPath` makes one. */
export type XentralPath = string & { readonly [encoded]: true };

/**
 * Builds a request path from a template, URL-encoding every interpolated value as one path
 * segment (dots too, so no value can be `.` or `..`).
 */
export function xentralPath(
	strings: TemplateStringsArray,
	...values: Array<string | number>
): XentralPath {
	return encodedPath(strings, values) as XentralPath;
}

export interface XentralRequest extends VendorRequest {
	/** Extra headers, such as the v3 lists' `x-pagination`. */
	headers?: Record<string, string>;
}

/** One call to the Xentral API; `path` starts with `/api/`. */
export async function xentralApiRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: XentralPath,
	request: XentralRequest = {},
): Promise<CoreResponse<T>> {
	const base = await baseUrl(ctx, request.itemIndex);
	return await coreRequest<T>(ctx, xentralVendor, {
		method,
		url: `${base}${path}`,
		headers: {
			...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
			// v1/v2 creates answer 201 with an empty text/html body (the spec's only 201 content):
			// a create accepts it, so that a server that honours Accept does not answer 406.
			...(method === 'POST' ? { Accept: 'application/json, text/html' } : {}),
			...request.headers,
		},
		// One window per instance: Xentral counts every request of the instance against it.
		rateLimitKey: `xentral:${base}`,
		...vendorRequestFields(ctx, request),
	});
}

/** The record of a `{data: {...}}` answer. */
export function dataOf(
	ctx: { getNode(): INode },
	body: unknown,
	expected: string,
	itemIndex?: number,
): IDataObject {
	const data = (body as IDataObject | undefined)?.data;
	if (!data || typeof data !== 'object' || Array.isArray(data))
		throw unexpectedShape(ctx, body, expected, itemIndex);
	return data as IDataObject;
}

/** A `{data: [...], extra: {totalCount, page | cursor}}` answer as one page of the core's paging. */
export function pageOf(
	ctx: { getNode(): INode },
	body: unknown,
	expected: string,
	itemIndex?: number,
): Page<IDataObject> {
	const b = body as IDataObject | undefined;
	if (!b || !Array.isArray(b.data)) throw unexpectedShape(ctx, body, expected, itemIndex);
	const extra = (b.extra ?? {}) as IDataObject;
	const total = typeof extra.totalCount === 'number' ? extra.totalCount : undefined;
	const cursor = (extra.cursor ?? undefined) as IDataObject | undefined;
	return {
		items: b.data as IDataObject[],
		total,
		...(cursor ? { nextCursor: (cursor.nextCursor as string | null) ?? null } : {}),
	};
}

/**
 * The new record's ID from a 201's `Location` header: its last path segment, digits (or one of
 * `allowedWords`, as the address IDs `masterdata` and `billingaddress`).
 */
export function idFromLocation(
	ctx: { getNode(): INode },
	headers: Record<string, string>,
	itemIndex: number,
	allowedWords: string[] = [],
): string {
	const location = headers.location ?? '';
	const last = location.split(/[?#]/)[0].replace(/\/+$/, '').split('/').pop() ?? '';
	let id: string;
	try {
		id = decodeURIComponent(last);
	} catch {
		id = '';
	}
	if (/^\d{1,18}$/.test(id) || allowedWords.includes(id)) return id;
	throw unexpectedShape(
		ctx,
		`Location: ${location || '(none)'}`,
		'a Location header naming the new record',
		itemIndex,
	);
}
