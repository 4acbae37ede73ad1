/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * JTL documents the pattern `<Field>After/Before` of `GET /v2/customers`, not which date fields it
 * has; the node sends `createdDate…` / `lastChanged…` and sorts by those names. Under the sandbox's
 * default reading the list applies them; under `--v2-list-ignores-date-fields` it ignores them, as
 * an API that knows the fields by other names and ignores unknown parameters would. Under both the
 * node must be right or fail loudly: Customer > Get Many never outputs customers outside the
 * filter or out of the order asked for, and the trigger never emits old customers as events.
 */
import { useJtlSandbox, useJtlTrigger } from '../../harness/jtlSuite';
import { isoDateOrNull } from '../../../nodes/shared/customer';

/** A v2 time as epoch ms: with an offset as it says, without one in the sandbox's zone (Berlin). */
const instant = (text: string) => Date.parse(isoDateOrNull(text, 'Europe/Berlin') ?? '');

const READINGS: Array<[string, string[], boolean]> = [
	['applies the date fields (default)', [], true],
	['applies the date fields, times without an offset', ['--offset-less-times'], true],
	['ignores the date fields', ['--v2-list-ignores-date-fields'], false],
];

describe.each(READINGS)('The v2 customer list %s', (_name, args, applies) => {
	const jtl = useJtlSandbox([...args, '--rate-limit', '0']);

	/** Every customer of the v2 list, as the sandbox holds it. */
	const everyone = async () => (await jtl.direct.get('/v2/customers?pageSize=100')).items as any[];

	it('Get Many with Changed After: only the customers changed after it, or a clear error', async () => {
		const all = await everyone();
		const dates = all.map((c) => instant(c.lastChanged)).sort((a, b) => a - b);
		const pivot = new Date(dates[Math.floor(dates.length / 2)]).toISOString();
		const expected = all.filter((c) => instant(c.lastChanged) > Date.parse(pivot));
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(all.length);

		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{ limit: 100 }], (p) => {
			p.filters = { lastChangedAfter: pivot };
		});
		if (applies) {
			expect(result.error).toBeUndefined();
			expect(
				result
					.output('JTL-Wawi')
					.map((c) => c.id)
					.sort(),
			).toEqual(expected.map((c) => c.id).sort());
		} else {
			expect(result.error).toMatchObject({
				name: 'NodeOperationError',
				message: "Changed After (item 0): JTL-Wawi's v2 customer list did not apply it",
				itemIndex: 0,
			});
			expect(result.error?.description).toMatch(/with lastChanged .* outside after /);
			expect(result.output('JTL-Wawi')).toEqual([]);
		}
	});

	it('Get Many sorted by Created Date, descending: in that order, or a clear error', async () => {
		const all = await everyone();
		// Give the customers created dates in another order than the list's own.
		for (const [i, c] of all.entries()) {
			if (i % 3 !== 0) continue;
			const res = await jtl.direct.call('PATCH', '/v2/customer/update', {
				customerId: c.id,
				createdDate: new Date(Date.UTC(2001, 0, 1 + i)).toISOString(),
			});
			expect(res.status).toBe(200);
		}
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{ limit: 100 }], (p) => {
			p.sort = { sortBy: 'createdDate', descending: true };
		});
		if (applies) {
			expect(result.error).toBeUndefined();
			const created = result.output('JTL-Wawi').map((c) => c.id);
			const truth = (await everyone())
				.sort((a, b) => instant(b.createdDate) - instant(a.createdDate))
				.map((c) => c.createdDate);
			const byId = new Map((await everyone()).map((c) => [c.id, c.createdDate]));
			expect(created.map((id) => byId.get(id))).toEqual(truth);
		} else {
			expect(result.error?.message).toBe(
				"Sort (item 0): JTL-Wawi's v2 customer list did not apply it",
			);
			expect(result.error?.description).toMatch(/not sorted by createdDate descending/);
		}
	});

	describe('JTL-Wawi Trigger', () => {
		const clocks = useJtlTrigger(jtl);

		it('New Customer: emits only the new customers, or fails the poll without emitting', async () => {
			const trigger = clocks.poller('newCustomer');
			expect(await trigger.poll()).toBeNull();
			const cursor = trigger.staticData().cursor;
			// Beyond the poll's overlap, so that the seeded customers are old.
			await clocks.advance(600);
			const res = await jtl.direct.call('POST', '/customers', {
				CustomerGroupId: 1,
				InternalCompanyId: 1,
				LanguageIso: 'de',
				Number: 'N30000',
				BillingAddress: { City: 'Görlitz', CountryIso: 'DE', LastName: 'Neu' },
			});
			expect(res.status).toBe(201);
			await clocks.advance(60);
			if (applies) {
				const emitted = (await trigger.poll())?.[0].map((i) => i.json) ?? [];
				expect(emitted.map((c) => c.number)).toEqual(['N30000']);
			} else {
				await expect(trigger.poll()).rejects.toThrow(
					"JTL-Wawi's v2 customer list did not apply the filter createdDateAfter or the sort by createdDate",
				);
				// Nothing was taken as done: the next poll reads the same window.
				expect(trigger.staticData().cursor).toBe(cursor);
				expect(trigger.staticData().processedKeys).toEqual([]);
			}
		});
	});
});
