/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Updated Customer with "Only When These Fields Change" against the JTL sandbox: each step
 * changes customers through JTL's API, moves the clock a minute and polls once.
 */
import type { INodeParameters } from 'n8n-workflow';

import { clock } from '../../../nodes/shared/clock';
import { useJtlSandbox } from '../../harness/jtlSuite';
import { createPoller } from '../../harness/poll';

const jtl = useJtlSandbox();
let offsetMs = 0;

afterAll(() => {
	clock.now = () => Date.now();
});

beforeEach(() => {
	offsetMs = 0;
	clock.now = () => Date.now() + offsetMs;
});

function poller(options: INodeParameters) {
	return createPoller({
		type: 'n8n-nodes-erp-customers.jtlWawiTrigger',
		parameters: { event: 'updatedCustomer', options },
		credentials: jtl.credentials(),
	});
}

async function patch(id: number, billing: Record<string, unknown>) {
	const res = await jtl.direct.call('PATCH', `/customers/${id}`, { BillingAddress: billing });
	expect(res.status).toBe(201);
}

/** Runs the changes, moves JTL's clock a minute on, polls, and returns the numbers emitted. */
async function step(trigger: ReturnType<typeof poller>, changes: () => Promise<void>) {
	await jtl.sandbox.advanceClock(5);
	offsetMs += 5000;
	await changes();
	await jtl.sandbox.advanceClock(60);
	offsetMs += 60_000;
	const out = await trigger.poll();
	return out ? out[0].map((item: any) => item.json.number ?? item.json.customerNumber) : [];
}

/** The same changes, step by step, for one setting of the options. */
async function scenario(options: INodeParameters) {
	const trigger = poller(options);
	expect(await trigger.poll()).toBeNull();
	return {
		trigger,
		emitted: [
			// First change of each customer since activation: no hash yet, emitted once.
			await step(trigger, async () => {
				await patch(3, { EmailAddress: 'three@example.com' });
				await patch(4, { EmailAddress: 'four@example.com' });
			}),
			// A field that was not chosen.
			await step(trigger, async () => await patch(3, { City: 'Potsdam' })),
			// A chosen field.
			await step(trigger, async () => {
				await patch(3, { EmailAddress: 'three.new@example.com' });
				await patch(4, { City: 'Cottbus' });
			}),
			// The same value written again.
			await step(trigger, async () => await patch(3, { EmailAddress: 'three.new@example.com' })),
		],
	};
}

describe('JTL-Wawi Trigger > Updated Customer > Only When These Fields Change', () => {
	it('emits a customer only when a chosen field changed', async () => {
		const { trigger, emitted } = await scenario({ changeFields: ['email'] });
		expect(emitted).toEqual([['K10003', 'K10004'], [], ['K10003'], []]);
		const memory = trigger.staticData().changeFilter as any;
		expect(memory.fields).toEqual(['email']);
		expect(memory.hashes.map(([id]: string[]) => id)).toHaveLength(2);
	});

	it('compares the common shape, so Simplify off filters the same', async () => {
		const { trigger, emitted } = await scenario({ changeFields: ['email'], simplify: false });
		expect(emitted).toEqual([['K10003', 'K10004'], [], ['K10003'], []]);
		// Simplify switched on: the memory still holds, the same e-mail again emits nothing.
		trigger.node.parameters.options = { changeFields: ['email'], simplify: true };
		expect(
			await step(trigger, async () => await patch(4, { EmailAddress: 'four@example.com' })),
		).toEqual([]);
		expect(
			await step(trigger, async () => await patch(4, { EmailAddress: 'vier@example.com' })),
		).toEqual(['K10004']);
	});

	it('with no field chosen, emits every change as before and keeps no memory', async () => {
		const { trigger, emitted } = await scenario({});
		expect(emitted).toEqual([['K10003', 'K10004'], ['K10003'], ['K10003', 'K10004'], ['K10003']]);
		expect(trigger.staticData().changeFilter).toBeUndefined();
	});
});
