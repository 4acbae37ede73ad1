/**
 * Contract test for the customer operations that use REST v1: every request they send (reference
 * lists, search, create, update, delete) is replayed to Prism against the v1.0 OpenAPI spec. The
 * v2 requests (Update, Get/Delete by UUID, the v2 list, addresses) are not in that spec.
 */

import type { IDataObject, IWorkflowBase } from 'n8n-workflow';

import { loadWorkflow, runWorkflow } from '../harness/runWorkflow';
import { API_PREFIX, expectValid, sendToPrism, toReplay, useSandboxAndPrism } from './prism';

const jtl = useSandboxAndPrism();

/** Simplify looks the UUID up in the v2 list, which the v1.0 spec does not cover: off here. */
const v1Only = (p: IDataObject) => {
	p.simplify = false;
};

async function replayed(file: string, items: IDataObject[], change?: (p: IDataObject) => void) {
	const workflow: IWorkflowBase = loadWorkflow(file);
	if (change) change(workflow.nodes.find((n) => n.name === 'JTL-Wawi')!.parameters as IDataObject);
	await jtl.sandbox.clearRequests();
	const result = await runWorkflow(workflow, jtl.credentials(), { items });
	expect(result.error).toBeUndefined();
	const requests = (await jtl.sandbox.requests())
		.filter((r) => r.path.startsWith(`${API_PREFIX}/`))
		.map(toReplay);
	for (const request of requests) expectValid(request, await sendToPrism(jtl.prism, request));
	return requests.map((r) => `${r.method} ${r.path}`);
}

describe('JTL-Wawi customer requests (v1) validate against the v1.0 OpenAPI spec', () => {
	it('Customer > Create: reference lists, then POST /customers with its body', async () => {
		const sent = await replayed('JtlWawi/customer-create.workflow.json', [{}], (p) => {
			(p.additionalFields as IDataObject).CustomerCategoryId = 1;
			(p.paymentSettings as IDataObject).PaymentMethodId = 2;
			p.shippingAddress = { City: 'Hamburg', CountryIso: 'DE', Street: 'Kai 1' };
			p.options = { disableAutomaticWorkflows: true };
		});
		expect(sent).toEqual([
			'GET /customerGroups',
			'GET /companies',
			'GET /customerCategories',
			'GET /paymentMethods',
			'POST /customers',
		]);
	});

	it('Customer > Create or Update: search by number, then PATCH /customers/{id}', async () => {
		const sent = await replayed('JtlWawi/customer-upsert.workflow.json', [{ number: 'K10003' }]);
		expect(sent.slice(-2)).toEqual(['GET /customers', 'PATCH /customers/3']);
	});

	it('Customer > Get by numeric ID', async () => {
		expect(
			await replayed('JtlWawi/customer-get.workflow.json', [{ customerId: 1 }], v1Only),
		).toEqual(['GET /customers/1']);
	});

	it('Customer > Get Many with search filters', async () => {
		const sent = await replayed('JtlWawi/customer-getAll.workflow.json', [{ limit: 5 }], (p) => {
			p.filters = { searchKeyWord: 'GmbH', groupId: 1, categoryId: 1, number: 'K10001' };
			v1Only(p);
		});
		expect(sent).toEqual(['GET /customers']);
	});

	it('Customer > Delete by numeric ID', async () => {
		expect(await replayed('JtlWawi/customer-delete.workflow.json', [{ customerId: 6 }])).toEqual([
			'DELETE /customers/6',
		]);
	});

	it('Address > Get Many by numeric ID', async () => {
		expect(await replayed('JtlWawi/address-getAll.workflow.json', [{ customerId: 2 }])).toEqual([
			'GET /customers/2',
		]);
	});
});
