/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { createPoller, pollThrough } from '../../harness/poll';
import { useXentralSandbox } from '../../harness/xentralSuite';

/**
 * Customers changed ahead of Xentral's clock (--future-customers: customers 24 and 25 changed 1.5
 * and 2.5 hours after the sandbox starts). New or Updated Customer ends its window at Xentral's
 * time and emits each once, when its time comes. New Customer works by ID, not by date: a
 * customer's date cannot hold it back or bring it early.
 */
const xentral = useXentralSandbox(['--future-customers', '2']);
const HOUR = 3600;

const poller = (event: string) =>
	createPoller({
		type: 'n8n-nodes-erp-customers.xentralTrigger',
		parameters: { event, options: {} },
		credentials: xentral.credentials(),
		nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
	});
const ids = (out: any) => (out ? out[0].map((i: any) => i.json.id) : []);

it('New or Updated Customer: a customer changed ahead is emitted once, when its time comes', async () => {
	await pollThrough(poller('newOrUpdatedCustomer'), xentral.sandbox.advanceClock, (c) => c.id, [
		[60, []],
		[1.5 * HOUR, ['24']],
		[0, []],
		[HOUR, ['25']],
		[0, []],
	]);
});

it('New Customer (ID watermark): dates play no part, a new customer is emitted at once', async () => {
	const trigger = poller('newCustomer');
	expect(await trigger.poll()).toBeNull();
	await xentral.direct('POST', '/api/v2/customers', {
		customerType: 'company',
		name: 'Neu AG',
		project: { id: '1' },
	});
	expect(ids(await trigger.poll())).toEqual(['26']);
	await xentral.sandbox.advanceClock(3 * HOUR);
	expect(await trigger.poll()).toBeNull();
});
