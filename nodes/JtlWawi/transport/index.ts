import type { RequestContext, VendorRequest } from '../../shared/http';
import { encodedPath } from '../../shared/http';
import type { VendorKit } from '../../shared/vendorKit';
import { vendorRequester } from '../../shared/vendorKit';
import { UUID_PATTERN, uuid, validateField } from '../../shared/validation';
import type { JtlConnection } from './connection';
import { jtlConnection } from './connection';
import { jtlVendor } from './profile';

export { jtlConnection, jtlTimeZone } from './connection';
export { asArray, readV1Page, readV2Page, readV2ReferencePage } from './envelopes';
export { JTL_CREDENTIAL_TYPE, jtlVendor, parseJtlError, unexpectedShape } from './profile';

/** The largest page requested from JTL; no maximum is documented, 100 is the v2 default. */
export const JTL_PAGE_SIZE_MAX = 100;

/**
 * Pages of one list read side by side once the first page has told the total. JTL publishes no
 * limits for Cloud ERP; the rate-limit gate holds the requests when a window runs out.
 */
export const JTL_PAGE_CONCURRENCY = 4;

/**
 * Items of Create or Update on their way at once: each item's lookup and write go out beside
 * those of other items (and so of other endpoints), each endpoint paced by its own rate-limit gate.
 */
export const JTL_ITEM_CONCURRENCY = 4;

export const SESSION_ID_PARAMETER = 'sessionId';

/**
 * The `X-SessionId` of an item: the node's Session ID (a UUID, JTL's documented form), read per
 * item; none outside an execution (lists in the editor, the trigger) or when it is empty.
 */
function sessionHeader(ctx: RequestContext, itemIndex?: number): Record<string, string> {
	if (itemIndex === undefined || !('getInputData' in ctx)) return {};
	let raw: unknown;
	try {
		raw = ctx.getNodeParameter(SESSION_ID_PARAMETER, itemIndex, '');
	} catch {
		return {};
	}
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
		return {};
	const value = validateField(ctx, uuid, raw, 'Session ID', itemIndex);
	return { 'X-SessionId': value };
}

/** `/customers/12/contacts` → `/customers/{id}/contacts`: one rate-limit window per endpoint. */
function routeTemplate(path: string): string {
	return path
		.split('/')
		.map((segment) => (/^\d+$/.test(segment) || UUID_PATTERN.test(segment) ? '{id}' : segment))
		.join('/');
}

declare const encoded: unique symbol;

/** A path below the API base whose variable parts are URL-encoded. Only `jtlPath` makes one. */
export type JtlPath = string & { readonly [encoded]: true };

/**
 * Builds a request path from a template, URL-encoding every interpolated value as one path
 * segment, so that no value can change the path: `jtlPath\`/customers/${id}/contacts\``. IDs are
 * validated before they get here; this holds all the same. Dots are encoded too, so a value can
 * never be a `.` or `..` segment.
 */
export function jtlPath(strings: TemplateStringsArray, ...values: Array<string | number>): JtlPath {
	return encodedPath(strings, values) as JtlPath;
}

export type JtlRequest = VendorRequest;

/** The JTL-Wawi transport as the shared request function uses it. */
export const jtlKit: VendorKit<JtlPath, JtlConnection> = {
	profile: jtlVendor,
	path: jtlPath,
	connection: jtlConnection,
	target: (ctx, conn, method, path, request) => ({
		url: `${conn.baseUrl}${path}`,
		headers: { ...conn.headers, ...sessionHeader(ctx, request.itemIndex) },
		// JTL limits each endpoint; whether a method of a path is an endpoint of its own, no JTL
		// document says. Each method has its own gate until JTL's remaining shows that the methods
		// of a path share one budget.
		rateLimitKey: `jtl:${conn.tenantId}:${method} ${routeTemplate(path)}`,
		rateLimitFamily: `jtl:${conn.tenantId}:* ${routeTemplate(path)}`,
	}),
};

/** One call to the JTL Cloud ERP API. `path` starts with `/` and is relative to the API base. */
export const jtlApiRequest = vendorRequester(jtlKit);
