// OAuth2 client-credentials token endpoint, bearer-token checks and the gateway's header checks.
import { randomBytes } from 'node:crypto';

import { ApiError } from '../shared/errors.mjs';
import { maskFields } from '../shared/requestLog.mjs';

const oauthError = (status, error, description, headers) => ({
	status,
	body: description ? { error, error_description: description } : { error },
	headers: { 'Cache-Control': 'no-store', ...headers },
});

function parseBasic(header) {
	const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
	if (!match) return null;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return null;
	const decode = (s) => {
		try {
			return decodeURIComponent(s.replace(/\+/g, ' '));
		} catch {
			return s;
		}
	};
	return {
		raw: [decoded.slice(0, colon), decoded.slice(colon + 1)],
		decoded: [decode(decoded.slice(0, colon)), decode(decoded.slice(colon + 1))],
	};
}

export function issueToken(state, options, nowMs) {
	const token = `sbx.${randomBytes(24).toString('base64url')}`;
	state.tokens.set(token, nowMs + options.tokenTtlSeconds * 1000);
	state.tokensIssued++;
	return token;
}

/**
 * POST /oauth2/token: form-encoded grant_type=client_credentials, client credentials only via HTTP Basic.
 * @returns {{ status, body, headers }}
 */
export function tokenResponse({ method, headers, parsed, state, options, nowMs }) {
	if (method !== 'POST') return oauthError(405, 'invalid_request', 'use POST', { Allow: 'POST' });
	if (parsed.kind !== 'form' && parsed.kind !== 'empty') {
		return oauthError(
			400,
			'invalid_request',
			'Content-Type must be application/x-www-form-urlencoded',
		);
	}
	const form = parsed.value ?? {};
	if (Object.hasOwn(form, 'client_id') || Object.hasOwn(form, 'client_secret')) {
		return oauthError(
			400,
			'invalid_request',
			'client credentials must be sent with HTTP Basic authentication',
		);
	}
	const basic = parseBasic(headers.authorization);
	const ok =
		basic &&
		[basic.raw, basic.decoded].some(
			([id, secret]) => id === options.clientId && secret === options.clientSecret,
		);
	if (!ok)
		return oauthError(401, 'invalid_client', undefined, {
			'WWW-Authenticate': 'Basic realm="jtl-sandbox"',
		});
	if (!form.grant_type) return oauthError(400, 'invalid_request', 'grant_type is required');
	if (form.grant_type !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
	return {
		status: 200,
		headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
		body: {
			access_token: issueToken(state, options, nowMs),
			token_type: 'Bearer',
			expires_in: options.tokenTtlSeconds,
			scope: '',
		},
	};
}

/** True when the Authorization header carries a token this sandbox issued and that has not expired. */
export function bearerIsValid(state, header, nowMs) {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
	if (!match) return false;
	const expiresAt = state.tokens.get(match[1]);
	return expiresAt !== undefined && nowMs < expiresAt;
}

const INT_OR_UUID = /^(?:\d{1,10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The optional headers of the seeds, in the form they document: `x-runas` and `x-companyid` "int or
 * uuid", `X-SessionId` a uuid. A value of another form is refused (400) rather than ignored.
 */
const OPTIONAL_HEADERS = [
	['x-runas', INT_OR_UUID, 'a user ID (int or uuid)'],
	['x-companyid', INT_OR_UUID, 'a company ID (int or uuid)'],
	['x-sessionid', UUID, 'a uuid'],
];

function checkOptionalHeaders(headers) {
	for (const [name, pattern, expected] of OPTIONAL_HEADERS) {
		const value = headers[name];
		if (value !== undefined && !pattern.test(value.trim())) {
			throw new ApiError(400, 'InvalidHeader', `Invalid ${name} header`, {
				[name]: `The ${name} header must be ${expected}.`,
			});
		}
	}
}

/** Copy of a token-request body (form, JSON or text) for the log, with the client secret masked. */
export const maskTokenBody = (body) => maskFields(body, ['client_secret']);

/**
 * The gateway checks for /erp/**, in order: bearer token (401, no body), tenant (401/402, always
 * PascalCase), app headers (400). Returns an answer when the request is refused.
 */
export function authenticate({ headers, state, options, now }) {
	if (!bearerIsValid(state, headers.authorization, now())) {
		return { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };
	}
	const tenant = headers['x-tenant-id'];
	if (!tenant) {
		const body = { ErrorCode: 'TenantIdMissing', ErrorMessage: 'Missing X-Tenant-ID header' };
		return { status: 401, body };
	}
	if (tenant.toLowerCase() !== options.tenantId.toLowerCase()) {
		const message = 'No licence available or the app has not been authorised by JTL.';
		return { status: 402, body: { ErrorCode: 'NoLicence', ErrorMessage: message } };
	}
	checkOptionalHeaders(headers);
	if (!options.requireAppHeaders) return undefined;
	for (const name of ['x-appid', 'x-appversion']) {
		if (!headers[name]) {
			throw new ApiError(400, 'MissingHeader', `Missing ${name} header`, {
				[name]: `The ${name} header is required.`,
			});
		}
	}
	return undefined;
}
