import type { VendorRequest } from '../../shared/http';
import { encodedPath } from '../../shared/http';
import type { VendorKit } from '../../shared/vendorKit';
import { vendorRequester } from '../../shared/vendorKit';
import type { XentralConnection } from './connection';
import { xentralConnection } from './connection';
import { xentralVendor } from './profile';

export { xentralConnection } from './connection';
export { dataOf, idFromLocation, pageOf } from './envelopes';
export {
	parseXentralError,
	unexpectedShape,
	violationLines,
	XENTRAL_CREDENTIAL_TYPE,
	xentralVendor,
} from './profile';

/** The largest `page[size]` Xentral documents. */
export const XENTRAL_PAGE_SIZE = 50;

/**
 * Pages of one list read side by side once the first page told the total: a few, far below the
 * 100 requests a minute; the rate-limit gate holds them all the same.
 */
export const XENTRAL_PAGE_CONCURRENCY = 3;

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

/** The Xentral transport as the shared request function uses it. */
export const xentralKit: VendorKit<XentralPath, XentralConnection, XentralRequest> = {
	profile: xentralVendor,
	path: xentralPath,
	connection: xentralConnection,
	target: (_ctx, conn, method, path, request) => ({
		url: `${conn.baseUrl}${path}`,
		headers: {
			...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
			// v1/v2 creates answer 201 with an empty text/html body (the spec's only 201 content):
			// a create accepts it, so that a server that honours Accept does not answer 406.
			...(method === 'POST' ? { Accept: 'application/json, text/html' } : {}),
			...request.headers,
		},
		// One window per instance: Xentral counts every request of the instance against it.
		rateLimitKey: `xentral:${conn.baseUrl}`,
	}),
};

/** One call to the Xentral API; `path` starts with `/api/`. */
export const xentralApiRequest = vendorRequester(xentralKit);
