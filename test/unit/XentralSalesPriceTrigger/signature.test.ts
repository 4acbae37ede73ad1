import { createHmac } from 'node:crypto';

import { validXentralSignature } from '../../../nodes/XentralSalesPriceTrigger/signature';

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
