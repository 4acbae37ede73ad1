// `npm start`: the demo. Starts the vendor sandboxes and a real n8n on http://127.0.0.1:5678 with
// this package loaded, a credential pointing at each sandbox, one demo workflow per operation and
// trigger workflows ready to activate. Each start begins from a clean demo state (a fresh n8n user
// folder and freshly seeded sandboxes); ERP_DEMO_KEEP=1 keeps the n8n folder of the last start.
// n8n and the sandboxes listen on 127.0.0.1 unless ERP_DEMO_LISTEN_ADDRESS says otherwise; one demo
// runs per cache folder; the build is skipped when dist/ is up to date with the sources.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startJtlSandbox } from '../sandbox/jtl/server.mjs';
import { startFlowRetailSandbox } from '../sandbox/flowRetail/server.mjs';
import { startXentralSandbox } from '../sandbox/xentral/server.mjs';
import { buildIfNeeded } from './build-stamp.mjs';
import { acquireDemoLock } from './demo-lock.mjs';
import {
	LISTEN_ENV,
	demoListenAddress,
	isLoopback,
	n8nListenEnv,
	networkAddresses,
	reachableFromNetwork,
	urlHost,
} from './demo-listen.mjs';
import {
	CACHE,
	REPO,
	ensureN8n,
	freePort,
	installPackageInto,
	loginOwner,
	jtlSandboxCredentialFile,
	jtlTriggerWorkflow,
	flowRetailSandboxCredentialFile,
	flowRetailTriggerWorkflow,
	N8N_VERSION,
	n8nCli,
	n8nEnv,
	n8nRestClient,
	workflowWithInput,
	xentralSalesPriceTriggerWorkflow,
	xentralSandboxCredentialFile,
	xentralTriggerWorkflow,
} from './n8n-runtime.mjs';
import {
	jtlToFlowWorkflow,
	nightlyExportWorkflow,
	twoWaySyncWorkflows,
	xentralPriceToJtlWorkflow,
} from './demo-flows.mjs';

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const JTL_PORT = Number(process.env.JTL_SANDBOX_PORT || 4100);
const FLOW_PORT = Number(process.env.FLOW_SANDBOX_PORT || 4300);
const XENTRAL_PORT = Number(process.env.XENTRAL_SANDBOX_PORT || 4200);
const HOME = path.join(CACHE, 'demo-home');
const WORK = path.join(CACHE, 'demo-work');
const LISTEN = demoListenAddress();
const N8N_URL = `http://${urlHost(LISTEN)}:${N8N_PORT}`;
const OWNER = {
	email: 'demo@example.com',
	password: 'Demo-Password-1',
	firstName: 'Demo',
	lastName: 'User',
};

function say(msg) {
	process.stdout.write(`${msg}\n`);
}

/** The demo workflows: every test workflow with sample input, runnable from the editor. */
function demoWorkflows(jtl) {
	const customer = jtl.state.customers[0];
	const [contact, otherContact] = jtl.state.contacts.filter((c) => c.customerId === customer.id);
	const price =
		jtl.state.prices.find((p) => p.netPrice !== null && p.netPrice !== undefined) ??
		jtl.state.prices[0];
	const demos = [
		['customer-get', 'demoJtlCustomerGet', { customerId: customer.id }],
		['customer-getAll', 'demoJtlCustomerGetAll', { limit: 10 }],
		[
			'customer-create',
			'demoJtlCustomerCreate',
			{ company: 'Nordlicht Handel GmbH', city: 'Kiel' },
		],
		['customer-upsert', 'demoJtlCustomerUpsert', { number: 'DEMO-1', city: 'Kiel' }],
		[
			'customer-update',
			'demoJtlCustomerUpdate',
			{ customerUuid: customer.uuid, addressUuid: customer.addresses[0].uuid, debtor: 40001 },
		],
		[
			'customer-delete',
			'demoJtlCustomerDelete',
			{ customerId: jtl.state.customers[jtl.state.customers.length - 1].id },
		],
		['address-getAll', 'demoJtlAddressGetAll', { customerId: customer.uuid }],
		[
			'address-update',
			'demoJtlAddressUpdate',
			{
				customerUuid: customer.uuid,
				addressUuid: customer.addresses[0].uuid,
				street: 'Elbchaussee 1',
			},
		],
		['address-add', 'demoJtlAddressAdd', { customerUuid: customer.uuid }],
		['contact-getAll', 'demoJtlContacts', { customerId: customer.id }],
		['contact-get', 'demoJtlContactGet', { customerId: customer.id, contactId: contact?.id }],
		[
			'contact-create',
			'demoJtlContactCreate',
			{
				customerId: customer.id,
				salutation: 'Frau',
				firstName: 'Lena',
				lastName: 'Vogel',
				email: 'lena.vogel@example.com',
				department: 'Einkauf',
			},
		],
		[
			'contact-update',
			'demoJtlContactUpdate',
			{
				customerId: customer.id,
				contactId: contact?.id,
				lastName: 'Neumann',
				phone: '+49 40 1234',
			},
		],
		[
			'contact-delete',
			'demoJtlContactDelete',
			{ customerId: customer.id, contactId: otherContact?.id },
		],
		['customerPrice-getAll', 'demoJtlPrices', { itemId: 1, limit: 50 }],
		[
			'customerPrice-create',
			'demoJtlPriceCreate',
			{ itemId: 1, customerId: customer.id, fromQuantity: 500, netPrice: 9.95 },
		],
		[
			'customerPrice-update',
			'demoJtlPriceUpdate',
			{
				itemId: price.itemId,
				customerId: price.customerId,
				fromQuantity: price.fromQuantity,
				priceType: 'netPrice',
				netPrice: 8.5,
			},
		],
		[
			'customerPrice-delete',
			'demoJtlPriceDelete',
			{ itemId: price.itemId, customerId: price.customerId, fromQuantity: price.fromQuantity },
		],
	];
	// In the demo, the dropdowns show picked values rather than the tests' expressions.
	const pickFromLists = (node) => {
		if ('customerGroupId' in node.parameters) node.parameters.customerGroupId = 1;
		if ('companyId' in node.parameters) node.parameters.companyId = 1;
		// Simplify at its default (on), as a new node has it; the tests turn it off.
		delete node.parameters.simplify;
	};
	return demos.map(([file, id, input]) => {
		const wf = workflowWithInput(`JtlWawi/${file}.workflow.json`, id, input, pickFromLists);
		return { ...wf, name: `Demo: ${wf.name}` };
	});
}

/** The Flow Retail demo workflows: one per operation, with sample input for the seeded sandbox. */
function flowDemoWorkflows() {
	const c = { customerUid: 'cust-0001' };
	const demos = [
		['customer-getAll', { limit: 10 }],
		[
			'customer-create',
			{
				firstname: 'Kari',
				lastname: 'Nordmann',
				countryCode: 'NO',
				email: 'kari@example.no',
				city: 'Oslo',
			},
		],
		['customer-search', { query: 'Oslo' }],
		['customer-externalSearch', { query: 'VOY' }],
		['customer-export', c],
		['customer-get', c],
		['customer-getForStore', { storeUid: 'store-oslo', ...c }],
		['customer-update', { ...c, city: 'Bergen', ehfEnabled: true }],
		['customer-delete', { customerUid: 'cust-0025' }],
		['customer-addExtension', { ...c, storeUid: 'store-oslo' }],
		['customer-removeExtension', { ...c, storeUid: 'store-oslo' }],
		['customer-batch', { firstname: 'Batch', lastname: 'Kunde', countryCode: 'NO' }],
		[
			'customer-upsert',
			{ externalId: 'DEMO-1', firstname: 'Demo', lastname: 'Kunde', city: 'Oslo' },
		],
		[
			'customerContact-create',
			{ ...c, firstname: 'Per', lastname: 'Ås', email: 'per@example.no', uid: 'demo-contact' },
		],
		['customerContact-get', { ...c, recordUid: 'demo-contact' }],
		['customerContact-getAll', c],
		['customerContact-update', { ...c, recordUid: 'demo-contact', email: 'per.as@example.no' }],
		['customerContact-delete', { ...c, recordUid: 'demo-contact' }],
		[
			'customerAddress-create',
			{ ...c, type: 'DELIVERY_ADDRESS', street: 'Storgata 1', city: 'Oslo', uid: 'demo-address' },
		],
		['customerAddress-get', { ...c, recordUid: 'demo-address' }],
		['customerAddress-getAll', c],
		['customerAddress-update', { ...c, recordUid: 'demo-address', city: 'Drammen' }],
		['customerAddress-delete', { ...c, recordUid: 'demo-address' }],
		['customerGroup-create', { name: 'VIP', uid: 'demo-vip' }],
		['customerGroup-get', { recordUid: 'group-1' }],
		['customerGroup-getAll', {}],
		['customerGroup-update', { recordUid: 'group-1', name: 'Retail (renamed)' }],
		['priceList-create', { name: 'Outlet', externalId: 'OUT', uid: 'demo-outlet' }],
		['priceList-get', { recordUid: 'pricelist-1' }],
		['priceList-getAll', { externalId: 'PL-1' }],
		['priceList-update', { recordUid: 'pricelist-1', name: 'Standard (renamed)' }],
		['price-create', { pricelistUid: 'pricelist-1', productUid: 'product-9', price: 12900 }],
		['price-get', { pricelistUid: 'pricelist-1', recordUid: 'pricelist-1-price-1' }],
		['price-getAll', { pricelistUid: 'pricelist-1' }],
		[
			'price-update',
			{ pricelistUid: 'pricelist-1', recordUid: 'pricelist-1-price-1', price: 9900 },
		],
	];
	return demos.map(([file, input], index) => {
		const id = `demoFlow${String(index + 1).padStart(2, '0')}`;
		const wf = workflowWithInput(`FlowRetail/${file}.workflow.json`, id, input);
		return { ...wf, name: `Demo: ${wf.name}` };
	});
}

/** The Xentral demo workflows: every Xentral test workflow with sample input from the seed. */
function xentralDemoWorkflows() {
	const demos = [
		['customer-get', 'demoXentralCustomerGet', { customerId: '1' }],
		[
			'customer-getAll',
			'demoXentralCustomerGetAll',
			{ returnAll: false, limit: 10, key: 'id', op: 'greaterThan', value: '0' },
		],
		[
			'customer-create',
			'demoXentralCustomerCreate',
			{
				customerType: 'company',
				companyName: 'Nordlicht Handel GmbH',
				email: 'info@nordlicht.example',
			},
		],
		[
			'customer-upsert',
			'demoXentralCustomerUpsert',
			{ matchOn: 'number', number: 'DEMO-1', companyName: 'Demo AG', email: 'demo@example.com' },
		],
		[
			'customer-update',
			'demoXentralCustomerUpdate',
			{ customerId: '2', email: 'neu@example.com', department: 'Einkauf' },
		],
		['customer-delete', 'demoXentralCustomerDelete', { customerId: '25' }],
		['address-getAll', 'demoXentralAddressGetAll', { customerId: '1' }],
		[
			'address-get',
			'demoXentralAddressGet',
			{ customerId: '1', addressType: 'masterdata', deliveryAddressId: '' },
		],
		[
			'address-create',
			'demoXentralAddressCreate',
			{
				customerId: '1',
				addressType: 'deliveryaddress',
				name: 'Lager Nord',
				street: 'Hafenweg 2',
				city: 'Kiel',
				country: 'DE',
				zip: '24103',
			},
		],
		[
			'address-update',
			'demoXentralAddressUpdate',
			{ customerId: '1', addressType: 'masterdata', deliveryAddressId: '', city: 'Lübeck' },
		],
		[
			'address-delete',
			'demoXentralAddressDelete',
			{ customerId: '1', addressType: 'deliveryaddress', deliveryAddressId: '101' },
		],
		['contactPerson-getAll', 'demoXentralContacts', { customerId: '1' }],
		['contactPerson-get', 'demoXentralContactGet', { customerId: '1', contactPersonId: '1' }],
		[
			'contactPerson-create',
			'demoXentralContactCreate',
			{
				customerId: '1',
				name: 'Lena Vogel',
				email: 'lena.vogel@example.com',
				department: 'Einkauf',
			},
		],
		[
			'contactPerson-update',
			'demoXentralContactUpdate',
			{ customerId: '1', contactPersonId: '1', position: 'Leitung' },
		],
		['contactPerson-delete', 'demoXentralContactDelete', { customerId: '1', contactPersonId: '2' }],
		['salesPrice-getAll', 'demoXentralPrices', {}],
		['salesPrice-get', 'demoXentralPriceGet', { salesPriceId: '1' }],
		[
			'salesPrice-create',
			'demoXentralPriceCreate',
			{
				customerId: '1',
				productId: '14',
				fromQuantity: 10,
				price: 9.95,
				currency: 'EUR',
				validFrom: '2026-03-01',
			},
		],
		['salesPrice-update', 'demoXentralPriceUpdate', { salesPriceId: '1', price: 8.5 }],
		['salesPrice-delete', 'demoXentralPriceDelete', { salesPriceId: '2' }],
	];
	return demos.map(([file, id, input]) => {
		const wf = workflowWithInput(`Xentral/${file}.workflow.json`, id, input, (node) => {
			delete node.parameters.simplify;
		});
		return { ...wf, name: `Demo: ${wf.name}` };
	});
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

/**
 * The three sandboxes as the demo starts them: listening on `address` (the demo's listen address
 * unless given), at `ports` (the demo's ports unless given; 0 picks free ones).
 */
export async function startDemoSandboxes(
	address = LISTEN,
	ports = { jtl: JTL_PORT, flow: FLOW_PORT, xentral: XENTRAL_PORT },
) {
	const started = [];
	try {
		const jtl = await startJtlSandbox({ port: ports.jtl, host: address });
		started.push(jtl);
		const flow = await startFlowRetailSandbox({ port: ports.flow, host: address });
		started.push(flow);
		const xentral = await startXentralSandbox({ port: ports.xentral, host: address });
		started.push(xentral);
		return {
			jtl,
			flow,
			xentral,
			close: () => Promise.all(started.map((sb) => sb.close())),
		};
	} catch (error) {
		await Promise.all(started.map((sb) => sb.close()));
		throw error;
	}
}

/** The environment of the demo's n8n: its port, and the address it listens on and is named by. */
export function demoN8nEnv(address = LISTEN, port = N8N_PORT) {
	return { N8N_PORT: String(port), ...n8nListenEnv(address) };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The demo's steps: `step(label, fn)` runs `fn(note)` and prints one line for the step with its
 * time, and what `note(text)` said about it. On a terminal the line shows while the step runs.
 */
function progress(total) {
	let n = 0;
	const tty = Boolean(process.stdout.isTTY);
	return async (label, fn) => {
		n++;
		const prefix = `[${n}/${total}] ${label}`;
		if (tty) process.stdout.write(`${prefix} ...`);
		const t0 = Date.now();
		let detail = '';
		const line = (text) =>
			process.stdout.write(
				`${tty ? '\r\x1b[K' : ''}${prefix}${text} (${seconds(Date.now() - t0)})\n`,
			);
		try {
			const value = await fn((text) => (detail = text));
			line(detail ? `: ${detail}` : '');
			return value;
		} catch (error) {
			line(': failed');
			throw error;
		}
	};
}

/** Runs a command with its output kept; a failure shows that output. */
function runQuiet(cmd, args) {
	const res = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8' });
	if (res.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.stdout ?? ''}${res.stderr ?? ''}`);
}

/** The last lines of a log file, for an error message. */
function tail(file, lines = 40) {
	try {
		return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/** The workflows that connect the systems (scripts/demo-flows.mjs). */
const acrossSystems = () => [
	jtlToFlowWorkflow(),
	xentralPriceToJtlWorkflow(),
	nightlyExportWorkflow(),
];

/** One trigger workflow per system starts active, as a merchant's would run. */
const ACTIVE_AT_START = () => [
	jtlTriggerWorkflow(),
	flowRetailTriggerWorkflow(),
	xentralTriggerWorkflow(),
	...twoWaySync(),
];

/** The two-way JTL-Wawi ↔ Flow Retail sync with Skip Unchanged and Only When These Fields Change. */
const twoWaySync = () => Object.values(twoWaySyncWorkflows('quiet'));

/**
 * Sets up the demo owner on the fresh n8n (or, with ERP_DEMO_KEEP=1, logs in to the one there) and
 * returns the signed-in REST client; undefined when the folder holds another owner.
 */
async function signIn(url) {
	const rest = n8nRestClient(url, 'erp-customers-demo');
	try {
		await loginOwner(rest, OWNER);
		return rest;
	} catch {
		return undefined;
	}
}

/** Activates the workflows as the signed-in owner; a failure is shown, not fatal. */
async function activate(rest, workflows) {
	const done = [];
	for (const wf of workflows) {
		const current = await rest.call('GET', `/workflows/${wf.id}`);
		const res =
			current.status === 200
				? await rest.call('POST', `/workflows/${wf.id}/activate`, {
						versionId: current.body.data.versionId,
					})
				: current;
		done.push({ wf, ok: res.status === 200, why: JSON.stringify(res.body).slice(0, 200) });
	}
	return done;
}

async function main() {
	const started = Date.now();
	const step = progress(9);
	say(
		`Starting the demo in 9 steps (the first start installs n8n ${N8N_VERSION} on Node 24, which takes a few minutes).`,
	);
	await step(`One demo per cache folder (${CACHE})`, async (note) => {
		const lock = acquireDemoLock(CACHE, { url: N8N_URL });
		process.once('exit', () => lock.release());
		note('no other demo runs from it');
	});
	const runtime = await step(`n8n ${N8N_VERSION} on Node 24`, async (note) => {
		const rt = ensureN8n();
		note('ready');
		return rt;
	});
	await step('Build the package', async (note) => {
		const decision = buildIfNeeded(REPO, () => runQuiet('npm', ['run', 'build', '--silent']));
		note(decision.build ? `built (${decision.reason})` : `skipped: ${decision.reason}`);
	});
	await step("Pack it into a fresh n8n folder, as n8n's installer would", async (note) => {
		// A clean demo: the last user's workflows, credentials and executions go with the folder.
		const keep = process.env.ERP_DEMO_KEEP === '1';
		if (!keep) rmSync(HOME, { recursive: true, force: true });
		mkdirSync(HOME, { recursive: true });
		installPackageInto(HOME, { build: false });
		note(keep ? `${HOME} (kept, ERP_DEMO_KEEP=1)` : HOME);
	});
	const sandboxes = await step(`Sandboxes on ${LISTEN}`, async (note) => {
		const sb = await startDemoSandboxes();
		note(`JTL-Wawi :${sb.jtl.port}, Xentral :${sb.xentral.port}, Flow Retail :${sb.flow.port}`);
		return sb;
	});
	const { jtl, flow, xentral } = sandboxes;
	await step('Import the credentials and the demo workflows', async (note) => {
		mkdirSync(path.join(WORK, 'workflows'), { recursive: true });
		writeFileSync(
			path.join(WORK, 'credentials.json'),
			JSON.stringify(
				[
					jtlSandboxCredentialFile(jtl),
					flowRetailSandboxCredentialFile(flow),
					xentralSandboxCredentialFile(xentral),
				],
				null,
				2,
			),
		);
		const workflows = [
			...demoWorkflows(jtl),
			jtlTriggerWorkflow(),
			...flowDemoWorkflows(),
			flowRetailTriggerWorkflow(),
			...xentralDemoWorkflows(),
			xentralTriggerWorkflow(),
			xentralSalesPriceTriggerWorkflow(),
			...acrossSystems(),
			...twoWaySync(),
		];
		for (const wf of workflows) {
			writeFileSync(path.join(WORK, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
		}
		for (const args of [
			['import:credentials', `--input=${path.join(WORK, 'credentials.json')}`],
			['import:workflow', '--separate', `--input=${path.join(WORK, 'workflows')}`],
		]) {
			const res = await n8nCli(runtime, HOME, args);
			if (res.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${res.stdout}\n${res.stderr}`);
		}
		note(`3 credentials, ${workflows.length} workflows`);
	});

	const logFile = path.join(WORK, 'n8n.log');
	const logFd = openSync(logFile, 'w');
	const n8n = spawn(runtime.node, [runtime.n8nBin, 'start'], {
		env: n8nEnv(runtime, HOME, {
			...demoN8nEnv(),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		}),
		stdio: ['ignore', logFd, logFd],
	});
	closeSync(logFd);
	const stop = async () => {
		n8n.kill('SIGTERM');
		await sandboxes.close();
	};
	process.on('SIGINT', () => stop().then(() => process.exit(0)));
	process.on('SIGTERM', () => stop().then(() => process.exit(0)));
	try {
		await step(`Start n8n on ${LISTEN}, port ${N8N_PORT}`, async (note) => {
			try {
				await waitForN8n(N8N_URL, n8n);
			} catch (error) {
				error.message += `\n--- ${logFile} (last lines) ---\n${tail(logFile)}`;
				throw error;
			}
			note(N8N_URL);
		});
	} catch (error) {
		await stop();
		throw error;
	}
	const { rest, activated } = await step(
		'Sign in and activate one trigger workflow per system',
		async (note) => {
			const client = await signIn(N8N_URL);
			const done = client ? await activate(client, ACTIVE_AT_START()) : [];
			note(
				client
					? `${done.filter((a) => a.ok).length} of ${done.length} active`
					: 'the kept folder has another owner',
			);
			return { rest: client, activated: done };
		},
	);
	await step('Check who can connect', async (note) => {
		const ports = [N8N_PORT, jtl.port, flow.port, xentral.port];
		if (!isLoopback(LISTEN)) {
			note(
				`${LISTEN_ENV}=${LISTEN}: others on the network can reach the demo and sign in with its published password`,
			);
			return;
		}
		const open = await reachableFromNetwork(ports);
		if (open.length > 0) {
			await stop();
			throw new Error(
				`The demo should be reachable from this machine only, but ${open.join(', ')} accepted a connection from the network. Stopped.`,
			);
		}
		const addresses = networkAddresses();
		note(
			addresses.length > 0
				? `this machine only (${addresses.join(', ')} refuse ports ${ports.join(', ')})`
				: 'this machine only (it has no network address)',
		);
	});
	const url = N8N_URL;
	const created = rest !== undefined;
	say('');
	say('==================================================================');
	say(` n8n is running at ${url} (ready in ${seconds(Date.now() - started)}; log: ${logFile})`);
	say(
		created
			? ` Sign in as ${OWNER.email} / ${OWNER.password}`
			: ` Sign in with the owner account you created in ${HOME}`,
	);
	say(
		isLoopback(LISTEN)
			? ` Only this machine can connect (${LISTEN_ENV}=0.0.0.0 opens the demo to the network)`
			: ` Listening on ${LISTEN}: anyone who can reach this machine can sign in with the password above`,
	);
	say(' Demo workflows (open one and click "Execute workflow"):');
	for (const wf of demoWorkflows(jtl)) say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
	const trigger = jtlTriggerWorkflow();
	say(
		` Trigger workflow (click "Activate", then change a customer): ${url}/workflow/${trigger.id}`,
	);
	say(` Credential "JTL-Wawi sandbox" points at ${jtl.apiBase}`);
	say(' Flow Retail demo workflows:');
	for (const wf of flowDemoWorkflows()) say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
	say(
		` Flow Retail trigger (click "Activate": it registers a webhook; then create a customer): ${url}/workflow/${flowRetailTriggerWorkflow().id}`,
	);
	say(` Credential "Flow Retail sandbox" points at ${flow.apiBase}`);
	say(' Xentral demo workflows:');
	for (const wf of xentralDemoWorkflows()) say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
	say(
		` Xentral trigger (click "Activate", then create a customer): ${url}/workflow/${xentralTriggerWorkflow().id}`,
	);
	say(
		` Xentral sales price webhook (click "Activate", then change a price): ${url}/workflow/${xentralSalesPriceTriggerWorkflow().id}`,
	);
	say(` Credential "Xentral sandbox" points at ${xentral.url}`);
	say(' Across systems (activate the first two; run the export by hand or let it run at 02:00):');
	for (const wf of acrossSystems()) say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
	say(
		' Two-way sync, active (change a Flow Retail customer whose external ID is a JTL-Wawi customer number, or that JTL-Wawi customer: one write on the other side, no echo):',
	);
	for (const wf of twoWaySync()) say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
	for (const { wf, ok, why } of activated)
		say(ok ? ` Active: ${wf.name}` : ` Could not activate ${wf.name}: ${why}`);
	say(' Each start begins from a clean demo (ERP_DEMO_KEEP=1 keeps the last n8n folder).');
	say(' Stop with Ctrl+C.');
	say('==================================================================');
	await new Promise((resolve) => n8n.once('exit', resolve));
	await sandboxes.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		// Another demo from the same cache: its message says everything, without a stack trace.
		console.error(error.code === 'DEMO_RUNNING' ? `\n${error.message}` : error);
		process.exit(1);
	});
}
