// The editor in a real browser: Debian's Chromium, driven by playwright-core, against a real n8n
// 2.41.1 with the packed package and the vendor sandboxes. For each node of the package it adds the
// node through the nodes panel search, walks every resource and operation and checks the fields the
// node's description says must show, opens every dropdown and From List search, tests the
// credential with a good and a wrong secret, executes one read per resource and checks the output
// table, types part of a customer's name into one From List search per system and checks that the
// customer is listed, and saves a screenshot to docs/images. It fails on any console error or failed request that
// comes from the package. `node test/editor/run.mjs [slug ...]` runs some nodes only.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { OWNER, startN8n } from '../../bench/n8n.mjs';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { CACHE, REPO, ensureN8n, installPackageInto } from '../../scripts/n8n/install.mjs';
import { n8nCli, sleep, until } from '../../scripts/n8n/driver.mjs';

const IMAGES = path.join(REPO, 'docs', 'images');
const only = process.argv.slice(2);
const require = createRequire(import.meta.url);
const HOME = path.join(CACHE, `editor-home-${process.pid}`);

function log(msg) {
	process.stdout.write(`${msg}\n`);
}

/**
 * How long one node's walk may take in all (ERP_EDITOR_NODE_LIMIT_S, default 1200 s: the largest
 * node, Flow Retail with 35 operations and 25 From List searches, took about 5 minutes at load 6 on
 * two cores), and the most any one condition inside it is waited for (ERP_EDITOR_WAIT_LIMIT_S,
 * default 180 s). No wait has a short fixed timeout: on a loaded machine the walk is slower, not
 * failed; a field the panel truly lacks still fails once its wait runs out, naming the node and
 * the step.
 */
const NODE_LIMIT_MS = Number(process.env.ERP_EDITOR_NODE_LIMIT_S || 1200) * 1000;
const WAIT_LIMIT_MS = Number(process.env.ERP_EDITOR_WAIT_LIMIT_S || 180) * 1000;
/** n8n's start, the editor's first load and the sign-in: one limit for all of them. */
const START_LIMIT_MS = 600_000;

/** The node walk under way: its deadline and step, which a failure names. */
const walk = { page: undefined, slug: 'start-up', step: 'start', end: Date.now() + START_LIMIT_MS };

/** Time left for one wait: what the walk has left, at most WAIT_LIMIT_MS. */
function waitLimit() {
	const left = walk.end - Date.now();
	if (left <= 0)
		throw new Error(
			`${walk.slug} took longer than its limit in all (step ${walk.step}); ERP_EDITOR_NODE_LIMIT_S raises it`,
		);
	return Math.min(left, WAIT_LIMIT_MS);
}

/** Starts a node walk: its own deadline. */
function startWalk(slug, limitMs = NODE_LIMIT_MS) {
	walk.slug = slug;
	walk.step = 'start';
	walk.end = Date.now() + limitMs;
}

/**
 * Runs one step of a walk: a failure inside names it, and every browser wait without its own
 * limit (clicks, fills, locators, navigation) waits as long as the walk allows.
 */
async function step(name, fn) {
	walk.step = name;
	const limit = waitLimit();
	walk.page?.setDefaultTimeout(limit);
	walk.page?.setDefaultNavigationTimeout(limit);
	return await fn();
}

/** Waits until `check` returns something truthy (polled every `everyMs`), within the walk's limits. */
async function waitUntil(what, check, everyMs = 250) {
	return await until(what, waitLimit(), check, everyMs);
}

/**
 * Does `action` (a click that opens something, given `{ timeout }`) until `done` (a locator) is
 * visible. On a busy machine a click can land before the editor has wired the element up and do
 * nothing; it is then done again, each attempt waiting longer, until the wait limit.
 */
async function actUntil(what, action, done) {
	let window = 15_000;
	for (let attempt = 1; ; attempt++, window = Math.min(window * 2, WAIT_LIMIT_MS)) {
		if (await done.first().isVisible()) return;
		try {
			const timeout = Math.min(window, waitLimit());
			await action({ timeout });
			await done.first().waitFor({ timeout });
			return;
		} catch (error) {
			if (walk.end - Date.now() <= 0 || window >= WAIT_LIMIT_MS)
				throw new Error(`${what}: nothing happened after ${attempt} attempts: ${error.message}`);
		}
	}
}

/**
 * Opens an editor page, as a user does, and waits until `ready` (a locator) shows. A navigation that
 * times out or fails (the server busy, the connection dropped) is done again, until the walk's limit.
 */
async function openPage(page, url, ready) {
	for (let attempt = 1; ; attempt++) {
		try {
			await page.goto(url, { waitUntil: 'domcontentloaded', timeout: waitLimit() });
			await ready.first().waitFor({ timeout: waitLimit() });
			return;
		} catch (error) {
			if (walk.end - Date.now() <= 0)
				throw new Error(`opening ${url} (${attempt} attempts): ${error.message}`);
			log(`     ${walk.slug}: opening ${url} again (${error.message.split('\n')[0]})`);
		}
	}
}

/**
 * n8n answers its REST API and serves the editor's page and the scripts it loads: until then a
 * browser's first load of the editor times out or shows a broken page.
 */
async function waitForEditorServed(url) {
	const get = async (u) => {
		try {
			const res = await fetch(u);
			return { ok: res.ok, text: await res.text() };
		} catch {
			return { ok: false, text: '' };
		}
	};
	await waitUntil(
		'n8n REST /rest/settings',
		async () => (await get(`${url}/rest/settings`)).ok,
		1000,
	);
	const html = await waitUntil(
		'the editor page',
		async () => {
			const page = await get(`${url}/`);
			return page.ok && /\/assets\/[^"]+\.js"/.test(page.text) ? page.text : undefined;
		},
		1000,
	);
	// The editor's own bundle (the page's other scripts are optional extras).
	for (const [, src] of html.matchAll(/<script[^>]+src="([^"]*\/assets\/[^"]+\.js)"/g)) {
		const asset = new URL(src, `${url}/`).href;
		await waitUntil(`the editor script ${asset}`, async () => (await get(asset)).ok, 1000);
	}
}

/**
 * Requests to n8n that come from the package, and must never fail. (The editor also asks the public
 * npm registry about the package, which this machine cannot reach; that is n8n's, not the package's.)
 */
const fromPackage = (origin, url) =>
	url.startsWith(origin) &&
	/n8n-nodes-erp-customers|dynamic-node-parameters|__schema__|\/schemas\//.test(url);

/** The description's properties that must show for this resource and operation (no other condition). */
function expectedFields(properties, resource, operation) {
	const matches = (cond, key, value) => cond[key] === undefined || cond[key].includes(value);
	return properties
		.filter((p) => !['hidden', 'notice'].includes(p.type))
		.filter((p) => p.name !== 'resource' && p.name !== 'operation')
		.filter((p) => {
			const show = p.displayOptions?.show ?? {};
			const hide = p.displayOptions?.hide ?? {};
			const keys = [...Object.keys(show), ...Object.keys(hide)];
			if (keys.some((k) => k !== 'resource' && k !== 'operation' && k !== '@version')) return false;
			if (!matches(show, 'resource', resource) || !matches(show, 'operation', operation))
				return false;
			const hidden =
				(hide.resource?.includes(resource) ?? false) ||
				(hide.operation?.includes(operation) ?? false);
			return !hidden;
		})
		.map((p) => p);
}

/** The n8n node class's description, from the built package. */
function descriptionOf(distFile) {
	const mod = require(path.join(REPO, distFile));
	const Cls = Object.values(mod).find((v) => typeof v === 'function');
	return new Cls().description;
}

async function chooseOption(page, name, label) {
	const field = page.locator(`[data-test-id=parameter-input-${name}]`);
	const item = page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.locator(`text="${label}"`) });
	await actUntil(`opening ${name}`, (o) => field.click(o), item);
	await item.first().click();
	// The select shows the chosen label once the editor has taken it.
	const input = field.locator('input').first();
	await waitUntil(`${name} to show "${label}"`, async () => (await input.inputValue()) === label);
	await closedDropdowns(page);
}

/** Waits until no select dropdown is open. */
async function closedDropdowns(page) {
	await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/** Names of the parameters the panel shows, in order. */
async function shownFields(page) {
	return await page.$$eval(
		'[data-test-id=node-parameters] [data-test-id=input-label] label[for]',
		(els) => els.map((e) => e.getAttribute('for')),
	);
}

/** Opens a dropdown that loads its options and returns how many it shows. */
async function loadDropdown(page, name) {
	const items = page.locator('.el-select-dropdown__item:visible');
	const empty = page.locator('.el-select-dropdown__empty:visible');
	const input = page.locator(`[data-test-id=parameter-input-${name}] input`).first();
	await actUntil(`dropdown ${name}`, (o) => input.click(o), items.or(empty));
	const count = await items.count();
	const text = await page.locator('.el-select-dropdown:visible').first().innerText();
	await page.keyboard.press('Escape');
	await closedDropdowns(page);
	assert.ok(count > 0, `dropdown ${name} lists nothing: ${text}`);
	assert.ok(!/error/i.test(text), `dropdown ${name} shows an error: ${text}`);
	return count;
}

/** Opens a From List search (switching the field to From List) and returns how many records it lists. */
async function openList(page, name) {
	const locator = page.locator(`[data-test-id=resource-locator-${name}]`);
	const mode = await locator.locator('[data-test-id=rlc-mode-selector] input').inputValue();
	if (mode !== 'From list') {
		const option = page.locator('.el-select-dropdown__item:visible', { hasText: 'From list' });
		await actUntil(
			`the mode selector of ${name}`,
			(o) => locator.locator('[data-test-id=rlc-mode-selector]').click(o),
			option,
		);
		await option.first().click();
		const modeInput = locator.locator('[data-test-id=rlc-mode-selector] input');
		await waitUntil(
			`${name} in From list mode`,
			async () => (await modeInput.inputValue()) === 'From list',
		);
		await closedDropdowns(page);
	}
	const items = page.locator('[data-test-id=rlc-item]:visible');
	await actUntil(
		`the From List search ${name}`,
		(o) => locator.locator('[data-test-id=rlc-input]').click(o),
		items,
	);
	return await settledCount(items);
}

/**
 * The number of `items` once it has not changed for 1.5 s (a list still loading grows), or when it
 * still changes after the wait limit.
 */
async function settledCount(items) {
	let count = await items.count();
	let since = Date.now();
	for (const end = Date.now() + waitLimit(); Date.now() < end; await sleep(250)) {
		const now = await items.count();
		if (now !== count) {
			count = now;
			since = Date.now();
		} else if (Date.now() - since >= 1500) break;
	}
	return count;
}

/** Picks a record of an open From List search; the search closes. */
async function pick(page, item) {
	await item.click();
	await page.locator('[data-test-id=rlc-item]:visible').first().waitFor({ state: 'hidden' });
}

/** Opens a From List search, checks it lists records, and picks the first one. */
async function loadList(page, name) {
	const count = await openList(page, name);
	await pick(page, page.locator('[data-test-id=rlc-item]:visible').first());
	return count;
}

/**
 * Types part of a record's name into a From List search, as a user looking for a customer does:
 * the list must narrow (n8n sends the text to the node's search) and show the record, which is
 * then picked. Returns what the narrowed list shows.
 */
async function searchByPart(page, description, { resource, operation, field, type, expect }) {
	const props = description.properties;
	const resourceOption = props.find((p) => p.name === 'resource').options;
	await chooseOption(page, 'resource', resourceOption.find((o) => o.value === resource).name);
	const ops = props.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	await chooseOption(page, 'operation', ops.options.find((o) => o.value === operation).name);
	const unfiltered = await openList(page, field);
	// The search box is the input itself in n8n 2.41; a wrapper in other versions.
	await page
		.locator('input[data-test-id=rlc-search], [data-test-id=rlc-search] input')
		.first()
		.fill(type);
	const items = page.locator('[data-test-id=rlc-item]:visible');
	const shown = async () => (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
	// n8n waits a moment before it sends the text, and shows a loading state meanwhile.
	let names = [];
	const found = () => names.length < unfiltered && names.some((n) => n.includes(expect));
	for (const end = Date.now() + waitLimit(); Date.now() < end && !found(); await sleep(250))
		names = await shown();
	await settledCount(items);
	names = await shown();
	assert.ok(
		names.length < unfiltered,
		`typing "${type}" into ${field} did not narrow the list (${unfiltered} records before and after): ${names.join(' | ')}`,
	);
	assert.ok(
		found(),
		`typing "${type}" into ${field} does not list "${expect}"; it shows: ${names.join(' | ') || '(nothing)'}`,
	);
	await pick(page, items.filter({ hasText: expect }).first());
	return names;
}

/** Adds a node through the nodes panel search, as a user does, and opens it. */
async function addThroughPanel(page, url, testCase, description) {
	const addButton = page.locator('[data-test-id=canvas-add-button]');
	await step('open a new workflow', () => openPage(page, `${url}/workflow/new`, addButton));
	const search = page.locator('[data-test-id=node-creator] input');
	await step('open the nodes panel', () =>
		actUntil('the canvas add button', (o) => addButton.click(o), search),
	);
	await step(`search "${testCase.search}" in the nodes panel`, async () => {
		await search.first().fill(testCase.search);
		await page.click(`[data-test-id=node-creator-item-name]:text-is("${testCase.search}")`);
	});
	walk.step = 'pick the node in the nodes panel';
	const ndv = page.locator('[data-test-id=ndv]');
	if (testCase.webhook) {
		// A webhook trigger without events to pick in the panel opens at once, or lists its entries.
		const entries = page.locator('[data-test-id=node-creator-item-name]').filter({
			hasText: testCase.entry,
		});
		await ndv
			.or(entries)
			.first()
			.waitFor()
			.catch(() => undefined);
		if (!(await ndv.isVisible())) {
			const names = await page.$$eval('[data-test-id=node-creator-item-name]', (els) =>
				els.map((e) => e.textContent.trim()),
			);
			const entry = names.find((n) => testCase.entry?.test(n));
			if (!entry)
				throw new Error(`no panel entry for ${testCase.slug} among: ${names.join(' | ')}`);
			await page.click(`[data-test-id=node-creator-item-name]:text-is("${entry}")`);
		}
	} else if (testCase.trigger) {
		await page.click(`[data-test-id=node-creator-item-name]:text-is("${testCase.trigger}")`);
	} else {
		await page.click('text=/^Actions \\(\\d+\\)$/');
		// The action a user picks first: the first operation of the first resource.
		const props = description.properties;
		const resource = props.find((p) => p.name === 'resource').default;
		const ops = props.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		);
		const action = ops.options.find((o) => o.value === ops.default).action;
		await page.click(`[data-test-id=node-creator-item-name]:text-is("${action}")`);
	}
	await step('open the node', async () => {
		await ndv.waitFor();
		await page.locator('[data-test-id=ndv] [data-test-id=node-parameters]').first().waitFor();
	});
}

/** Walks every resource and operation of an action node; returns how many were checked. */
async function walkOperations(page, description, report) {
	const props = description.properties;
	const resources = props.find((p) => p.name === 'resource')?.options ?? [];
	let walked = 0;
	for (const resource of resources) {
		await step(`choose resource ${resource.name}`, () =>
			chooseOption(page, 'resource', resource.name),
		);
		const opProp = props.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const op of opProp?.options ?? []) {
			const where = `${resource.name} > ${op.name}`;
			await step(`choose ${where}`, () => chooseOption(page, 'operation', op.name));
			const expected = expectedFields(props, resource.value, op.value);
			await step(`the fields of ${where}`, async () => {
				await expectShown(page, expected, where);
				await assertNoErrorToast(page, where);
			});
			for (const field of expected) {
				if (field.typeOptions?.loadOptionsMethod) {
					const n = await step(`${where}: dropdown ${field.name}`, () =>
						loadDropdown(page, field.name),
					);
					report.dropdowns.push(`${resource.value}.${op.value}.${field.name}: ${n}`);
				}
				const listMode = field.modes?.find((m) => m.name === 'list');
				if (field.type === 'resourceLocator' && listMode) {
					const n = await step(`${where}: From List search ${field.name}`, () =>
						loadList(page, field.name),
					);
					report.lists.push(`${resource.value}.${op.value}.${field.name}: ${n}`);
				}
			}
			walked++;
		}
	}
	return walked;
}

/**
 * Waits until the panel shows every field of `expected` (the panel redraws after a choice, slowly on
 * a busy machine); fails naming the first field still missing when the wait runs out.
 */
async function expectShown(page, expected, where) {
	let shown = [];
	const missing = () => expected.filter((f) => !shown.includes(f.name));
	try {
		await waitUntil(`the fields of ${where}`, async () => {
			shown = await shownFields(page);
			return missing().length === 0;
		});
	} catch (error) {
		const field = missing()[0];
		if (!field) throw error;
		assert.fail(
			`${where}: field "${field.displayName}" (${field.name}) is not shown; shown: ${shown.join(', ')}`,
		);
	}
}

async function assertNoErrorToast(page, where) {
	const toast = page.locator('.el-notification--error:visible, [role=alert].el-notification');
	if (await toast.count()) assert.fail(`${where}: error shown: ${await toast.first().innerText()}`);
}

/** Opens the credential from the panel, tests it with a wrong secret, then the good one. */
async function testCredential(page, credential) {
	const modal = page.locator('[data-test-id=editCredential-modal]');
	await actUntil(
		'the credential edit button',
		(o) => page.click('[data-test-id=credential-edit-button]', o),
		modal,
	);
	const secret = modal.locator(`[data-test-id=parameter-input-${credential.secretField}] input`);
	// Saving runs the credential's test; the modal says "Testing" until the new result shows.
	const saveAndExpect = async (expected) => {
		await modal.locator('[data-test-id=credential-save-button]').click();
		let text = '';
		for (const end = Date.now() + waitLimit(); Date.now() < end; await sleep(250)) {
			text = await modal.innerText();
			if (!/\bTesting\b/.test(text) && expected.test(text)) return text;
		}
		assert.fail(`the credential test did not show ${expected}: ${text.slice(0, 300)}`);
	};
	const refused = await step('credential test with a wrong secret', async () => {
		await secret.fill('wrong-secret-for-the-editor-test');
		return await saveAndExpect(/Couldn.t connect/);
	});
	assert.ok(!refused.includes(credential.goodSecret), 'the secret must not show');
	await step('credential test with the right secret', async () => {
		await secret.fill(credential.goodSecret);
		await saveAndExpect(/Connection tested successfully/);
	});
	await step('close the credential', async () => {
		// On a busy machine the form can report a change after the save whose test just passed
		// (an input's late update with the value already saved); n8n then asks "Close without
		// saving?", and closing discards nothing. The executions after this use the saved credential.
		const confirm = page.locator('.el-message-box:visible').filter({ hasText: 'without saving' });
		let pressed = 0;
		await waitUntil('the credential to close', async () => {
			if (!(await modal.isVisible())) return true;
			if (await confirm.isVisible()) {
				await confirm.getByRole('button', { name: 'Close', exact: true }).click();
				log(`     ${walk.slug}: n8n asked "Close without saving?" after the saved test; closed`);
			} else if (Date.now() - pressed > 15_000) {
				// Escape again only when the last one did nothing for a while (a lost key press).
				await page.keyboard.press('Escape');
				pressed = Date.now();
			}
			return false;
		});
	});
	return { refused: /Couldn.t connect[^\n]*\n?[^\n]*/.exec(refused)?.[0] };
}

/** Executes one operation in the editor and returns the number of rows of its output table. */
async function executeInEditor(page, url, rest, testCase, execution, index) {
	const nodeName = `${testCase.search} ${execution.resource}`;
	const workflow = {
		name: `Editor test: ${nodeName}`,
		nodes: [
			{
				id: 'manual',
				name: 'Manual',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `node-${index}`,
				name: nodeName,
				type: testCase.nodeType,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: execution.resource,
					operation: execution.operation,
					...execution.parameters,
				},
				credentials: {
					[testCase.credential.type]: {
						id: testCase.credential.id,
						name: testCase.credential.name,
					},
				},
			},
		],
		connections: { Manual: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
	const created = await rest.call('POST', '/workflows', workflow);
	assert.equal(created.status, 200, JSON.stringify(created.body).slice(0, 300));
	const id = created.body.data.id;
	const executeButton = page.locator('[data-test-id=node-execute-button]');
	await openPage(page, `${url}/workflow/${id}/node-${index}`, executeButton);
	const output = page.locator('[data-test-id=output-panel]');
	const rows = output.locator('table tbody tr');
	const failure = output
		.locator('[data-test-id=node-error-message]')
		.or(output.getByText(/Problem in node|Error in node/));
	// One click: a second one would stop the execution under way.
	await executeButton.click();
	await rows.or(failure).first().waitFor({ timeout: waitLimit() });
	if (await failure.count()) assert.fail(`${nodeName}: ${await output.innerText()}`);
	return await rows.count();
}

async function main() {
	const started = Date.now();
	const executablePath = ensureChromium();
	const runtime = ensureN8n();
	rmSync(HOME, { recursive: true, force: true });
	mkdirSync(HOME, { recursive: true });
	installPackageInto(HOME);

	// One file per vendor in nodes/: its sandbox and credential, and its nodes' cases.
	const casesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'nodes');
	const vendors = [];
	const cases = [];
	for (const file of readdirSync(casesDir)
		.filter((f) => f.endsWith('.mjs'))
		.sort()) {
		const mod = await import(pathToFileURL(path.join(casesDir, file)).href);
		const vendor = await mod.editorSandbox();
		vendors.push(vendor);
		cases.push(...mod.editorCases(vendor.sandbox));
	}
	const selected = cases.filter((c) => only.length === 0 || only.includes(c.slug));
	const credentialFile = path.join(HOME, 'credentials.json');
	writeFileSync(credentialFile, JSON.stringify(vendors.map((v) => v.credential)));
	const imported = await n8nCli(runtime, HOME, ['import:credentials', `--input=${credentialFile}`]);
	assert.equal(
		imported.code,
		0,
		`import:credentials failed:\n${imported.stdout}\n${imported.stderr}`,
	);
	const n8n = await startN8n(runtime, HOME);

	const browser = await chromium.launch({
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const failures = [];
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		walk.page = page;
		const problems = [];
		page.on('console', (m) => {
			const where = m.location()?.url ?? '';
			const ours = fromPackage(n8n.url, where) || /n8n-nodes-erp-customers/.test(m.text());
			if (m.type() === 'error' && ours && where.startsWith(n8n.url))
				problems.push(`console: ${m.text()} (${where})`);
		});
		page.on('response', (r) => {
			if (r.status() >= 400 && fromPackage(n8n.url, r.url()))
				problems.push(`HTTP ${r.status()} ${r.url()}`);
		});
		page.on('requestfailed', (r) => {
			if (fromPackage(n8n.url, r.url())) problems.push(`failed request ${r.url()}`);
		});

		// The editor's first load on a busy machine takes a while: n8n must answer and serve the
		// editor's scripts first, and the page is opened again if its navigation times out.
		startWalk('sign-in', START_LIMIT_MS);
		await step('wait for n8n to serve the editor', () => waitForEditorServed(n8n.url));
		const password = page.locator('input[type=password]');
		await step('open the sign-in page', () => openPage(page, `${n8n.url}/signin`, password));
		await step('sign in', async () => {
			await page.fill('input[type=email], input[name=emailOrLdapLoginId]', OWNER.email);
			await password.fill(OWNER.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((u) => !u.pathname.includes('signin'));
		});
		mkdirSync(IMAGES, { recursive: true });

		for (const testCase of selected) {
			const t0 = Date.now();
			const report = { dropdowns: [], lists: [] };
			problems.length = 0;
			startWalk(testCase.slug);
			try {
				const description = descriptionOf(testCase.dist);
				await addThroughPanel(page, n8n.url, testCase, description);
				let walked = 0;
				if (testCase.trigger || testCase.webhook) {
					const fields = expectedFields(description.properties);
					await step('the trigger fields', () => expectShown(page, fields, 'trigger'));
					for (const field of fields) {
						if (field.typeOptions?.loadOptionsMethod) {
							const n = await step(`dropdown ${field.name}`, () => loadDropdown(page, field.name));
							report.dropdowns.push(`${field.name}: ${n}`);
						}
					}
				} else {
					walked = await walkOperations(page, description, report);
					if (testCase.partialSearch) {
						const found = await step(
							`type "${testCase.partialSearch.type}" into the From List search ${testCase.partialSearch.field}`,
							() => searchByPart(page, description, testCase.partialSearch),
						);
						report.partial = `"${testCase.partialSearch.type}" found ${found.length}: ${found.join(' | ')}`;
					}
					// The screenshot shows the operation the case names, or the node's default one.
					const props = description.properties;
					const resource = props.find((p) => p.name === 'resource');
					const shot = testCase.screenshot ?? { resource: resource.default };
					const first = resource.options.find((o) => o.value === shot.resource);
					const ops = props.find(
						(p) =>
							p.name === 'operation' && p.displayOptions?.show?.resource?.includes(first.value),
					);
					const op = ops.options.find((o) => o.value === (shot.operation ?? ops.default));
					await step(`choose ${first.name} > ${op.name} for the screenshot`, async () => {
						await chooseOption(page, 'resource', first.name);
						await chooseOption(page, 'operation', op.name);
					});
				}
				await step('screenshot', () =>
					page.screenshot({ path: path.join(IMAGES, `${testCase.slug}.png`) }),
				);
				if (testCase.trigger && !testCase.webhook) {
					// "Fetch Test Event": the trigger's manual poll shows a record in the output table.
					await step('fetch test event', async () => {
						await page.click('[data-test-id=node-execute-button]');
						const rows = page.locator('[data-test-id=output-panel] table tbody tr');
						await rows.first().waitFor();
						report.testEvent = await rows.count();
						await page.screenshot({ path: path.join(IMAGES, `${testCase.slug}-output.png`) });
					});
				}
				let credential;
				if (testCase.credential) credential = await testCredential(page, testCase.credential);
				const executed = [];
				for (const [i, execution] of (testCase.executions ?? []).entries()) {
					const rows = await step(
						`execute ${execution.resource} > ${execution.operation}`,
						async () => {
							const n = await executeInEditor(page, n8n.url, n8n.rest, testCase, execution, i);
							if (i === 0)
								await page.screenshot({ path: path.join(IMAGES, `${testCase.slug}-output.png`) });
							return n;
						},
					);
					assert.ok(rows > 0, `${execution.resource} > ${execution.operation}: empty output table`);
					executed.push(`${execution.resource}.${execution.operation}: ${rows} rows`);
				}
				walk.step = 'requests and console errors';
				assert.deepEqual(problems, [], 'requests or console errors from the package failed');
				log(
					`ok   ${testCase.slug} (${((Date.now() - t0) / 1000).toFixed(1)} s): ${walked} operations walked; dropdowns ${report.dropdowns.length}, From List searches ${report.lists.length}; ${credential ? `credential test good and wrong ("${credential.refused?.replace(/\s+/g, ' ').trim()}"); ` : ''}executed ${executed.join(', ') || 'none'}${report.testEvent ? `; test event: ${report.testEvent} rows` : ''}${report.partial ? `; From List search by part of a name: ${report.partial}` : ''}`,
				);
			} catch (error) {
				failures.push(testCase.slug);
				await page
					.screenshot({
						path: path.join(CACHE, `editor-failure-${testCase.slug}.png`),
						timeout: 60_000,
					})
					.catch((e) => log(`     (no failure screenshot: ${e.message.split('\n')[0]})`));
				log(
					`FAIL ${testCase.slug} (step: ${walk.step}, after ${((Date.now() - t0) / 1000).toFixed(1)} s): ${error.message}\n${problems.join('\n')}`,
				);
			}
		}
	} finally {
		await browser.close();
		await n8n.stop();
		for (const vendor of vendors) await vendor.sandbox.close();
		rmSync(HOME, { recursive: true, force: true });
	}
	log(
		`editor: ${selected.length - failures.length} of ${selected.length} nodes passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
	);
	if (failures.length) process.exit(1);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
