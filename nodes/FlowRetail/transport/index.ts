import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	FLOW_RETAIL_DEFAULT_TIME_ZONE,
	FLOW_RETAIL_PRODUCTION_API,
	FLOW_RETAIL_STAGE_API,
} from '../../../credentials/FlowRetailApi.credentials';
import type { RequestContext, VendorRequest } from '../../shared/http';
import { encodedPath } from '../../shared/http';
import type { RunConnection } from '../../shared/connection';
import { runConnection } from '../../shared/connection';
import type { VendorKit } from '../../shared/vendorKit';
import { vendorRequester } from '../../shared/vendorKit';
import { PACKAGE_AGENT } from '../../shared/package';
import { isTimeZone } from '../../shared/customer';
import { flowVendor } from './profile';

export { asRecord, isRecord, readEnvelope } from './envelopes';
export { FLOW_CREDENTIAL_TYPE, flowVendor, parseFlowError, unexpectedFlowAnswer } from './profile';

/** Every UID of the API, in a path or a body [verified: the seed's path pattern]. */
export const FLOW_UID_PATTERN = /^[A-Za-z0-9-_]+$/;
export const FLOW_UID_REGEX = FLOW_UID_PATTERN.source;

/**
 * The page the node asks for unless the user sets Page Size; neither default nor maximum is
 * documented (README assumptions). A tenant that grants less says so in `paging.pageSize`, or
 * sends a short page while `totalCount` tells more: later pages ask for the size granted.
 */
export const FLOW_PAGE_SIZE = 1000;
/**
 * Pages of one list read side by side once the first page has told the total. Flow Retail
 * documents no rate limit, so nothing is paced ahead; a 429 slows every request of the run down.
 */
export const FLOW_PAGE_CONCURRENCY = 4;
interface FlowConnection {
	baseUrl: string;
	tenantUid: string;
	/** The tenant's IANA zone: Flow Retail times without an offset are wall-clock times in it. */
	timeZone: string;
}

const LOCAL_HOSTS = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

function readConnection(
	ctx: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	itemIndex?: number,
): FlowConnection {
	const environment = String(credentials.environment ?? 'production');
	let baseUrl = FLOW_RETAIL_PRODUCTION_API;
	if (environment === 'stage') baseUrl = FLOW_RETAIL_STAGE_API;
	if (environment === 'custom') baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const tenantUid = String(credentials.tenantUid ?? '').trim();
	if (!FLOW_UID_PATTERN.test(tenantUid)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The Flow Retail credential has no valid Tenant UID: it may hold only letters, digits, - and _',
			{ itemIndex, description: 'Open the credential and enter the UID of your tenant.' },
		);
	}
	if (!/^https:\/\//i.test(baseUrl) && !LOCAL_HOSTS.test(baseUrl)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The Flow Retail credential has no valid API Base URL: it must start with https:// (http:// only for localhost)',
			{ itemIndex, description: 'The integration token must never travel unencrypted.' },
		);
	}
	const timeZone = String(credentials.timeZone ?? '').trim() || FLOW_RETAIL_DEFAULT_TIME_ZONE;
	if (!isTimeZone(timeZone)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The Flow Retail credential's Time Zone "${timeZone.slice(0, 60)}" is not a time zone`,
			{ itemIndex, description: 'Enter an IANA time zone name such as Europe/Oslo.' },
		);
	}
	return { baseUrl, tenantUid, timeZone };
}

/** The tenant's time zone from the credential (Europe/Oslo unless set). */
export async function flowTimeZone(ctx: RequestContext, itemIndex?: number): Promise<string> {
	return (await flowConnection(ctx, itemIndex)).timeZone;
}

/** The credential's base URL and tenant, read once per node run. */
export const flowConnection = runConnection(flowVendor, readConnection);

declare const encoded: unique symbol;

/** A path below the tenant whose variable parts are URL-encoded. Only `flowPath` makes one. */
export type FlowPath = string & { readonly [encoded]: true };

/**
 * Builds a path below `/tenants/{tenantUid}` from a template, encoding each value as one path
 * segment (dots too), so no value can change the path: flowPath`/customers/${uid}`.
 */
export function flowPath(strings: TemplateStringsArray, ...values: string[]): FlowPath {
	return encodedPath(strings, values) as FlowPath;
}

export type FlowRequest = VendorRequest;

/** The Flow Retail transport as the shared request function uses it. */
export const flowKit: VendorKit<FlowPath, FlowConnection & RunConnection> = {
	profile: flowVendor,
	path: flowPath,
	connection: flowConnection,
	target: (_ctx, conn, _method, path, request) => {
		// n8n leaves an empty object out of the request; a search without criteria must still send
		// its JSON body `{}`.
		const emptyBody =
			!!request.body &&
			typeof request.body === 'object' &&
			!Array.isArray(request.body) &&
			Object.keys(request.body).length === 0;
		return {
			url: `${conn.baseUrl}/tenants/${encodeURIComponent(conn.tenantUid)}${path}`,
			headers: {
				'User-Agent': PACKAGE_AGENT,
				...(emptyBody ? { 'Content-Type': 'application/json' } : {}),
			},
			rateLimitKey: `flow:${conn.tenantUid}`,
			...(emptyBody ? { body: '{}' } : {}),
		};
	},
};

/** One call to the Flow Retail API v2, below the credential's tenant. */
export const flowApiRequest = vendorRequester(flowKit);
