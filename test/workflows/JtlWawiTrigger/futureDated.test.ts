/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { useJtlSandbox } from '../../harness/jtlSuite';
import { createPoller, pollThrough } from '../../harness/poll';

/**
 * Customers dated ahead of JTL's clock (the sandbox's --future-customers: customers 23, 24 and 25
 * created 1, 2 and 3 hours after the sandbox starts, each changed 30 minutes after its creation):
 * the trigger's window ends at JTL's time (the answer's Date header), so each is emitted once,
 * by the first poll after its date, never before.
 */
const jtl = useJtlSandbox(['--future-customers', '3']);
const HOUR = 3600;

const poller = (event: string) =>
	createPoller({
		type: 'n8n-nodes-erp-customers.jtlWawiTrigger',
		parameters: { event, options: {} },
		credentials: jtl.credentials(),
	});
const numbers = (out: any) => (out ? out[0].map((i: any) => i.json.number) : []);

it.each([
	['newCustomer', 0],
	['updatedCustomer', HOUR / 2],
])('%s: a customer dated ahead is emitted once, when its time comes', async (event, change) => {
	await pollThrough(poller(event), jtl.sandbox.advanceClock, (c) => c.number, [
		[60, []],
		[HOUR + change, ['K10023']],
		[0, []],
		[2 * HOUR, ['K10024', 'K10025']],
		[60, []],
	]);
});

it('only the switched customers lie ahead: the seed has none after the sandbox clock', async () => {
	const fresh = createPoller({
		type: 'n8n-nodes-erp-customers.jtlWawiTrigger',
		parameters: { event: 'newCustomer', options: {} },
		credentials: jtl.credentials(),
	});
	expect(numbers(await fresh.poll('manual'))).toEqual(['K10025']);
	const newest = await jtl.direct.get('/v2/customers?sortBy=lastChanged&sortDescending=true');
	expect(Date.parse(newest.items[3].lastChanged)).toBeLessThan(Date.now());
});
