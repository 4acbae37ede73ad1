import type { IDataObject, IHttpRequestMethods, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	JTL_BETA_API,
	JTL_PRODUCTION_API,
} from '../../../credentials/JtlWawiOAuth2Api.credentials';
import type { VendorErrorText } from '../../shared/errors';
import { unexpectedAnswer } from '../../shared/errors';
import type { CoreResponse, RequestContext, VendorProfile } from '../../shared/http';
import { coreRequest } from '../../shared/http';
import { PACKAGE_AGENT, PACKAGE_VERSION } from '../../shared/package';
import { UUID_PATTERN } from '../../shared/validation';

export const JTL_CREDENTIAL_TYPE = 'jtlWawiOAuth2Api';

/** The largest page requested from JTL; no maximum is documented, 100 is the v2 default. */
export const JTL_PAGE_SIZE_MAX = 100;

function pick(body: IDataObject, ...names: string[]): unknown {
	for (const name of names) if (body[name] !== undefined && body[name] !== null) return body[name];
	return undefined;
}

/**
 * JTL error bodies: v1 `{ErrorCode, ErrorMessage, ValidationErrors}`, v2 the same in camelCase,
 * some gateways `{Errors: {...}}` or a plain string.
 */
export function parseJtlError(
	body: unknown,
	status: number | undefined,
): VendorErrorText | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text || text.startsWith('<')) return undefined;
		return { message: `JTL-Wawi: ${text.slice(0, 300)}` };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const b = body as IDataObject;
	const code = pick(b, 'ErrorCode', 'errorCode', 'code');
	const text = pick(b, 'ErrorMessage', 'errorMessage', 'message', 'error_description', 'title');
	const fieldErrors = pick(b, 'ValidationErrors', 'validationErrors', 'Errors', 'errors');
	const details: string[] = [];
	if (fieldErrors && typeof fieldErrors === 'object') {
		for (const [field, value] of Object.entries(fieldErrors as IDataObject)) {
			const messages = Array.isArray(value) ? value.join(', ') : String(value);
			details.push(`${field}: ${messages}`);
		}
	}
	if (!text && !code && details.length === 0) return undefined;
	const head = text ? String(text) : `HTTP ${status ?? ''} ${code ?? ''}`.trim();
	return {
		message: `JTL-Wawi: ${head}${code ? ` [${String(code)}]` : ''}`,
		description: details.length ? `Field errors: ${details.join('; ')}.` : undefined,
	};
}

export const jtlVendor: VendorProfile = {
	name: 'JTL-Wawi',
	credentialType: JTL_CREDENTIAL_TYPE,
	rateLimitHeaders: {
		remaining: 'x-ratelimit-remaining',
		reset: 'x-ratelimit-reset',
		interval: 'x-ratelimit-interval-length-seconds',
	},
	parseError: parseJtlError,
	statusHints: {
		401: 'Authentication failed. Check the credential (client ID, secret, tenant).',
		402: 'No licence is available, or the app has not been authorised for this tenant.',
		403: 'The credential is not allowed to do this. Check the scopes granted to the app.',
	},
};

/** A 2xx answer from JTL whose body is not what the API documents. */
export function unexpectedShape(
	ctx: { getNode(): INode },
	body: unknown,
	expected: string,
	itemIndex?: number,
): ReturnType<typeof unexpectedAnswer> {
	return unexpectedAnswer(ctx, jtlVendor.name, body, expected, itemIndex);
}

interface JtlConnection {
	baseUrl: string;
	tenantId: string;
	headers: Record<string, string>;
}

async function connection(ctx: RequestContext, itemIndex?: number): Promise<JtlConnection> {
	const credentials = await ctx.getCredentials(JTL_CREDENTIAL_TYPE);
	const environment = (credentials.environment as string) ?? 'production';
	let baseUrl = JTL_PRODUCTION_API;
	if (environment === 'beta') baseUrl = JTL_BETA_API;
	if (environment === 'custom') baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const tenantId = String(credentials.tenantId ?? '').trim();
	if (!UUID_PATTERN.test(tenantId)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The JTL-Wawi credential has no valid Tenant ID: it must be a UUID',
			{
				itemIndex,
				description: 'Open the credential and enter the tenant UUID of your JTL-Wawi.',
			},
		);
	}
	if (!/^https?:\/\//.test(baseUrl)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'The JTL-Wawi credential has no valid API Base URL',
			{
				itemIndex,
				description: 'With the Custom environment, enter a URL starting with http:// or https://.',
			},
		);
	}
	return {
		baseUrl,
		tenantId,
		headers: {
			'x-tenant-id': tenantId,
			'x-appid': String(credentials.appId || PACKAGE_AGENT),
			'x-appversion': String(credentials.appVersion || PACKAGE_VERSION),
		},
	};
}

/** `/customers/12/contacts` → `/customers/{id}/contacts`: one rate-limit window per endpoint. */
function routeTemplate(path: string): string {
	return path
		.split('/')
		.map((segment) => (/^\d+$/.test(segment) || UUID_PATTERN.test(segment) ? '{id}' : segment))
		.join('/');
}

export interface JtlRequest {
	qs?: IDataObject;
	body?: unknown;
	itemIndex?: number;
}

/** One call to the JTL Cloud ERP API. `path` starts with `/` and is relative to the API base. */
export async function jtlApiRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	request: JtlRequest = {},
): Promise<CoreResponse<T>> {
	const conn = await connection(ctx, request.itemIndex);
	return await coreRequest<T>(ctx, jtlVendor, {
		method,
		url: `${conn.baseUrl}${path}`,
		qs: request.qs,
		body: request.body,
		headers: conn.headers,
		itemIndex: request.itemIndex,
		rateLimitKey: `jtl:${conn.tenantId}:${method} ${routeTemplate(path)}`,
	});
}
