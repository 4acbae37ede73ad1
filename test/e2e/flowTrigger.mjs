// Real-n8n end-to-end for the Flow Retail Trigger: `n8n start` with an active webhook workflow.
// Activation registers an HTTP transport in the Flow Retail sandbox for n8n's own webhook URL; a
// customer created in the sandbox is delivered to n8n and runs the workflow once; a delivery
// without the secret is refused with 401 and runs nothing; deactivation removes the transport.
// Never shipped.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { freePort, n8nCli, n8nEnv } from '../../scripts/n8n-runtime.mjs';
import { until } from '../../scripts/n8n-runtime.mjs';
import { ALL_IN_ONE, forPackage } from '../../scripts/packages.mjs';
import {
	flowRetailSandboxCredentialFile,
	flowRetailTriggerWorkflow,
} from '../../systems/flowRetail.mjs';
import { restClient } from './trigger.mjs';

const WORKFLOW_ID = 'e2eFlowTrigger';

function log(msg) {
	process.stdout.write(`     [flow trigger] ${msg}\n`);
}

async function sandboxCall(flow, method, path, body) {
	const res = await fetch(`${flow.apiBase}/tenants/${flow.credentials.tenantUid}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${flow.credentials.token}`,
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: await res.json().catch(() => undefined) };
}

export async function runFlowTriggerE2E({ runtime, home, flow, packageName = ALL_IN_ONE }) {
	const started = Date.now();
	const work = path.join(home, 'flow-trigger-e2e');
	mkdirSync(work, { recursive: true });
	const file = path.join(work, `${WORKFLOW_ID}.json`);
	writeFileSync(
		file,
		JSON.stringify(
			forPackage({ ...flowRetailTriggerWorkflow(WORKFLOW_ID), active: false }, packageName),
			null,
			2,
		),
	);
	const imported = await n8nCli(runtime, home, ['import:workflow', `--input=${file}`]);
	assert.equal(imported.code, 0, `import:workflow failed:\n${imported.stdout}\n${imported.stderr}`);

	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(runtime.node, [runtime.n8nBin, 'start'], {
		env: n8nEnv(runtime, home, {
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			WEBHOOK_URL: `${url}/`,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise((resolve) => child.once('exit', resolve));
	try {
		await until('n8n /healthz', 120_000, async () => {
			if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}`);
			try {
				return (await fetch(`${url}/healthz`)).ok;
			} catch {
				return false;
			}
		});
		const rest = restClient(url);
		await rest.login();

		// The credential's "Test" button: GET /tenants/{t}/customers?pageSize=1 with the token.
		const credential = flowRetailSandboxCredentialFile(flow);
		let tested;
		await until('the credential test answer', 30_000, async () => {
			tested = await rest.call('POST', '/credentials/test', { credentials: credential });
			return tested.status === 200 && tested.body?.data?.status;
		});
		assert.deepEqual(tested.body.data, { status: 'OK', message: 'Connection successful!' });
		const wrong = await rest.call('POST', '/credentials/test', {
			credentials: { ...credential, data: { ...credential.data, token: 'not-the-token' } },
		});
		assert.equal(wrong.body?.data?.status, 'Error', `wrong token: ${JSON.stringify(wrong.body)}`);
		assert.ok(
			!JSON.stringify(wrong.body).includes('not-the-token'),
			'the token must not be echoed',
		);

		const workflow = await rest.call('GET', `/workflows/${WORKFLOW_ID}`);
		assert.equal(workflow.status, 200, `GET workflow: ${JSON.stringify(workflow.body)}`);
		const activated = await rest.call('POST', `/workflows/${WORKFLOW_ID}/activate`, {
			versionId: workflow.body.data.versionId,
		});
		assert.equal(activated.status, 200, `activate: ${JSON.stringify(activated.body)}`);
		const transport = await until(
			'the HTTP transport registered at activation',
			60_000,
			async () => {
				const res = await rest.call('GET', `/workflows/${WORKFLOW_ID}/publication-status`);
				const trigger = res.body?.data?.triggers?.find((t) => t.nodeId === 'flow-trigger');
				if (trigger?.status === 'failed')
					throw new Error(`activation failed: ${trigger.errorMessage}`);
				return flow.state.transports[0];
			},
		);
		assert.equal(flow.state.transports.length, 1);
		assert.equal(transport.securityType, 'BEARER_TOKEN');
		assert.match(transport.url, new RegExp(`^${url}/webhook/`));
		assert.deepEqual(transport.actions, ['CUSTOMER_CREATE', 'CUSTOMER_UPDATE']);
		log(`active, transport ${transport.httpTransportUid} for ${transport.url}`);

		// A forged delivery: no token, then a wrong one. n8n answers 401 and runs nothing.
		for (const authorization of [undefined, 'Bearer forged']) {
			const res = await fetch(transport.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(authorization ? { authorization } : {}),
				},
				body: JSON.stringify({ action: 'CUSTOMER_CREATE', customer: { Id: 1, Uid: 'cust-0001' } }),
			});
			assert.equal(res.status, 401, `forged delivery answered ${res.status}`);
		}

		const created = await sandboxCall(flow, 'POST', '/customers', {
			customerUid: 'e2e-webhook-1',
			firstname: 'Webhook',
			lastname: 'Kunde',
			countryCode: 'NO',
			city: 'Tromsø',
		});
		assert.equal(created.status, 201);

		const executions = async () => {
			const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
			const res = await rest.call('GET', `/executions?filter=${filter}`);
			assert.equal(res.status, 200);
			return res.body.data.results;
		};
		const done = await until('the delivered execution', 60_000, async () =>
			(await executions()).find((e) => e.status === 'success'),
		);
		const one = await rest.call('GET', `/executions/${done.id}`);
		const flatted = createRequire(path.join(runtime.n8nDir, 'package.json'))('flatted');
		const runData = flatted.parse(one.body.data.data).resultData.runData;
		const emitted = runData['Flow Retail Trigger'][0].data.main[0].map((i) => i.json);
		assert.equal(emitted.length, 1, JSON.stringify(emitted));
		assert.equal(emitted[0].action, 'CUSTOMER_CREATE');
		assert.equal(emitted[0].customerUid, 'e2e-webhook-1');
		assert.equal(emitted[0].customer.city, 'Tromsø');
		assert.equal(emitted[0].customer.source, 'flowRetail');
		await flow.settleDeliveries();
		assert.deepEqual(
			flow.deliveries().map((d) => d.outcome),
			['delivered'],
		);
		assert.equal((await executions()).length, 1, 'the forged deliveries ran nothing');

		const deactivated = await rest.call('POST', `/workflows/${WORKFLOW_ID}/deactivate`, {});
		assert.equal(deactivated.status, 200, `deactivate: ${JSON.stringify(deactivated.body)}`);
		await until(
			'the transport removed at deactivation',
			30_000,
			() => flow.state.transports.length === 0,
		);
		log(
			`delivered, refused forged, removed at deactivation (${Math.round((Date.now() - started) / 1000)} s)`,
		);
	} catch (error) {
		error.message += `\n--- n8n output (tail) ---\n${output.split('\n').slice(-40).join('\n')}`;
		throw error;
	} finally {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	}
}
