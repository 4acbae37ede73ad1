import type { IDataObject } from 'n8n-workflow';

import type { VendorErrorText } from '../../shared/errors';
import { unexpectedAnswerOf } from '../../shared/errors';
import type { VendorProfile } from '../../shared/http';
import { oauth2Secrets } from '../../shared/secrets';

export const JTL_CREDENTIAL_TYPE = 'jtlWawiOAuth2Api';
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
export const unexpectedShape = unexpectedAnswerOf(jtlVendor);
