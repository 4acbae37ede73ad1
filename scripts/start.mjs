// `npm start`: the demo. Starts the vendor sandbox(es) and a real n8n on http://localhost:5678 with
// this package loaded, a credential pointing at the sandbox, one demo workflow per operation and a
// trigger workflow ready to activate. Each start begins from a clean demo state (a fresh n8n user
// folder and a freshly seeded sandbox); ERP_DEMO_KEEP=1 keeps the n8n folder of the last start.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startJtlSandbox } from '../sandbox/jtl/server.mjs';
import { startFlowRetailSandbox } from '../sandbox/flowRetail/server.mjs';
import { startXentralSandbox } from '../sandbox/xentral/server.mjs';
import {
	CACHE,
	ensureN8n,
	freePort,
	installPackageInto,
	loginOwner,
	jtlSandboxCredentialFile,
	jtlTriggerWorkflow,
	flowRetailSandboxCredentialFile,
	flowRetailTriggerWorkflow,
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
	xentralPriceToJtlWorkflow,
} from './demo-flows.mjs';

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const JTL_PORT = Number(process.env.JTL_SANDBOX_PORT || 4100);
const FLOW_PORT = Number(process.env.FLOW_SANDBOX_PORT || 4300);
const XENTRAL_PORT = Number(process.env.XENTRAL_SANDBOX_PORT || 4200);
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

/** Sets up the owner account so the demo opens without a sign-up form. */
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
];

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
	say('Preparing n8n 2.41.1 on Node 24 (the first run installs it, which takes a few minutes) ...');
	const runtime = ensureN8n();
	// A clean demo: the last user's workflows, credentials and executions go with the folder.
	if (process.env.ERP_DEMO_KEEP !== '1') rmSync(HOME, { recursive: true, force: true });
	mkdirSync(HOME, { recursive: true });
	installPackageInto(HOME);

	const jtl = await startJtlSandbox({ port: JTL_PORT });
	say(`JTL-Wawi sandbox: ${jtl.apiBase} (token URL ${jtl.tokenUrl})`);
	const flow = await startFlowRetailSandbox({ port: FLOW_PORT });
	say(`Flow Retail sandbox: ${flow.apiBase} (tenant ${flow.credentials.tenantUid})`);
	const xentral = await startXentralSandbox({ port: XENTRAL_PORT });
	say(`Xentral sandbox: ${xentral.url}`);

	const work = path.join(CACHE, 'demo-work');
	mkdirSync(path.join(work, 'workflows'), { recursive: true });
	writeFileSync(
		path.join(work, 'credentials.json'),
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
	for (const wf of [
		...demoWorkflows(jtl),
		jtlTriggerWorkflow(),
		...flowDemoWorkflows(),
		flowRetailTriggerWorkflow(),
		...xentralDemoWorkflows(),
		xentralTriggerWorkflow(),
		xentralSalesPriceTriggerWorkflow(),
		...acrossSystems(),
	]) {
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
		env: n8nEnv(runtime, HOME, {
			N8N_PORT: String(N8N_PORT),
			N8N_HOST: 'localhost',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		}),
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	const url = `http://localhost:${N8N_PORT}`;
	const stop = async () => {
		n8n.kill('SIGTERM');
		await flow.close();
		await xentral.close();
		await jtl.close();
	};
	process.on('SIGINT', () => stop().then(() => process.exit(0)));
	process.on('SIGTERM', () => stop().then(() => process.exit(0)));

	await waitForN8n(url, n8n);
	const rest = await signIn(url);
	const created = rest !== undefined;
	const activated = rest ? await activate(rest, ACTIVE_AT_START()) : [];
	say('');
	say('==================================================================');
	say(` n8n is running at ${url}`);
	say(
		created
			? ` Sign in as ${OWNER.email} / ${OWNER.password}`
			: ` Sign in with the owner account you created in ${HOME}`,
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
	for (const { wf, ok, why } of activated)
		say(ok ? ` Active: ${wf.name}` : ` Could not activate ${wf.name}: ${why}`);
	say(' Each start begins from a clean demo (ERP_DEMO_KEEP=1 keeps the last n8n folder).');
	say(' Stop with Ctrl+C.');
	say('==================================================================');
	await new Promise((resolve) => n8n.once('exit', resolve));
	await flow.close();
	await xentral.close();
	await jtl.close();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
