import type { IDataObject } from 'n8n-workflow';

import { XENTRAL_TOKEN_HINT } from '../../../credentials/XentralApi.credentials';
import type { VendorErrorText } from '../../shared/errors';
import { unexpectedAnswerOf } from '../../shared/errors';
import type { VendorProfile } from '../../shared/http';

export const XENTRAL_CREDENTIAL_TYPE = 'xentralApi';

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
export const unexpectedShape = unexpectedAnswerOf(xentralVendor);
