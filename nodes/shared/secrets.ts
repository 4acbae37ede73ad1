import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const MASK = '***';

/** Keys whose value is a credential wherever they appear in a body or header map. */
const SECRET_KEY =
	/^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|access_token|refresh_token|id_token|client_secret|password|token)$/i;

/** Patterns of credentials in free text: an auth scheme's value, a JSON or form field. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
	[/\b(Bearer|bearer|BEARER|Basic|BASIC|Digest)(\s+|%20|\+)[A-Za-z0-9._~+/=:%-]+/g, `$1$2${MASK}`],
	[
		/("(?:authorization|proxy-authorization|cookie|x-api-key|api[-_]?key|access_token|refresh_token|id_token|client_secret|password)\\?"\s*:\s*\\?")(?:[^"\\]|\\[^"])*/gi,
		`$1${MASK}`,
	],
	[
		/\b(authorization|access_token|refresh_token|id_token|client_secret|password|api[-_]?key)=[^&\s"',;]+/gi,
		`$1=${MASK}`,
	],
];

/** The forms a secret may take in an echoed request: as is, URL-encoded, JSON-escaped. */
function variants(secret: string): string[] {
	const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
	return [...forms].filter((form) => form.length >= 4);
}

/** Replaces every known secret and every credential-looking value in a text. */
export function scrubText(text: string, secrets: readonly string[] = []): string {
	let out = text;
	for (const secret of secrets) {
		for (const form of variants(secret)) out = out.split(form).join(MASK);
	}
	for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
	return out;
}

/** A deep copy of a value with every string scrubbed and every credential-named key masked. */
export function scrubValue<T>(value: T, secrets: readonly string[] = [], depth = 0): T {
	if (typeof value === 'string') return scrubText(value, secrets) as T;
	if (!value || typeof value !== 'object' || depth > 20) return value;
	if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, depth + 1)) as T;
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
		out[key] =
			SECRET_KEY.test(key) && v !== null && v !== undefined && v !== ''
				? MASK
				: scrubValue(v, secrets, depth + 1);
	}
	return out as T;
}

/**
 * Scrubs an error in place before it leaves the core: message, description, stack, the stored
 * body (`errorResponse`), `messages`, `context` and the `cause` chain.
 */
export function scrubError<E>(error: E, secrets: readonly string[] = []): E {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const e = current as Record<string, unknown>;
		for (const key of ['message', 'description', 'stack']) {
			if (typeof e[key] === 'string') e[key] = scrubText(e[key] as string, secrets);
		}
		for (const key of ['errorResponse', 'messages', 'context', 'response', 'config', 'body']) {
			if (e[key] !== undefined && e[key] !== null) e[key] = scrubValue(e[key], secrets);
		}
		current = e.cause;
	}
	return error;
}

/** The `Basic` values a client ID and secret give, as OAuth2 clients encode them. */
function basicValues(id: string, secret: string): string[] {
	const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
	const pairs = [`${id}:${secret}`, `${encode(id)}:${encode(secret)}`];
	return pairs.map((pair) => Buffer.from(pair, 'utf8').toString('base64'));
}

/**
 * The known secret values of an OAuth2 credential: the client secret, the Basic value of client
 * ID and secret, and the access and refresh tokens n8n stored for it.
 */
export function oauth2Secrets(credentials: ICredentialDataDecryptedObject): string[] {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	const secret = text(credentials.clientSecret);
	const tokens = (credentials.oauthTokenData ?? {}) as Record<string, unknown>;
	return [
		secret,
		...(secret ? basicValues(text(credentials.clientId), secret) : []),
		text(tokens.access_token),
		text(tokens.refresh_token),
	].filter((value) => value.length >= 4);
}
