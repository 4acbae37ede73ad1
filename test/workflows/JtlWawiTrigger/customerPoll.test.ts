/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { simplifyCustomerV2 } from '../../../nodes/JtlWawi/helpers/simplify';
import { clock } from '../../../nodes/shared/clock';
import { useJtlSandbox } from '../../harness/jtlSuite';
import { createPoller } from '../../harness/poll';

const TYPE = 'n8n-nodes-erp-customers.jtlWawiTrigger';

const jtl = useJtlSandbox();
/** How far the sandbox clock was moved ahead; the trigger's clock follows it. */
let offsetMs = 0;

afterAll(() => {
	clock.now = () => Date.now();
});

beforeEach(() => {
	offsetMs = 0;
	clock.now = () => Date.now() + offsetMs;
});

async function advance(seconds: number) {
	await jtl.sandbox.advanceClock(seconds);
	offsetMs += seconds * 1000;
}

function poller(parameters: Record<string, any>) {
	return createPoller({
		type: TYPE,
		parameters,
		credentials: jtl.credentials(),
	});
}

/** The v2 record of the v1 customer with this numeric ID (customer numbers are K1000n). */
async function v2Customer(v1Id: number) {
	const v1 = (await jtl.direct.get(`/customers/${v1Id}`)) as any;
	const list = (await jtl.direct.get('/v2/customers?pageSize=100')) as any;
	const ref = list.items.find((c: any) => c.customerNumber === v1.Number);
	return (await jtl.direct.get(`/v2/customers/${ref.id}`)) as any;
}

async function createCustomer(city: string) {
	const res = await jtl.direct.call('POST', '/customers', {
		CustomerGroupId: 1,
		InternalCompanyId: 1,
		LanguageIso: 'de',
		BillingAddress: { City: city, CountryIso: 'DE', LastName: 'Neukunde' },
	});
	expect(res.status).toBe(201);
	return res.body.Id as number;
}

async function patchCustomer(id: number, body: Record<string, unknown>) {
	const res = await jtl.direct.call('PATCH', `/customers/${id}`, body);
	expect(res.status).toBe(201);
}

describe('JTL-Wawi Trigger against the sandbox', () => {
	it('Updated Customer: first poll stores the cursor, then emits exactly the changed customers once', async () => {
		const trigger = poller({ event: 'updatedCustomer', options: {} });
		await jtl.sandbox.clearRequests();
		expect(await trigger.poll()).toBeNull();
		expect(await jtl.apiCalls()).toHaveLength(1); // asks for JTL's time and newest customer
		const cursor = trigger.staticData().cursor as string;
		expect(Date.parse(cursor)).toBeGreaterThan(0);

		await advance(5);
		await patchCustomer(3, { Website: 'https://changed-3.example.com' });
		await advance(2);
		await patchCustomer(5, { BillingAddress: { City: 'Potsdam' } });
		await createCustomer('Leipzig'); // new, never changed: not an "updated" event
		await advance(60);

		const result = await trigger.poll();
		const expected = [await v2Customer(3), await v2Customer(5)];
		// The trigger emits the v2 record's own IDs; no lookup per emitted customer.
		expect(result?.[0].map((i) => i.json)).toEqual(
			expected.map((c) => ({ ...simplifyCustomerV2(c), legacyId: null })),
		);
		expect(result?.[0][1].json.city).toBe('Potsdam');

		await advance(60);
		await jtl.sandbox.clearRequests();
		expect(await trigger.poll()).toBeNull();
		const calls = await jtl.apiCalls();
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'GET', path: '/erp/v2/customers', status: 200 });
		expect(calls[0].query).toMatchObject({
			sortBy: 'lastChanged,id',
			sortDescending: 'false',
			pageNumber: '1',
			pageSize: '100',
		});
		// The window reaches 5 minutes behind the previous poll, but not before the first one.
		expect(calls[0].query.lastChangedAfter).toBe(new Date(Date.parse(cursor) - 1).toISOString());
		expect(calls[0].query.lastChangedBefore).toBeUndefined();
	});

	it("takes the first poll's time from JTL's clock: with n8n 2 minutes ahead, nothing is lost", async () => {
		clock.now = () => Date.now() + offsetMs + 2 * 60_000;
		const trigger = poller({ event: 'updatedCustomer', options: {} });
		expect(await trigger.poll()).toBeNull();
		const sandboxNow = Date.now() + offsetMs;
		expect(
			Math.abs(Date.parse(trigger.staticData().startedAt as string) - sandboxNow),
		).toBeLessThan(3000);
		await advance(2);
		await patchCustomer(7, { Website: 'https://first-minutes.example.com' });
		await advance(10);
		const result = await trigger.poll();
		expect(result?.[0].map((i) => i.json.id)).toEqual([(await v2Customer(7)).id]);
	});

	it('New Customer emits a created customer once (full record with Simplify off), not a changed one', async () => {
		const trigger = poller({ event: 'newCustomer', options: { simplify: false } });
		expect(await trigger.poll()).toBeNull();
		await advance(3);
		const id = await createCustomer('Dresden');
		await patchCustomer(2, { Website: 'https://changed-2.example.com' });
		await advance(60);

		const result = await trigger.poll();
		expect(result?.[0].map((i) => i.json)).toEqual([await v2Customer(id)]);

		await patchCustomer(id, { Website: 'https://new-and-changed.example.com' });
		await advance(60);
		await jtl.sandbox.clearRequests();
		expect(await trigger.poll()).toBeNull();
		expect(await jtl.apiCalls()).toHaveLength(1);
	});

	it('a change stamped before the cursor but inside the overlap is caught once', async () => {
		const trigger = poller({ event: 'updatedCustomer', options: {} });
		expect(await trigger.poll()).toBeNull();
		await advance(120);
		expect(await trigger.poll()).toBeNull(); // cursor = t0 + 120 s
		// A write that commits late: stamped 60 s before that cursor.
		await jtl.sandbox.advanceClock(-60);
		await patchCustomer(4, { Website: 'https://late.example.com' });
		await jtl.sandbox.advanceClock(60);
		await advance(30);
		const result = await trigger.poll();
		expect(result?.[0].map((i) => i.json.id)).toEqual([(await v2Customer(4)).id]);
		await advance(30);
		expect(await trigger.poll()).toBeNull();
	});

	it('manual mode returns the newest customer and leaves the static data alone', async () => {
		const trigger = poller({ event: 'updatedCustomer', options: {} });
		await patchCustomer(6, { Website: 'https://newest.example.com' });
		const result = await trigger.poll('manual');
		expect(result?.[0]).toHaveLength(1);
		expect(result?.[0][0].json).toEqual({
			...simplifyCustomerV2(await v2Customer(6)),
			legacyId: null,
		});
		expect(trigger.staticData()).toEqual({});
	});

	it('a failing page keeps the cursor, and the next poll reads the window again', async () => {
		const trigger = poller({ event: 'updatedCustomer', options: {} });
		expect(await trigger.poll()).toBeNull();
		await advance(5);
		await patchCustomer(8, { Website: 'https://retry.example.com' });
		await advance(60);
		const before = JSON.parse(JSON.stringify(trigger.staticData()));
		await jtl.sandbox.fault({ method: 'GET', path: '/erp/v2/customers', status: 400, times: 1 });
		await expect(trigger.poll()).rejects.toThrow();
		expect(JSON.parse(JSON.stringify(trigger.staticData()))).toEqual(before);
		const result = await trigger.poll();
		expect(result?.[0].map((i) => i.json.id)).toEqual([(await v2Customer(8)).id]);
	});
});
