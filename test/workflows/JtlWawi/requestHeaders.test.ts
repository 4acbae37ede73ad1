/**
 * JTL's documented optional request headers: `x-companyid`, `x-runas` and `api-version` from the
 * credential (per tenant and app), `X-SessionId` from the node's Session ID (per item). Each is
 * checked against the form JTL documents before anything is sent; `x-api-key` is never sent.
 */
import { useJtlSandbox } from '../../harness/jtlSuite';
import { loadWorkflow, runWorkflow } from '../../harness/runWorkflow';

const jtl = useJtlSandbox();
const SESSION = '0b7c6a52-95b4-4c47-8d2e-3f1a2b3c4d5e';
const COMPANY_UUID = 'b45f6432-2462-4c6f-b00f-1d9d01000000';

async function runContacts(
	credential: Record<string, unknown>,
	items: object[] = [{ customerId: 1 }],
	sessionId?: string,
) {
	const workflow = loadWorkflow('JtlWawi/contact-getAll.workflow.json');
	if (sessionId !== undefined) {
		const node = workflow.nodes.find((n) => n.name === 'JTL-Wawi')!;
		node.parameters.sessionId = sessionId;
	}
	return await runWorkflow(workflow, jtl.credentials(credential), { items: items as never });
}

describe('Optional JTL request headers', () => {
	it('sends Company ID, Run As User ID and API Version from the credential on every request', async () => {
		await jtl.sandbox.clearRequests();
		const result = await runContacts({ companyId: '2', runAs: COMPANY_UUID, apiVersion: '1.0' });
		expect(result.error).toBeUndefined();
		const calls = await jtl.apiCalls();
		expect(calls.length).toBeGreaterThan(0);
		for (const call of calls) {
			expect(call.headers['x-companyid']).toBe('2');
			expect(call.headers['x-runas']).toBe(COMPANY_UUID);
			expect(call.headers['api-version']).toBe('1.0');
			expect(call.headers['x-sessionid']).toBeUndefined();
			expect(call.headers['x-api-key']).toBeUndefined();
		}
	});

	it('sends none of them when they are empty (the default)', async () => {
		await jtl.sandbox.clearRequests();
		const result = await runContacts({});
		expect(result.error).toBeUndefined();
		for (const call of await jtl.apiCalls()) {
			for (const name of ['x-companyid', 'x-runas', 'api-version', 'x-sessionid', 'x-api-key'])
				expect(call.headers[name]).toBeUndefined();
		}
	});

	it('sends the Session ID of each item as X-SessionId', async () => {
		await jtl.sandbox.clearRequests();
		const other = '7f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';
		const result = await runContacts(
			{},
			[
				{ customerId: 1, session: SESSION },
				{ customerId: 2, session: other },
			],
			'={{ $json.session }}',
		);
		expect(result.error).toBeUndefined();
		const calls = await jtl.apiCalls();
		expect(calls.map((c) => [c.path, c.headers['x-sessionid']])).toEqual([
			['/erp/customers/1/contacts', SESSION],
			['/erp/customers/2/contacts', other],
		]);
	});

	it.each([
		[
			{ companyId: 'Firma 1' },
			"The JTL-Wawi credential's Company ID must be a positive whole number or a UUID",
		],
		[
			{ runAs: '-3' },
			"The JTL-Wawi credential's Run As User ID must be a positive whole number or a UUID",
		],
		[
			{ apiVersion: 'v2' },
			"The JTL-Wawi credential's API Version must be a version such as 1.0 or 2.0",
		],
		[
			{ timeZone: 'Mitteleuropa' },
			'The JTL-Wawi credential\'s Time Zone "Mitteleuropa" is not a time zone name',
		],
	])('refuses a malformed credential value %p before any request', async (credential, message) => {
		await jtl.sandbox.clearRequests();
		const result = await runContacts(credential);
		expect(result.error?.message).toBe(message);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('refuses a Session ID that is not a UUID, naming the item, before its request', async () => {
		await jtl.sandbox.clearRequests();
		const result = await runContacts(
			{},
			[
				{ customerId: 1, session: SESSION },
				{ customerId: 2, session: 'run-42' },
			],
			'={{ $json.session }}',
		);
		expect(result.error?.message).toBe(
			'Session ID (item 1) must be a UUID such as b45f6432-2462-4c6f-b00f-1d9d01000000',
		);
		expect((await jtl.apiCalls()).map((c) => c.path)).toEqual(['/erp/customers/1/contacts']);
	});
});
