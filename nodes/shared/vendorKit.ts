import type { IHttpRequestMethods } from 'n8n-workflow';

import type { RunConnection } from './connection';
import type { CoreResponse, RequestContext, VendorProfile, VendorRequest } from './http';
import { coreRequest, vendorRequestFields } from './http';

/** Where and how one request goes, as a vendor's transport decides it. */
export interface RequestTarget {
	url: string;
	headers: Record<string, string>;
	/** Requests sharing a vendor's rate-limit window share a key. */
	rateLimitKey: string;
	/** Keys the vendor may count as one window (see `CoreRequest.rateLimitFamily`). */
	rateLimitFamily?: string;
	/** The body as sent, when the vendor changes it (Flow Retail's empty search body). */
	body?: unknown;
}

/**
 * What each system's transport fills in, and all the shared request function needs of it: the
 * vendor as the core knows it (credential type, error parsing, rate-limit headers), the path
 * builder that URL-encodes every interpolated value, the per-run connection (credential decrypted
 * and Timeout read once per run), and where a request goes. The HTTP status of a failure is read
 * the same way for every vendor (`httpStatusOf` in errors.ts); response envelopes are read by the
 * transport's envelope functions.
 */
export interface VendorKit<
	Path extends string,
	Connection extends RunConnection,
	Request extends VendorRequest = VendorRequest,
> {
	profile: VendorProfile;
	path(strings: TemplateStringsArray, ...values: Array<string | number>): Path;
	connection(ctx: RequestContext, itemIndex?: number): Promise<Connection>;
	target(
		ctx: RequestContext,
		connection: Connection,
		method: IHttpRequestMethods,
		path: Path,
		request: Request,
	): RequestTarget;
}

/** A vendor's request function: the run's connection, the vendor's target, the shared HTTP core. */
export function vendorRequester<
	Path extends string,
	Connection extends RunConnection,
	Request extends VendorRequest,
>(kit: VendorKit<Path, Connection, Request>) {
	return async function request<T = unknown>(
		ctx: RequestContext,
		method: IHttpRequestMethods,
		path: Path,
		request: Request = {} as Request,
	): Promise<CoreResponse<T>> {
		const connection = await kit.connection(ctx, request.itemIndex);
		const { body, ...target } = kit.target(ctx, connection, method, path, request);
		return await coreRequest<T>(ctx, kit.profile, {
			method,
			...target,
			...vendorRequestFields(connection, body === undefined ? request : { ...request, body }),
		});
	};
}
