// Real-n8n end-to-end for the Xentral triggers, in `n8n start` against the Xentral sandbox:
// - the credential test in the editor (a good token, and a revoked one with the message that says
//   where to issue a new one);
// - Xentral Trigger (New Customer): activated, its first poll records the highest ID, a customer
//   created afterwards is emitted once by n8n's own scheduler;
// - Xentral Sales Price Trigger: activation registers a webhook with a generated key, the sandbox's
//   signed delivery runs the workflow, a forged delivery is refused, deactivation removes it.
// Never shipped.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { freePort, n8nCli, n8nEnv } from '../../scripts/n8n-runtime.mjs';
import { ALL_IN_ONE, forPackage } from '../../scripts/packages.mjs';
import {
	xentralSalesPriceTriggerWorkflow,
	xentralSandboxCredentialFile,
	xentralTriggerWorkflow,
} from '../../systems/xentral.mjs';
import { restClient } from './trigger.mjs';

const POLL_ID = 'e2eXentralTrigger';
const HOOK_ID = 'e2eXentralPriceHook';
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (msg) => process.stdout.write(`     [xentral trigger] ${msg}\n`);

/** Polls `probe` until it gives a truthy value, or fails naming `what`. */
async function waitFor(what, ms, probe, stepMs = 500) {
	const end = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > end) throw new Error(`no ${what} within ${ms} ms`);
		await pause(stepMs);
	}
}

const salesPriceTriggerWorkflow = () => ({
	...xentralSalesPriceTriggerWorkflow(['created', 'deleted']),
	id: HOOK_ID,
});

async function api(xentral, method, apiPath, body) {
	const res = await fetch(`${xentral.url}${apiPath}`, {
		method,
		headers: {
			authorization: `Bearer ${xentral.credentials.token}`,
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	return res.status;
}

export async function runXentralTriggerE2E({ runtime, home, xentral, packageName = ALL_IN_ONE }) {
	const work = path.join(home, 'xentral-trigger-e2e');
	mkdirSync(work, { recursive: true });
	for (const wf of [{ ...xentralTriggerWorkflow(), id: POLL_ID }, salesPriceTriggerWorkflow()].map(
		(w) => forPackage(w, packageName),
	)) {
		const file = path.join(work, `${wf.id}.json`);
		writeFileSync(file, JSON.stringify(wf, null, 2));
		const res = await n8nCli(runtime, home, ['import:workflow', `--input=${file}`]);
		assert.equal(res.code, 0, `import ${wf.id}: ${res.stdout}\n${res.stderr}`);
	}

	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const n8n = spawn(runtime.node, [runtime.n8nBin, 'start'], {
		env: n8nEnv(runtime, home, {
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `${url}/`,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	n8n.stdout.on('data', (d) => (log += d));
	n8n.stderr.on('data', (d) => (log += d));
	const gone = new Promise((resolve) => n8n.once('exit', resolve));
	const rest = restClient(url);
	const { call } = rest;
	const executionsOrNone = async () => {
		try {
			const filter = encodeURIComponent(JSON.stringify({ workflowId: HOOK_ID }));
			return (await call('GET', `/executions?filter=${filter}`)).body?.data?.results ?? [];
		} catch {
			return [];
		}
	};

	try {
		await waitFor('n8n health', 120_000, async () => {
			if (n8n.exitCode !== null) throw new Error(`n8n exited with ${n8n.exitCode}`);
			return await fetch(`${url}/healthz`)
				.then((r) => r.ok)
				.catch(() => false);
		});
		// The same owner as the other trigger runs, which may share this n8n folder.
		await rest.login();

		// The credential's Test button.
		const credential = xentralSandboxCredentialFile(xentral);
		const good = await waitFor('a credential test verdict', 30_000, async () => {
			const res = await call('POST', '/credentials/test', { credentials: credential });
			return res.status === 200 && res.body?.data?.status ? res.body.data : undefined;
		});
		assert.equal(good.status, 'OK', `credential test: ${JSON.stringify(good)}`);
		const revoked = await call('POST', '/credentials/test', {
			credentials: { ...credential, data: { ...credential.data, token: 'sandbox-expired-token' } },
		});
		assert.equal(revoked.body?.data?.status, 'Error');
		assert.match(String(revoked.body?.data?.message), /Personal Access Tokens/);
		assert.ok(!JSON.stringify(revoked.body).includes('sandbox-expired-token'));
		say('credential test: OK, and a revoked token says where to issue a new one');

		const executions = async (id) => {
			const filter = encodeURIComponent(JSON.stringify({ workflowId: id }));
			const res = await call('GET', `/executions?filter=${filter}`);
			return res.body?.data?.results ?? [];
		};
		const flatted = createRequire(path.join(runtime.n8nDir, 'package.json'))('flatted');
		const emitted = async (executionId, node) => {
			const one = await call('GET', `/executions/${executionId}`);
			return flatted
				.parse(one.body.data.data)
				.resultData.runData[node][0].data.main[0].map((i) => i.json);
		};
		const activate = async (id, nodeId) => {
			const wf = await call('GET', `/workflows/${id}`);
			const res = await call('POST', `/workflows/${id}/activate`, {
				versionId: wf.body.data.versionId,
			});
			assert.equal(res.status, 200, `activate ${id}: ${JSON.stringify(res.body)}`);
			await waitFor(`activation of ${id}`, 60_000, async () => {
				const st = await call('GET', `/workflows/${id}/publication-status`);
				const trigger = st.body?.data?.triggers?.find((t) => t.nodeId === nodeId);
				if (trigger?.status === 'failed')
					throw new Error(`activation failed: ${trigger.errorMessage}`);
				return trigger?.status === 'activated';
			});
		};

		// New Customer by polling.
		const newList = () =>
			xentral.requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/customers');
		const before = newList().length;
		await activate(POLL_ID, 'xentral-trigger');
		assert.equal(newList().length, before + 1, 'the first poll reads the newest customer once');
		assert.equal(
			await api(xentral, 'POST', '/api/v2/customers', {
				customerType: 'company',
				name: 'Trigger E2E GmbH',
				project: { id: '1' },
			}),
			201,
		);
		const newId = String(xentral.state.nextIds.customer);
		const polled = await waitFor(
			'a New Customer execution',
			150_000,
			async () => (await executions(POLL_ID)).find((e) => e.status === 'success'),
			1000,
		);
		const customers = await emitted(polled.id, 'Xentral Trigger');
		assert.deepEqual(
			customers.map((c) => [c.id, c.company, c.source]),
			[[newId, 'Trigger E2E GmbH', 'xentral']],
		);
		say(`New Customer emitted customer ${newId} once (execution ${polled.id})`);

		// Sales prices by webhook.
		await activate(HOOK_ID, 'price-trigger');
		const [hook] = xentral.state.webhooks;
		assert.ok(hook, 'activation registers a webhook at Xentral');
		assert.equal(hook.url, `${url}/webhook/xentral-sales-prices/webhook`);
		assert.match(hook.signatureKey, /^[0-9a-f]{64}$/);
		assert.equal(
			await api(xentral, 'POST', '/api/v1/salesPrices', {
				product: { id: '14' },
				customer: { id: '3' },
				amount: 2,
				price: { amount: '5.00', currency: 'EUR' },
			}),
			201,
		);
		const delivered = await waitFor(
			'a sales price execution',
			60_000,
			async () => (await executions(HOOK_ID)).find((e) => e.status === 'success'),
			1000,
		);
		const [event] = await emitted(delivered.id, 'Xentral Sales Price Trigger');
		assert.equal(event.event, 'created');
		assert.equal(event.productId, '14');
		assert.equal(event.price, 5);
		const forged = await fetch(hook.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-xentral-signature': '0'.repeat(64) },
			body: JSON.stringify({ type: 'com.xentral.salesPrice.deleted.v1', body: { id: 1 } }),
		});
		assert.equal(forged.status, 401, 'a delivery with a wrong signature is refused');
		await pause(1500);
		assert.equal((await executions(HOOK_ID)).length, 1, 'the forged delivery ran no workflow');
		say('signed delivery ran the workflow; a forged one was refused');

		const wf = await call('GET', `/workflows/${HOOK_ID}`);
		const off = await call('POST', `/workflows/${HOOK_ID}/deactivate`, {
			versionId: wf.body.data.versionId,
		});
		assert.equal(off.status, 200, `deactivate: ${JSON.stringify(off.body)}`);
		await waitFor('the webhook removal', 30_000, async () => xentral.state.webhooks.length === 0);
		say('deactivation removed the webhook');
	} catch (error) {
		const deliveries = JSON.stringify(xentral.deliveries?.() ?? []).slice(0, 2000);
		// A delivery signed with the key the sandbox holds: the trigger's answer says why it refused.
		let probe = '';
		const [hook] = xentral.state.webhooks;
		if (hook) {
			const { signBody } = await import('../../sandbox/xentral/signature.mjs');
			const raw = JSON.stringify({ type: 'com.xentral.salesPrice.deleted.v1', body: { id: 1 } });
			const res = await fetch(hook.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-xentral-signature': signBody(raw, hook.signatureKey),
				},
				body: raw,
			}).catch((e) => ({ status: 0, text: async () => String(e) }));
			probe = `${res.status} ${await res.text()}`;
		}
		error.message += `\n--- signed probe ---\n${probe}`;
		const executionList = JSON.stringify(await executionsOrNone()).slice(0, 2000);
		error.message += `\n--- webhook deliveries ---\n${deliveries}\n--- executions ---\n${executionList}\n--- n8n output (tail) ---\n${log.split('\n').slice(-40).join('\n')}`;
		throw error;
	} finally {
		if (n8n.exitCode === null) {
			n8n.kill('SIGTERM');
			const hard = setTimeout(() => n8n.kill('SIGKILL'), 15_000);
			await gone;
			clearTimeout(hard);
		}
	}
}
