// Real-n8n case: n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED, off by default in n8n 2.x; the
// e2e n8n runs with it on and only the sandboxes' address allowed) blocks a credential on another
// loopback address. The node says that n8n blocked the request and what the administrator can
// allow, sends nothing and retries nothing (docs/n8n-3.md).
import assert from 'node:assert/strict';

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'xentral';

export function cases({ xentral, workflowWithInput }) {
	let before = 0;
	return [
		{
			name: "xentral SSRF: n8n's SSRF protection blocks the instance's address; the node names it, sends nothing",
			node: 'Xentral',
			// Runs against the sandbox credential's copy on an address n8n's SSRF protection blocks.
			ssrfBlocked: true,
			workflow: workflowWithInput('Xentral/customer-get.workflow.json', 'e2eXentralSsrf', {
				customerId: '4',
			}),
			before: () => {
				before = xentral.requests.length;
			},
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error?.name, 'NodeApiError', JSON.stringify(error));
				assert.match(
					String(error.message),
					/^n8n blocked the request to Xentral: The request was blocked because it resolves to a restricted IP address/,
				);
				assert.match(String(error.description), /N8N_SSRF_ALLOWED_HOSTNAMES/);
				assert.equal(xentral.requests.length, before, 'no request reached the sandbox');
			},
		},
	];
}
