import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	INode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	FLOW_RETAIL_DEFAULT_TIME_ZONE,
	FLOW_RETAIL_PRODUCTION_API,
	FLOW_RETAIL_STAGE_API,
} from '../../../credentials/FlowRetailApi.credentials';
import type { VendorErrorText } from '../../shared/errors';
import { unexpectedAnswer } from '../../shared/errors';
import type { CoreResponse, RequestContext, VendorProfile, VendorRequest } from '../../shared/http';
import { coreRequest, encodedPath, vendorRequestFields } from '../../shared/http';
import { PACKAGE_AGENT } from '../../shared/package';
import { isTimeZone } from '../../shared/customer';

export const FLOW_CREDENTIAL_TYPE = 'flowRetailApi';

/** Every UID of the API, in a path or a body [verified: the seed's path pattern]. */
export const FLOW_UID_PATTERN = /^[A-Za-z0-9-_]+$/;
export const FLOW_UID_REGEX = FLOW_UID_PATTERN.source;

/** The page the node asks for; neither default nor maximum is documented (README assumptions). */
export const FLOW_PAGE_SIZE = 100;

function plain(value: unknown): string {
	return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Flow Retail documents no error body [assumption: JSON with `message` or `error`, perhaps a map
 * or list of field errors]; a plain text body is shown as it is, HTML never.
 */
export function parseFlowError(body: unknown, status?: number): VendorErrorText | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text || text.startsWith('<')) return undefined;
		return { message: `Flow Retail: ${text.slice(0, 300)}` };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as IDataObject;
	const text = b.message ?? b.error ?? b.title ?? b.detail;
	const errors = b.errors ?? b.fieldErrors;
	const lines = Array.isArray(errors)
		? errors.map((e) =>
				e && typeof e === 'object'
					? `${plain((e as IDataObject).field ?? '')}: ${plain((e as IDataObject).message ?? e)}`
					: plain(e),
			)
		: errors && typeof errors === 'object'
			? Object.entries(errors as IDataObject).map(([field, m]) => `${field}: ${plain(m)}`)
			: [];
	if (text === undefined && lines.length === 0) return undefined;
	const code = typeof b.code === 'string' ? ` [${b.code}]` : '';
	return {
		message: `Flow Retail: ${text === undefined ? `HTTP ${status ?? ''}`.trim() : plain(text)}${code}`,
		description: lines.length ? `Field errors: ${lines.join('; ')}.` : undefined,
	};
}

export const flowVendor: VendorProfile = {
	name: 'Flow Retail',
	credentialType: FLOW_CREDENTIAL_TYPE,
	parseError: parseFlowError,
	secretsOf: (credentials: ICredentialDataDecryptedObject) =>
		[typeof credentials.token === 'string' ? credentials.token : ''].filter((s) => s.length >= 4),
	statusHints: {
		401: 'Flow Retail refused the integration token. Generate a new token for the integration user in Flow Retail Admin and enter it in the credential.',
		403: 'The integration user lacks the permission for this, or the tenant lacks the extension it needs (customer delete needs TENANT.BACKOFFICE, webhooks Tenant.Admin, external search EXTERNAL_CUSTOMER_SEARCH).',
		409: 'A record with this UID exists already.',
	},
};

/** A 2xx answer whose body is not what Flow Retail documents. */
export function unexpectedFlowAnswer(
	ctx: { getNode(): INode },
	body: unknown,
	expected: string,
	itemIndex?: number,
) {
	return unexpectedAnswer(ctx, flowVendor.name, body, expected, itemIndex);
}

interface FlowConnection {
	baseUrl: string;
	tenantUid: string;
	/** The tenant's IANA zone: Flow Retail times without an offset are wall-clock times in it. */
	timeZone: string;
}

const connections = new WeakMap<object, Promise<FlowConnection>>();

const LOCAL_HOSTS = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

async function readConnection(ctx: RequestContext, itemIndex?: number): Promise<FlowConnection> {
	const credentials = await ctx.getCredentials(FLOW_CREDENTIAL_TYPE);
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
export async function flowConnection(
	ctx: RequestContext,
	itemIndex?: number,
): Promise<FlowConnection> {
	let known = connections.get(ctx);
	if (!known) {
		known = readConnection(ctx, itemIndex);
		connections.set(ctx, known);
		known.catch(() => connections.delete(ctx));
	}
	return await known;
}

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

/** One call to the Flow Retail API v2, below the credential's tenant. */
export async function flowRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: FlowPath,
	request: FlowRequest = {},
): Promise<CoreResponse<T>> {
	const conn = await flowConnection(ctx, request.itemIndex);
	const tenant = encodeURIComponent(conn.tenantUid);
	// n8n leaves an empty object out of the request; a search without criteria must still send
	// its JSON body `{}`.
	const emptyBody =
		!!request.body &&
		typeof request.body === 'object' &&
		!Array.isArray(request.body) &&
		Object.keys(request.body).length === 0;
	return await coreRequest<T>(ctx, flowVendor, {
		method,
		url: `${conn.baseUrl}/tenants/${tenant}${path}`,
		headers: {
			'User-Agent': PACKAGE_AGENT,
			...(emptyBody ? { 'Content-Type': 'application/json' } : {}),
		},
		rateLimitKey: `flow:${conn.tenantUid}`,
		...vendorRequestFields(ctx, emptyBody ? { ...request, body: '{}' } : request),
	});
}
