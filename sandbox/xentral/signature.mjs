// The webhook signature scheme the sandbox signs deliveries with. Xentral does not document it;
// the package assumes HMAC-SHA256 of the raw body with the registration's signature key, hex, in
// the `X-Xentral-Signature` header (see the README's assumptions). One function, so it can change.
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Xentral-Signature';

export const signBody = (rawBody, signatureKey) =>
	createHmac('sha256', signatureKey).update(rawBody, 'utf8').digest('hex');
