/**
 * Contract test for what the node sends beyond its own fields: the optional headers from the
 * credential and the Session ID (`x-runas` and `api-version` are declared by the v1.0 spec), and
 * Extra Body Fields merged into a v1 body (checked against the spec's CreateCustomer schema).
 */

import type { IDataObject, IWorkflowBase } from 'n8n-workflow';

import { DIRECT_APP_ID } from '../harness/jtlDirect';
import { jtlSandboxCredential } from '../harness/jtlSuite';
import { loadWorkflow, runWorkflow } from '../harness/runWorkflow';
import {
	API_PREFIX,
	describeRequest,
	expectValid,
	sendToPrism,
	toReplay,
	useSandboxAndPrism,
} from './prism';

const jtl = useSandboxAndPrism();
const SESSION = '0b7c6a52-95b4-4c47-8d2e-3f1a2b3c4d5e';

async function requestsOf(
	workflow: IWorkflowBase,
	items: IDataObject[],
	credential: Record<string, unknown> = {},
) {
	await jtl.sandbox.clearRequests();
	const result = await runWorkflow(workflow, [jtlSandboxCredential(jtl.sandbox, credential)], {
		items,
	});
	expect(result.error).toBeUndefined();
	return (await jtl.sandbox.requests())
		.filter((r) => r.path.startsWith(`${API_PREFIX}/`) && r.headers['x-appid'] !== DIRECT_APP_ID)
		.map(toReplay);
}

function withParameters(file: string, parameters: IDataObject): IWorkflowBase {
	const workflow = loadWorkflow(file);
	Object.assign(workflow.nodes.find((n) => n.name === 'JTL-Wawi')!.parameters, parameters);
	return workflow;
}

describe('JTL-Wawi options validate against the v1.0 OpenAPI spec (Prism mock)', () => {
	it('the optional headers go out under the names the spec declares', async () => {
		const requests = await requestsOf(
			withParameters('JtlWawi/contact-getAll.workflow.json', { sessionId: SESSION }),
			[{ customerId: 3 }],
			{ companyId: '1', runAs: '7', apiVersion: '1.0' },
		);
		expect(requests.map(describeRequest)).toEqual(['GET /customers/3/contacts']);
		expect(requests[0].headers).toMatchObject({
			'x-runas': '7',
			'api-version': '1.0',
			'x-companyid': '1',
			'x-sessionid': SESSION,
		});
		for (const request of requests) expectValid(request, await sendToPrism(jtl.prism, request));
	});

	it("Extra Body Fields merged into Customer > Create fit the spec's CreateCustomer", async () => {
		const requests = await requestsOf(
			withParameters('JtlWawi/customer-create.workflow.json', {
				simplify: false,
				extraBodyFields: JSON.stringify({
					EbayUsername: 'nordlicht_42',
					CommercialRegisterNumber: 'HRB 4711',
					BillingAddress: { State: 'Schleswig-Holstein' },
				}),
			}),
			[{}],
		);
		const post = requests.find((r) => describeRequest(r) === 'POST /customers')!;
		expect(post.body).toMatchObject({
			EbayUsername: 'nordlicht_42',
			BillingAddress: { City: 'Kiel', State: 'Schleswig-Holstein' },
		});
		for (const request of requests) expectValid(request, await sendToPrism(jtl.prism, request));
		// The check can fail: an extra field of the wrong type is flagged.
		const wrong = await sendToPrism(jtl.prism, {
			...post,
			body: { ...(post.body as IDataObject), EbayUsername: 42 },
		});
		expect(wrong.status).toBeGreaterThanOrEqual(400);
		expect(wrong.violations).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ message: expect.stringMatching(/must be string/) }),
			]),
		);
	});
});
