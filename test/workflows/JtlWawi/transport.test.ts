/** The JTL transport against the sandbox: client-credentials token, renewal, credential checks. */
import { useJtlSandbox } from '../../harness/jtlSuite';
import { loadWorkflow, runWorkflow } from '../../harness/runWorkflow';

const jtl = useJtlSandbox();

describe('Authentication against the sandbox', () => {
	it('fetches a client-credentials token once with HTTP Basic and reuses it', async () => {
		const shared = await import('../../harness/credentialsHelper');
		const helper = new shared.TestCredentialsHelper(jtl.credentials());
		await runWorkflow(loadWorkflow('JtlWawi/contact-getAll.workflow.json'), helper, {
			items: [{ customerId: 1 }],
		});
		await runWorkflow(loadWorkflow('JtlWawi/contact-getAll.workflow.json'), helper, {
			items: [{ customerId: 2 }],
		});
		const state = (await jtl.sandbox.control('GET', 'state')) as { tokensIssued: number };
		expect(state.tokensIssued).toBe(1);
		expect(helper.tokenUpdates).toBe(1);
	});

	it('renews an expired token and repeats the request once', async () => {
		const shared = await import('../../harness/credentialsHelper');
		const helper = new shared.TestCredentialsHelper(jtl.credentials());
		const first = await runWorkflow(loadWorkflow('JtlWawi/contact-getAll.workflow.json'), helper, {
			items: [{ customerId: 1 }],
		});
		expect(first.error).toBeUndefined();
		await jtl.sandbox.advanceClock(7200);
		const second = await runWorkflow(loadWorkflow('JtlWawi/contact-getAll.workflow.json'), helper, {
			items: [{ customerId: 1 }],
		});
		expect(second.error).toBeUndefined();
		expect(second.output('JTL-Wawi')).toEqual(first.output('JTL-Wawi'));
		const state = (await jtl.sandbox.control('GET', 'state')) as { tokensIssued: number };
		expect(state.tokensIssued).toBe(2);
	});

	it('fails with a clear error when the tenant ID in the credential is not a UUID', async () => {
		await jtl.sandbox.clearRequests();
		const result = await runWorkflow(
			loadWorkflow('JtlWawi/contact-getAll.workflow.json'),
			jtl.credentials({ tenantId: 'my-shop' }),
		);
		expect(result.error?.message).toBe(
			'The JTL-Wawi credential has no valid Tenant ID: it must be a UUID',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('reports wrong client credentials without leaking the secret', async () => {
		const result = await runWorkflow(
			loadWorkflow('JtlWawi/contact-getAll.workflow.json'),
			jtl.credentials({ clientSecret: 'wrong-secret-value' }),
		);
		expect(result.error).toBeDefined();
		expect(JSON.stringify(result.error)).not.toContain('wrong-secret-value');
		// The token server answered: a refused credential, not a network failure.
		expect(result.error?.message).toMatch(
			/^JTL-Wawi refused the credential: the token endpoint did not accept it \((HTTP 401|invalid_client)/,
		);
		expect(result.error?.message).not.toMatch(/could not be reached/);
		expect((result.error as { description?: string }).description).toContain(
			'check Client ID and Client Secret',
		);
	});
});
