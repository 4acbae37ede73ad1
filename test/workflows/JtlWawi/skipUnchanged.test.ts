/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import type { NodeChange } from '../../harness/jtlSuite';
import { useJtlSandbox } from '../../harness/jtlSuite';
import { atVersion11, expectWrittenWithoutSkip } from '../../harness/skipUnchanged';

/**
 * Customer > Create or Update with Skip Unchanged: a customer that already holds every value of
 * the item gets no write (the sandbox's request log shows none); one changed value sends exactly
 * one PATCH; with the option off, or in a node of version 1 without it, the write goes out as
 * before.
 */
const jtl = useJtlSandbox();
const FILE = 'JtlWawi/customer-upsert.workflow.json';

/** The node at version 1.1 (a node added today), with these options and Simplify. */
const at11 = (options: Record<string, unknown> = {}, simplify = false, also?: NodeChange) =>
	atVersion11(options, (parameters, node) => {
		parameters.simplify = simplify;
		also?.(parameters, node);
	});

async function existingCustomer(number: string) {
	const first = await jtl.run(FILE, [{ number, city: 'Kiel' }], at11());
	expect(first.error).toBeUndefined();
	const [created] = first.output('JTL-Wawi') as any[];
	expect(created.unchanged).toBe(false);
	await jtl.sandbox.clearRequests();
	return created;
}

describe('Customer > Create or Update: Skip Unchanged', () => {
	it('sends no write for a customer that already holds every value, and returns it as read', async () => {
		const created = await existingCustomer('SU-1');
		const again = await jtl.run(FILE, [{ number: 'SU-1', city: 'Kiel' }], at11());
		expect(again.error).toBeUndefined();
		expect(await jtl.writes()).toEqual([]);
		const [out] = again.output('JTL-Wawi') as any[];
		const { unchanged, ...record } = out;
		expect(unchanged).toBe(true);
		expect(record).toEqual(await jtl.direct.get(`/customers/${created.Id}`));
	});

	it('sends exactly one PATCH when one value differs', async () => {
		const created = await existingCustomer('SU-2');
		const result = await jtl.run(FILE, [{ number: 'SU-2', city: 'Lübeck' }], at11());
		expect(result.error).toBeUndefined();
		const writes = await jtl.writes();
		expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
			`PATCH /erp/customers/${created.Id}`,
		]);
		const [out] = result.output('JTL-Wawi') as any[];
		expect(out).toMatchObject({ unchanged: false, BillingAddress: { City: 'Lübeck' } });
	});

	it('takes blanks around text, e-mails in another case and numbers as text as no change', async () => {
		await existingCustomer('SU-3');
		const result = await jtl.run(
			FILE,
			[{ number: 'SU-3', city: ' Kiel ' }],
			at11({}, false, (parameters) => {
				parameters.billingAddress.EmailAddress = 'Jana.Peters@NORDLICHT.example';
				parameters.billingAddress.Street = ' Hafenstraße 12';
				parameters.paymentSettings.PaymentTarget = '14';
				parameters.paymentSettings.Discount = '3.0';
			}),
		);
		expect(result.error).toBeUndefined();
		expect(await jtl.writes()).toEqual([]);
		expect((result.output('JTL-Wawi') as any[])[0].unchanged).toBe(true);
	});

	it('compares Extra Body Fields too: a new value there is a write', async () => {
		await existingCustomer('SU-4');
		const extra = (value: string) =>
			at11({}, false, (parameters) => {
				parameters.extraBodyFields = JSON.stringify({ EbayUsername: value });
			});
		const first = await jtl.run(FILE, [{ number: 'SU-4', city: 'Kiel' }], extra('shop_42'));
		expect(first.error).toBeUndefined();
		expect((await jtl.writes()).map((w) => w.method)).toEqual(['PATCH']);
		await jtl.sandbox.clearRequests();
		const same = await jtl.run(FILE, [{ number: 'SU-4', city: 'Kiel' }], extra('shop_42'));
		expect(same.error).toBeUndefined();
		expect(await jtl.writes()).toEqual([]);
	});

	it('compares a date-time as an instant: the same time in another offset is no change', async () => {
		await existingCustomer('SU-8');
		const birthday = (value: string) =>
			at11({}, false, (parameters) => {
				parameters.extraBodyFields = JSON.stringify({ Birthday: value });
			});
		const item = { number: 'SU-8', city: 'Kiel' };
		const first = await jtl.run(FILE, [item], birthday('1980-05-01T02:00:00+02:00'));
		expect(first.error).toBeUndefined();
		expect((await jtl.writes()).map((w) => w.method)).toEqual(['PATCH']);
		await jtl.sandbox.clearRequests();
		// JTL keeps the instant; the same instant written in UTC, or in New York, changes nothing.
		for (const same of ['1980-05-01T00:00:00Z', '1980-04-30T20:00:00-04:00']) {
			const result = await jtl.run(FILE, [item], birthday(same));
			expect(result.error).toBeUndefined();
			expect(await jtl.writes()).toEqual([]);
		}
		const later = await jtl.run(FILE, [item], birthday('1980-05-01T02:00:00Z'));
		expect(later.error).toBeUndefined();
		expect((await jtl.writes()).map((w) => w.method)).toEqual(['PATCH']);
	});

	it('returns the common shape with Simplify on, the same shape a write returns', async () => {
		await existingCustomer('SU-5');
		const written = await jtl.run(FILE, [{ number: 'SU-5', city: 'Husum' }], at11({}, true));
		await jtl.sandbox.clearRequests();
		const skipped = await jtl.run(FILE, [{ number: 'SU-5', city: 'Husum' }], at11({}, true));
		expect(await jtl.writes()).toEqual([]);
		const [a] = written.output('JTL-Wawi') as any[];
		const [b] = skipped.output('JTL-Wawi') as any[];
		expect(a.unchanged).toBe(false);
		expect(b.unchanged).toBe(true);
		expect({ ...b, unchanged: false }).toEqual(a);
	});

	it('keeps writing with Skip Unchanged off and in a node of version 1 (a saved workflow), unless the option is added', async () => {
		await existingCustomer('SU-7');
		const item = { number: 'SU-7', city: 'Kiel' };
		await expectWrittenWithoutSkip(jtl, FILE, item, 'JTL-Wawi', 'PATCH');
		await jtl.sandbox.clearRequests();
		const v1On = await jtl.run(FILE, [{ number: 'SU-7', city: 'Kiel' }], (parameters) => {
			parameters.options = { skipUnchanged: true };
		});
		expect(v1On.error).toBeUndefined();
		expect(await jtl.writes()).toEqual([]);
	});

	it('over many items (one read of the whole list) writes only the items that change', async () => {
		const items = Array.from({ length: 12 }, (_, i) => ({ number: `SU-M${i}`, city: 'Kiel' }));
		await jtl.run(FILE, items, at11());
		await jtl.sandbox.clearRequests();
		const next = items.map((item, i) => (i % 4 === 0 ? { ...item, city: 'Eutin' } : item));
		const result = await jtl.run(FILE, next, at11());
		expect(result.error).toBeUndefined();
		expect((await jtl.writes()).map((w) => w.method)).toEqual(['PATCH', 'PATCH', 'PATCH']);
		expect((result.output('JTL-Wawi') as any[]).map((o) => o.unchanged)).toEqual(
			next.map((_, i) => i % 4 !== 0),
		);
	});
});
