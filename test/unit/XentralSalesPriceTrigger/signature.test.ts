import { createHmac } from 'node:crypto';

import {
	signatureKeyFor,
	validXentralSignature,
} from '../../../nodes/XentralSalesPriceTrigger/signature';

const key = 'k'.repeat(64);
const raw = Buffer.from('{"type":"com.xentral.salesPrice.created.v1","body":{"id":1}}');
const hmac = (body: Buffer, k = key) => createHmac('sha256', k).update(body).digest('hex');

describe('the assumed Xentral webhook signature (HMAC-SHA256 of the raw body, hex)', () => {
	it('accepts the HMAC of the exact body, with or without a sha256= prefix, in either case', () => {
		expect(validXentralSignature(raw, hmac(raw), key)).toBe(true);
		expect(validXentralSignature(raw, `sha256=${hmac(raw)}`, key)).toBe(true);
		expect(validXentralSignature(raw, hmac(raw).toUpperCase(), key)).toBe(true);
	});

	it('refuses another key, a changed body, a missing or empty signature', () => {
		expect(validXentralSignature(raw, hmac(raw, 'other-key-other-key-1'), key)).toBe(false);
		expect(validXentralSignature(Buffer.concat([raw, Buffer.from(' ')]), hmac(raw), key)).toBe(
			false,
		);
		expect(validXentralSignature(raw, undefined, key)).toBe(false);
		expect(validXentralSignature(raw, '', key)).toBe(false);
	});
});

describe('the signature key of a registration', () => {
	it('is 64 hex characters, the same for the same token and URL, different otherwise', () => {
		const key = signatureKeyFor('token-1', 'https://n8n.example.com/webhook/a/webhook');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(signatureKeyFor('token-1', 'https://n8n.example.com/webhook/a/webhook')).toBe(key);
		expect(signatureKeyFor('token-2', 'https://n8n.example.com/webhook/a/webhook')).not.toBe(key);
		expect(signatureKeyFor('token-1', 'https://n8n.example.com/webhook/b/webhook')).not.toBe(key);
	});
});
