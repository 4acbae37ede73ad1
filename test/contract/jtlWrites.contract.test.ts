/**
 * Contract test for the write operations (contacts and customer prices): the requests the node
 * really sends, bodies included, must validate against the v1.0 OpenAPI spec. The workflows run
 * in process against the JTL sandbox; every API request they sent is then replayed to Prism (see
 * ./prism.ts for the replay and for how violations are collected).
 */

import type { IDataObject, IWorkflowBase } from 'n8n-workflow';

import { DIRECT_APP_ID, jtlDirect } from '../harness/jtlDirect';
import { loadWorkflow, runWorkflow } from '../harness/runWorkflow';
import type { Replay } from './prism';
import {
	API_PREFIX,
	describeRequest,
	expectValid,
	sendToPrism,
	toReplay,
	useSandboxAndPrism,
} from './prism';

const jtl = useSandboxAndPrism();
let direct: Awaited<ReturnType<typeof jtlDirect>>;

beforeAll(async () => {
	direct = await jtlDirect(jtl.sandbox);
});

/** Runs a workflow and returns the API requests the node sent (token and set-up calls left out). */
async function requestsOf(workflow: string | IWorkflowBase, items: IDataObject[]) {
	await jtl.sandbox.clearRequests();
	const result = await runWorkflow(
		typeof workflow === 'string' ? loadWorkflow(workflow) : workflow,
		jtl.credentials(),
		{ items },
	);
	expect(result.error).toBeUndefined();
	const calls = (await jtl.sandbox.requests()).filter(
		(r) => r.path.startsWith(`${API_PREFIX}/`) && r.headers['x-appid'] !== DIRECT_APP_ID,
	);
	expect(calls.length).toBeGreaterThan(0);
	return calls.map(toReplay);
}

async function expectAllValid(requests: Replay[]) {
	for (const request of requests) expectValid(request, await sendToPrism(jtl.prism, request));
}

function percentCreate(): IWorkflowBase {
	const workflow = loadWorkflow('JtlWawi/customerPrice-create.workflow.json');
	const node = workflow.nodes.find((n) => n.name === 'JTL-Wawi')!;
	node.parameters.priceType = 'percent';
	node.parameters.reduceStandardPriceByPercent = '={{ $json.percent }}';
	return workflow;
}

async function seededContact() {
	const [contact] = await direct.get('/customers/3/contacts');
	return { customerId: 3, contactId: contact.Id as number };
}

async function seededNetPrice() {
	const prices = await direct.get('/items/3/customerPrices');
	const price = prices.find((p: IDataObject) => (p.NetPrice as number) > 0);
	return { itemId: 3, customerId: price.CustomerId, fromQuantity: price.FromQuantity };
}

describe('JTL-Wawi write requests validate against the v1.0 OpenAPI spec (Prism mock)', () => {
	it('Contact > Create', async () => {
		const requests = await requestsOf('JtlWawi/contact-create.workflow.json', [
			{
				customerId: 3,
				salutation: 'Frau',
				firstName: 'Lena',
				lastName: 'Vogel',
				email: 'lena.vogel@example.com',
				department: 'Einkauf',
			},
		]);
		expect(requests.map(describeRequest)).toEqual(['POST /customers/3/contacts']);
		expect(Object.keys(requests[0].body as object)).toHaveLength(5);
		await expectAllValid(requests);
	});

	it('Contact > Get', async () => {
		const { customerId, contactId } = await seededContact();
		const requests = await requestsOf('JtlWawi/contact-get.workflow.json', [
			{ customerId, contactId },
		]);
		expect(requests.map(describeRequest)).toEqual([
			`GET /customers/${customerId}/contacts/${contactId}`,
		]);
		await expectAllValid(requests);
	});

	it('Contact > Update (PATCH, then the GET that reads the contact back)', async () => {
		const { customerId, contactId } = await seededContact();
		const requests = await requestsOf('JtlWawi/contact-update.workflow.json', [
			{ customerId, contactId, lastName: 'Neumann', phone: '+49 40 1234', email: '' },
		]);
		expect(requests.map(describeRequest)).toEqual([
			`PATCH /customers/${customerId}/contacts/${contactId}`,
			`GET /customers/${customerId}/contacts/${contactId}`,
		]);
		expect(requests[0].body).toEqual({
			LastName: 'Neumann',
			PhoneNumber: '+49 40 1234',
			EmailAddress: '',
		});
		await expectAllValid(requests);
	});

	it('Contact > Delete', async () => {
		const { customerId, contactId } = await seededContact();
		const requests = await requestsOf('JtlWawi/contact-delete.workflow.json', [
			{ customerId, contactId },
		]);
		expect(requests.map(describeRequest)).toEqual([
			`DELETE /customers/${customerId}/contacts/${contactId}`,
		]);
		await expectAllValid(requests);
	});

	it('Customer Price > Create (net price and percent reduction)', async () => {
		const net = await requestsOf('JtlWawi/customerPrice-create.workflow.json', [
			{ itemId: 2, customerId: 1, fromQuantity: 5, netPrice: 19.99 },
		]);
		const percent = await requestsOf(percentCreate(), [{ itemId: 2, customerId: 2, percent: 7.5 }]);
		const requests = [...net, ...percent];
		expect(requests.map(describeRequest)).toEqual([
			'POST /items/2/customerPrices',
			'POST /items/2/customerPrices',
		]);
		expect(requests.map((r) => r.body)).toEqual([
			{ CustomerId: 1, FromQuantity: 5, NetPrice: 19.99 },
			{ CustomerId: 2, FromQuantity: 0, ReduceStandardPriceByPercent: 7.5 },
		]);
		await expectAllValid(requests);
	});

	it('Customer Price > Update (PATCH, then the GET that reads the price list back)', async () => {
		const key = await seededNetPrice();
		const requests = [
			...(await requestsOf('JtlWawi/customerPrice-update.workflow.json', [
				{ ...key, netPrice: 9.5 },
			])),
			...(await requestsOf('JtlWawi/customerPrice-update.workflow.json', [
				{ ...key, priceType: 'percent', percent: 10 },
			])),
		];
		const path = `/items/3/customerPrices/${key.customerId}/${key.fromQuantity}`;
		expect(requests.map(describeRequest)).toEqual([
			`PATCH ${path}`,
			'GET /items/3/customerPrices',
			`PATCH ${path}`,
			'GET /items/3/customerPrices',
		]);
		expect([requests[0].body, requests[2].body]).toEqual([
			{ NetPrice: 9.5 },
			{ ReduceStandardPriceByPercent: 10 },
		]);
		await expectAllValid(requests);
	});

	it('Customer Price > Delete', async () => {
		const key = await seededNetPrice();
		const requests = await requestsOf('JtlWawi/customerPrice-delete.workflow.json', [key]);
		expect(requests.map(describeRequest)).toEqual([
			`DELETE /items/3/customerPrices/${key.customerId}/${key.fromQuantity}`,
		]);
		await expectAllValid(requests);
	});
});

describe('the write contract check can fail', () => {
	async function priceCreateRequest() {
		const [request] = await requestsOf('JtlWawi/customerPrice-create.workflow.json', [
			{ itemId: 2, customerId: 1, netPrice: 5 },
		]);
		// sanity: the unchanged request passes
		expectValid(request, await sendToPrism(jtl.prism, request));
		return request;
	}

	it('reports a price body without the required CustomerId', async () => {
		const request = await priceCreateRequest();
		const answer = await sendToPrism(jtl.prism, { ...request, body: { NetPrice: 5 } });
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.violations).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					message: expect.stringContaining("required property 'CustomerId'"),
				}),
			]),
		);
	});

	it('reports a from-quantity sent as text', async () => {
		const request = await priceCreateRequest();
		const answer = await sendToPrism(jtl.prism, {
			...request,
			body: { CustomerId: 1, FromQuantity: '5', NetPrice: 5 },
		});
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.violations).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ message: expect.stringMatching(/must be integer/) }),
			]),
		);
	});

	it('reports a contact field of the wrong type in a PATCH body', async () => {
		const { customerId, contactId } = await seededContact();
		const [patch] = await requestsOf('JtlWawi/contact-update.workflow.json', [
			{ customerId, contactId, lastName: 'Neumann' },
		]);
		expectValid(patch, await sendToPrism(jtl.prism, patch));
		const answer = await sendToPrism(jtl.prism, { ...patch, body: { LastName: 42 } });
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.violations).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ message: expect.stringMatching(/must be string/) }),
			]),
		);
	});
});
