import { hmacHex, sameSecret } from '../shared/webhooks';

/**
 * The header Xentral signs its deliveries in. Xentral does not document the scheme; the package
 * assumes HMAC-SHA256 of the raw body with the registration's signature key, as hex, in this
 * header (README: assumptions). Everything about it lives in this file, so it can change in one
 * place once Xentral documents it.
 */
export const SIGNATURE_HEADER = 'x-xentral-signature';

/**
 * The signature key registered for a webhook URL: the HMAC-SHA256 of the URL under the credential's
 * token, 64 hex characters (Xentral takes 20 to 255). Unpredictable without the token, and the
 * trigger computes it again for each delivery, so the check does not depend on the workflow's
 * static data, which n8n 2.41 does not keep for every workflow (none for an ID of more than 21
 * characters).
 * A new token (or URL) gives a new key on the next activation.
 */
export function signatureKeyFor(token: string, webhookUrl: string): string {
	return hmacHex('sha256', token, `xentral-webhook-signature-key:${webhookUrl}`);
}

/** Whether `signature` is the HMAC-SHA256 (hex) of the raw body under the signature key. */
export function validXentralSignature(
	rawBody: Buffer,
	signature: string | undefined,
	signatureKey: string,
): boolean {
	if (!signature) return false;
	const received = signature
		.trim()
		.replace(/^sha256=/i, '')
		.toLowerCase();
	return sameSecret(received, hmacHex('sha256', signatureKey, rawBody));
}
