/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * New or Updated Customer (v3) with "Only When These Fields Change" against the Xentral sandbox:
 * customers changed through the v2 API, one poll after each step.
 */
import type { INodeParameters } from 'n8n-workflow';

import { createPoller } from '../../harness/poll';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

const poller = (options: INodeParameters) =>
	createPoller({
		type: 'n8n-nodes-erp-customers.xentralTrigger',
		parameters: { event: 'newOrUpdatedCustomer', options },
		credentials: xentral.credentials(),
		nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
	});

const patch = async (id: string, body: Record<string, unknown>) =>
	await xentral.direct('PATCH', `/api/v2/customers/${id}`, body);
const email = (value: string) => ({ contactDetails: { email: value } });

async function scenario(options: INodeParameters) {
	const trigger = poller(options);
	expect(await trigger.poll()).toBeNull();
	const step = async (changes: () => Promise<unknown>) => {
		await changes();
		const out = await trigger.poll();
		return out ? out[0].map((item: any) => String(item.json.id)) : [];
	};
	let created = '';
	const emitted = [
		// First change of a customer since activation: no hash yet, emitted once. A new customer
		// is always emitted.
		await step(async () => {
			await patch('3', email('three@example.com'));
			const location = (
				await xentral.direct('POST', '/api/v2/customers', {
					customerType: 'company',
					name: 'Neu GmbH',
					project: { id: '1' },
				})
			).location as string;
			created = location.split('/').pop()!;
		}),
		// A field that was not chosen (the department is not even in the common shape).
		await step(async () => {
			await patch('3', { department: 'Einkauf' });
			await patch(created, { department: 'Vertrieb' });
		}),
		await step(async () => await patch('3', email('three.new@example.com'))),
		await step(async () => await patch('3', email('three.new@example.com'))),
	];
	return { trigger, emitted, created };
}

describe('Xentral Trigger > New or Updated Customer > Only When These Fields Change', () => {
	it('emits a changed customer only when a chosen field changed; a new one always', async () => {
		const { emitted, created } = await scenario({ changeFields: ['email'] });
		expect(emitted).toEqual([['3', created], [], ['3'], []]);
	});

	it('Simplify off filters the same (the hash is taken over the common shape)', async () => {
		const { emitted, created } = await scenario({ changeFields: ['email'], simplify: false });
		expect(emitted).toEqual([['3', created], [], ['3'], []]);
	});

	it('with no field chosen, emits every change as before and keeps no memory', async () => {
		const { trigger, emitted, created } = await scenario({});
		expect(emitted).toEqual([['3', created], ['3', created], ['3'], ['3']]);
		expect(trigger.staticData().changeFilter).toBeUndefined();
	});
});
