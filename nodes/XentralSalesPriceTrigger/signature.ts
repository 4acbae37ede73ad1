import { hmacHex, sameSecret } from '../shared/webhooks';

/**
 * The header Xentral signs its deliveries in. Xentral does not document the scheme; the package
 * assumes HMAC-SHA256 of the raw body with the registration's signature key, as hex, in this
 * header (README: assumptions). Everything about it lives in this file, so it can change in one
 * place once Xentral documents it.
 */
export const SIGNATURE_HEADER = 'x-xentral-signature';

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
