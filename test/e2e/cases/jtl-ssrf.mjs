// Real-n8n case: n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED, off by default in n8n 2.x; the
// e2e n8n runs with it on and only the sandboxes' address allowed) blocks a credential on another
// loopback address (the token endpoint's too). The node says that n8n blocked the request and what
// the administrator can allow, sends nothing and retries nothing (docs/n8n-3.md).
import assert from 'node:assert/strict';

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'jtl';

export function cases({ jtl, workflowWithInput }) {
	let before = 0;
	return [
		{
			name: "JTL SSRF: n8n's SSRF protection blocks the API and token addresses; the node names it, sends nothing",
			node: 'JTL-Wawi',
			// Runs against the sandbox credential's copy on an address n8n's SSRF protection blocks.
			ssrfBlocked: true,
			workflow: workflowWithInput('JtlWawi/customer-get.workflow.json', 'e2eJtlSsrf', {
				customerId: 1,
			}),
			before: () => {
				before = jtl.requests.length;
			},
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error?.name, 'NodeApiError', JSON.stringify(error));
				assert.match(
					String(error.message),
					/^n8n blocked the request to JTL-Wawi: The request was blocked because it resolves to a restricted IP address/,
				);
				assert.match(String(error.description), /N8N_SSRF_ALLOWED_HOSTNAMES/);
				assert.equal(jtl.requests.length, before, 'no request reached the sandbox');
			},
		},
	];
}
