import type { IDataObject, IHttpRequestMethods, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	JTL_BETA_API,
	JTL_PRODUCTION_API,
	JTL_TIME_ZONE,
} from '../../../credentials/JtlWawiOAuth2Api.credentials';
import type { VendorErrorText } from '../../shared/errors';
import { unexpectedAnswer } from '../../shared/errors';
import type { CoreResponse, RequestContext, VendorProfile, VendorRequest } from '../../shared/http';
import { coreRequest, encodedPath, vendorRequestFields } from '../../shared/http';
import { PACKAGE_AGENT, PACKAGE_VERSION } from '../../shared/package';
import { oauth2Secrets } from '../../shared/secrets';
import { UUID_PATTERN, uuid, validateField } from '../../shared/validation';
import { isTimeZone } from '../../shared/customer';

export const JTL_CREDENTIAL_TYPE = 'jtlWawiOAuth2Api';

/** The largest page requested from JTL; no maximum is documented, 100 is the v2 default. */
export const JTL_PAGE_SIZE_MAX = 100;

/**
 * Pages of one list read side by side once the first page has told the total. JTL publishes no
 * limits for Cloud ERP; the rate-limit gate holds the requests when a window runs out.
 */
export const JTL_PAGE_CONCURRENCY = 4;

function pick(body: IDataObject, ...names: string[]): unknown {
	for (const name of names) if (body[name] !== undefined && body[name] !== null) return body[name];
	return undefined;
}

/**
 * A field-error list as JTL sends it: an object of field → message(s) (`ValidationErrors`, ASP.NET
 * `errors`), or the ProblemDetails array of `{name, reason}`. Returns `field: message` lines.
 */
function fieldErrorLines(errors: unknown): string[] {
	if (Array.isArray(errors)) {
		return errors.map((entry) => {
			if (!entry || typeof entry !== 'object') return String(entry);
			const e = entry as IDataObject;
			const field = pick(e, 'name', 'Name', 'field', 'propertyName');
			const reason = pick(e, 'reason', 'Reason', 'message', 'errorMessage');
			const text = reason === undefined ? JSON.stringify(e) : plain(reason);
			return field === undefined ? text : `${plain(field)}: ${text}`;
		});
	}
	if (errors && typeof errors === 'object') {
		return Object.entries(errors as IDataObject).map(
			([field, value]) =>
				`${field}: ${Array.isArray(value) ? value.map(plain).join(', ') : plain(value)}`,
		);
	}
	return [];
}

/** Ends a text with a full stop unless it ends with punctuation already. */
function sentence(text: string): string {
	return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Text of a value that may itself be structured, never `[object Object]`. */
function plain(value: unknown): string {
	return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * JTL error bodies: v1 `{ErrorCode, ErrorMessage, ValidationErrors}`, v2 the same in camelCase, v2
 * ProblemDetails `{title, detail, status, errors: [{name, reason}]}`, some gateways `{Errors: {...}}`
 * or a plain string.
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
	const detail = pick(b, 'detail', 'Detail');
	const details = fieldErrorLines(
		pick(b, 'ValidationErrors', 'validationErrors', 'Errors', 'errors'),
	);
	if (!text && !code && !detail && details.length === 0) return undefined;
	const head = text
		? plain(text)
		: detail
			? plain(detail)
			: `HTTP ${status ?? ''} ${plain(code ?? '')}`.trim();
	const description = [
		text && detail ? sentence(plain(detail)) : '',
		details.length ? sentence(`Field errors: ${details.join('; ')}`) : '',
	]
		.filter(Boolean)
		.join(' ');
	return {
		message: `JTL-Wawi: ${head}${code ? ` [${plain(code)}]` : ''}`,
		description: description || undefined,
	};
}

export const jtlVendor: VendorProfile = {
	name: 'JTL-Wawi',
	credentialType: JTL_CREDENTIAL_TYPE,
	rateLimitHeaders: {
		limit: 'x-ratelimit-limit',
		remaining: 'x-ratelimit-remaining',
		reset: 'x-ratelimit-reset',
		interval: 'x-ratelimit-interval-length-seconds',
	},
	parseError: parseJtlError,
	secretsOf: oauth2Secrets,
	credentialHint:
		'The token server answered, so JTL-Wawi is reachable. Open the JTL-Wawi credential and check Client ID and Client Secret (the Partner Portal shows the secret only once), the Environment, and with Custom also the Token URL and Scope.',
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
	/** The IANA zone in which JTL's offset-less times are read (credential: Time Zone). */
	timeZone: string;
}

/** `x-companyid` and `x-runas`: "int or uuid" (JTL's header descriptions). */
const INT_OR_UUID = new RegExp(`^(?:[1-9][0-9]{0,9}|${UUID_PATTERN.source.slice(1, -1)})$`);
/** `api-version`: major.minor, as JTL's version catalogue names them (1.0 … 2.3). */
const API_VERSION = /^[0-9]{1,2}\.[0-9]{1,2}$/;

/** The optional request headers the credential sets, with the pattern JTL documents for each. */
const OPTIONAL_HEADERS: Array<{
	field: string;
	label: string;
	header: string;
	pattern: RegExp;
	expected: string;
}> = [
	{
		field: 'companyId',
		label: 'Company ID',
		header: 'x-companyid',
		pattern: INT_OR_UUID,
		expected: 'a positive whole number or a UUID',
	},
	{
		field: 'runAs',
		label: 'Run As User ID',
		header: 'x-runas',
		pattern: INT_OR_UUID,
		expected: 'a positive whole number or a UUID',
	},
	{
		field: 'apiVersion',
		label: 'API Version',
		header: 'api-version',
		pattern: API_VERSION,
		expected: 'a version such as 1.0 or 2.0',
	},
];

function credentialError(
	ctx: RequestContext,
	message: string,
	description: string,
	itemIndex?: number,
) {
	return new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}

/**
 * The connection settings of one node run, read and decrypted once: every request of the run
 * shares them. n8n's own authentication reads the credential again for the token, which keeps
 * token renewal where n8n does it.
 */
const connections = new WeakMap<object, Promise<JtlConnection>>();

async function connection(ctx: RequestContext, itemIndex?: number): Promise<JtlConnection> {
	let known = connections.get(ctx);
	if (!known) {
		known = readConnection(ctx, itemIndex);
		connections.set(ctx, known);
		// A bad credential is reported to every item that asks, each with its own index.
		known.catch(() => connections.delete(ctx));
	}
	return await known;
}

async function readConnection(ctx: RequestContext, itemIndex?: number): Promise<JtlConnection> {
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
	const headers: Record<string, string> = {
		'x-tenant-id': tenantId,
		'x-appid': String(credentials.appId || PACKAGE_AGENT),
		'x-appversion': String(credentials.appVersion || PACKAGE_VERSION),
	};
	for (const { field, label, header, pattern, expected } of OPTIONAL_HEADERS) {
		const raw = credentials[field];
		const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
		if (value === '') continue;
		if (!pattern.test(value)) {
			throw credentialError(
				ctx,
				`The JTL-Wawi credential's ${label} must be ${expected}`,
				`Open the credential and correct ${label} (sent as the ${header} header), or leave it empty.`,
				itemIndex,
			);
		}
		headers[header] = value;
	}
	const zone = String(credentials.timeZone ?? '').trim() || JTL_TIME_ZONE;
	if (!isTimeZone(zone)) {
		throw credentialError(
			ctx,
			`The JTL-Wawi credential's Time Zone "${zone.slice(0, 60)}" is not a time zone name`,
			`Open the credential and enter an IANA time zone such as ${JTL_TIME_ZONE}.`,
			itemIndex,
		);
	}
	return { baseUrl, tenantId, headers, timeZone: zone };
}

/** The zone in which JTL's offset-less times are read: the credential's Time Zone (Europe/Berlin). */
export async function jtlTimeZone(ctx: RequestContext, itemIndex?: number): Promise<string> {
	return (await connection(ctx, itemIndex)).timeZone;
}

/** The node parameter that sets `X-SessionId` per item. */
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

/** One call to the JTL Cloud ERP API. `path` starts with `/` and is relative to the API base. */
export async function jtlApiRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: JtlPath,
	request: JtlRequest = {},
): Promise<CoreResponse<T>> {
	const conn = await connection(ctx, request.itemIndex);
	const session = sessionHeader(ctx, request.itemIndex);
	return await coreRequest<T>(ctx, jtlVendor, {
		method,
		url: `${conn.baseUrl}${path}`,
		headers: { ...conn.headers, ...session },
		rateLimitKey: `jtl:${conn.tenantId}:${method} ${routeTemplate(path)}`,
		...vendorRequestFields(ctx, request),
	});
}
