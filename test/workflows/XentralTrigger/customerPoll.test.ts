import { createPoller } from '../../harness/poll';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

function poller(simplify = true) {
	return createPoller({
		type: 'n8n-nodes-erp-customers.xentralTrigger',
		parameters: { event: 'newCustomer', options: { simplify } },
		credentials: xentral.credentials(),
		nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
	});
}

const createCompany = async (name: string) =>
	(
		await xentral.direct('POST', '/api/v2/customers', {
			customerType: 'company',
			name,
			project: { id: '1' },
		})
	).location;

describe('Xentral Trigger > New Customer (ID watermark over GET /api/v2/customers)', () => {
	it('records the highest ID on the first poll, then emits each new customer once', async () => {
		const trigger = poller();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData()).toEqual({ watermark: 25 });
		expect(await trigger.poll()).toBeNull();

		await createCompany('Neu Eins GmbH');
		await createCompany('Neu Zwei GmbH');
		const out = await trigger.poll();
		expect(out?.[0].map((i) => [i.json.id, i.json.company])).toEqual([
			['26', 'Neu Eins GmbH'],
			['27', 'Neu Zwei GmbH'],
		]);
		expect(trigger.staticData()).toEqual({ watermark: 27 });
		expect(await trigger.poll()).toBeNull();

		const reads = (await xentral.apiCalls()).filter(
			(c) => c.query['filter[0][op]'] === 'greaterThan',
		);
		expect(reads[0].query).toMatchObject({
			'filter[0][key]': 'id',
			'filter[0][value]': '25',
			'order[0][field]': 'id',
			'order[0][dir]': 'asc',
			'page[size]': '50',
		});
	});

	it('reads a backlog of more than a page by keyset, each customer once', async () => {
		const trigger = poller(false);
		await trigger.poll();
		// 60 creates and the polls stay under the sandbox's 100 requests a minute.
		for (let i = 0; i < 60; i++) await createCompany(`Firma ${i}`);
		const out = await trigger.poll();
		const ids = out![0].map((i) => Number(i.json.id));
		expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => 26 + i));
		const afters = (await xentral.apiCalls())
			.filter((c) => c.query['filter[0][op]'] === 'greaterThan')
			.map((c) => c.query['filter[0][value]']);
		expect(afters).toEqual(['25', '75']);
	});

	it('keeps the watermark when a poll fails, so the next poll emits the customers', async () => {
		const trigger = poller();
		await trigger.poll();
		await createCompany('Spät GmbH');
		await xentral.sandbox.fault({
			method: 'GET',
			path: '/api/v2/customers',
			status: 403,
			times: 1,
		});
		await expect(trigger.poll()).rejects.toThrow();
		expect(trigger.staticData()).toEqual({ watermark: 25 });
		const out = await trigger.poll();
		expect(out?.[0].map((i) => i.json.company)).toEqual(['Spät GmbH']);
	});

	it('returns the newest customer in the editor without touching the state', async () => {
		const trigger = poller();
		const out = await trigger.poll('manual');
		expect(out?.[0].map((i) => i.json.id)).toEqual(['25']);
		expect(trigger.staticData()).toEqual({});
	});
});

describe('Xentral Trigger > New or Updated Customer (GET /api/v3/customers by updatedAt)', () => {
	function changedPoller() {
		return createPoller({
			type: 'n8n-nodes-erp-customers.xentralTrigger',
			parameters: { event: 'newOrUpdatedCustomer', options: {} },
			credentials: xentral.credentials(),
			nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
		});
	}

	it("records Xentral's time first, then emits each change once, by keyset over updatedAt", async () => {
		const trigger = changedPoller();
		expect(await trigger.poll()).toBeNull();
		expect(typeof trigger.staticData().cursor).toBe('string');
		await xentral.direct('PATCH', '/api/v2/customers/3', { department: 'Einkauf' });
		await createCompany('Neu GmbH');
		const out = await trigger.poll();
		expect(out?.[0].map((i) => [i.json.id, i.json.source])).toEqual([
			['3', 'xentral'],
			['26', 'xentral'],
		]);
		expect(await trigger.poll()).toBeNull();
		const reads = (await xentral.apiCalls()).filter((c) => c.path === '/api/v3/customers');
		expect(reads[0].query).toMatchObject({ sort: '-updatedAt,-id', perPage: '1' });
		expect(reads[1].query).toMatchObject({
			'filter[0][key]': 'updatedAt',
			'filter[0][op]': 'greaterThan',
			sort: 'updatedAt,id',
			perPage: '100',
		});
		expect(reads[1].headers['x-pagination']).toBe('simple');
	});

	it('names the feature flag when the instance has no v3 customer API', async () => {
		const trigger = changedPoller();
		await xentral.sandbox.fault({ method: 'GET', path: '/api/v3/customers', status: 404 });
		await expect(trigger.poll()).rejects.toThrow(
			'This Xentral instance has no v3 customer API: New or Updated Customer needs the feature flag api-v3-customers',
		);
	});
});
