import { flowRetailSandboxCredential, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import { createPoller, pollThrough } from '../../harness/poll';

/**
 * Customers dated ahead of Flow Retail's clock (--future-customers: the last two seeded customers
 * created 1 and 2 hours after the sandbox starts, changed 30 minutes after that). The Poll
 * Trigger's window ends at Flow Retail's time (the Date header): each is emitted once, by the
 * first poll after its date.
 */
const flow = useFlowRetailSandbox(['--future-customers', '2']);
const HOUR = 3600;

const poller = (event: string) =>
	createPoller({
		type: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
		parameters: { event, options: {} },
		credentials: [flowRetailSandboxCredential(flow.sandbox)],
		nodeCredentials: { flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' } },
	});

it.each([
	['newCustomer', 0],
	['updatedCustomer', HOUR / 2],
])('%s: a customer dated ahead is emitted once, when its time comes', async (event, change) => {
	await pollThrough(poller(event), flow.sandbox.advanceClock, (c) => c.id, [
		[60, []],
		[HOUR + change, ['cust-0024']],
		[0, []],
		[HOUR, ['cust-0025']],
		[60, []],
	]);
});
