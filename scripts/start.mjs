// `npm start`: the demo. Starts the vendor sandbox(es) and a real n8n on http://localhost:5678 with
// this package loaded, a credential pointing at the sandbox and one demo workflow per operation.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startJtlSandbox } from '../sandbox/jtl/server.mjs';
import {
	CACHE,
	ensureN8n,
	installPackageInto,
	jtlSandboxCredentialFile,
	n8nCli,
	n8nEnv,
	workflowWithInput,
} from './n8n-runtime.mjs';

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const JTL_PORT = Number(process.env.JTL_SANDBOX_PORT || 4100);
const HOME = path.join(CACHE, 'demo-home');
const OWNER = {
	email: 'demo@example.com',
	password: 'Demo-Password-1',
	firstName: 'Demo',
	lastName: 'User',
};

function say(msg) {
	process.stdout.write(`${msg}\n`);
}

/** The demo workflows: the test workflows with sample input, runnable from the editor. */
function demoWorkflows(jtl) {
	const customer = jtl.state.customers[0];
	return [
		workflowWithInput('jtl/contact-getAll.workflow.json', 'demoJtlContacts', { customerId: 1 }),
		workflowWithInput('jtl/customer-update.workflow.json', 'demoJtlCustomerUpdate', {
			customerUuid: customer.uuid,
			addressUuid: customer.addresses[0].uuid,
			debtor: 40001,
		}),
		workflowWithInput('jtl/customerPrice-getAll.workflow.json', 'demoJtlPrices', {
			itemId: 1,
			limit: 50,
		}),
	].map((wf) => ({ ...wf, name: `Demo: ${wf.name}` }));
}

async function waitForN8n(url, child) {
	for (let i = 0; i < 240; i++) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('n8n did not become healthy within 120 s');
}

/** Sets up the owner account so the demo opens without a sign-up form. */
async function ensureOwner(url) {
	for (let attempt = 0; attempt < 20; attempt++) {
		const res = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (res.ok) return true;
		// 400: an owner exists already (set up by hand); then the printed login may not apply.
		if (res.status === 400) return false;
		await new Promise((r) => setTimeout(r, 500));
	}
	return false;
}

async function main() {
	say('Preparing n8n 2.41.1 on Node 24 (the first run installs it, which takes a few minutes) ...');
	const runtime = ensureN8n();
	mkdirSync(HOME, { recursive: true });
	installPackageInto(HOME);

	const jtl = await startJtlSandbox({ port: JTL_PORT });
	say(`JTL-Wawi sandbox: ${jtl.apiBase} (token URL ${jtl.tokenUrl})`);

	const work = path.join(CACHE, 'demo-work');
	mkdirSync(path.join(work, 'workflows'), { recursive: true });
	writeFileSync(
		path.join(work, 'credentials.json'),
		JSON.stringify([jtlSandboxCredentialFile(jtl)], null, 2),
	);
	for (const wf of demoWorkflows(jtl)) {
		writeFileSync(path.join(work, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
	}
	for (const args of [
		['import:credentials', `--input=${path.join(work, 'credentials.json')}`],
		['import:workflow', '--separate', `--input=${path.join(work, 'workflows')}`],
	]) {
		const res = await n8nCli(runtime, HOME, args);
		if (res.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${res.stdout}\n${res.stderr}`);
	}

	const n8n = spawn(runtime.node, [runtime.n8nBin, 'start'], {
		env: n8nEnv(runtime, HOME, { N8N_PORT: String(N8N_PORT), N8N_HOST: 'localhost' }),
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	const url = `http://localhost:${N8N_PORT}`;
	const stop = async () => {
		n8n.kill('SIGTERM');
		await jtl.close();
	};
	process.on('SIGINT', () => stop().then(() => process.exit(0)));
	process.on('SIGTERM', () => stop().then(() => process.exit(0)));

	await waitForN8n(url, n8n);
	const created = await ensureOwner(url);
	say('');
	say('==================================================================');
	say(` n8n is running at ${url}`);
	say(
		created
			? ` Sign in as ${OWNER.email} / ${OWNER.password}`
			: ` Sign in with the owner account of ${HOME} (set up earlier)`,
	);
	say(' Demo workflows (open one and click "Execute workflow"):');
	for (const wf of demoWorkflows(jtl)) say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
	say(` Credential "JTL-Wawi sandbox" points at ${jtl.apiBase}`);
	say(' Stop with Ctrl+C.');
	say('==================================================================');
	await new Promise((resolve) => n8n.once('exit', resolve));
	await jtl.close();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
