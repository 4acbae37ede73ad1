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
import { CACHE, REPO, ensureN8n, installPackageInto, n8nCli } from '../../scripts/n8n-runtime.mjs';

const IMAGES = path.join(REPO, 'docs', 'images');
const only = process.argv.slice(2);
const require = createRequire(import.meta.url);
const HOME = path.join(CACHE, `editor-home-${process.pid}`);

function log(msg) {
	process.stdout.write(`${msg}\n`);
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
	await page.click(`[data-test-id=parameter-input-${name}]`);
	const item = page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.locator(`text="${label}"`) })
		.first();
	await item.click();
	await page.waitForTimeout(250);
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
	for (let attempt = 1; ; attempt++) {
		await page.locator(`[data-test-id=parameter-input-${name}] input`).first().click();
		try {
			await Promise.race([
				items.first().waitFor({ timeout: 10_000 }),
				empty.first().waitFor({ timeout: 10_000 }),
			]);
			break;
		} catch (error) {
			await page.keyboard.press('Escape');
			if (attempt === 2) throw new Error(`dropdown ${name} did not open: ${error.message}`);
		}
	}
	const count = await items.count();
	const text = await page.locator('.el-select-dropdown:visible').first().innerText();
	await page.keyboard.press('Escape');
	await page.waitForTimeout(200);
	assert.ok(count > 0, `dropdown ${name} lists nothing: ${text}`);
	assert.ok(!/error/i.test(text), `dropdown ${name} shows an error: ${text}`);
	return count;
}

/** Opens a From List search (switching the field to From List) and returns how many records it lists. */
async function openList(page, name) {
	const locator = page.locator(`[data-test-id=resource-locator-${name}]`);
	const mode = await locator.locator('[data-test-id=rlc-mode-selector] input').inputValue();
	if (mode !== 'From list') {
		await locator.locator('[data-test-id=rlc-mode-selector]').click();
		await page.locator('.el-select-dropdown__item:visible', { hasText: 'From list' }).click();
	}
	await locator.locator('[data-test-id=rlc-input]').click();
	const items = page.locator('[data-test-id=rlc-item]:visible');
	await items.first().waitFor({ timeout: 15_000 });
	return await settledCount(page, items);
}

/** The number of `items` once it has not changed for 1.5 s (a list still loading grows). */
async function settledCount(page, items, timeoutMs = 15_000) {
	let count = await items.count();
	let since = Date.now();
	for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await page.waitForTimeout(250)) {
		const now = await items.count();
		if (now !== count) {
			count = now;
			since = Date.now();
		} else if (Date.now() - since >= 1500) break;
	}
	return count;
}

/** Opens a From List search, checks it lists records, and picks the first one. */
async function loadList(page, name) {
	const count = await openList(page, name);
	await page.locator('[data-test-id=rlc-item]:visible').first().click();
	await page.waitForTimeout(300);
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
	for (const t0 = Date.now(); Date.now() - t0 < 20_000 && !found(); await page.waitForTimeout(250))
		names = await shown();
	await settledCount(page, items);
	names = await shown();
	assert.ok(
		names.length < unfiltered,
		`typing "${type}" into ${field} did not narrow the list (${unfiltered} records before and after): ${names.join(' | ')}`,
	);
	assert.ok(
		found(),
		`typing "${type}" into ${field} does not list "${expect}"; it shows: ${names.join(' | ') || '(nothing)'}`,
	);
	await items.filter({ hasText: expect }).first().click();
	await page.waitForTimeout(300);
	return names;
}

/** Adds a node through the nodes panel search, as a user does, and opens it. */
async function addThroughPanel(page, url, testCase, description) {
	await page.goto(`${url}/workflow/new`);
	await page.click('[data-test-id=canvas-add-button]');
	const search = page.locator('[data-test-id=node-creator] input').first();
	await search.waitFor();
	await search.fill(testCase.search);
	await page.click(`[data-test-id=node-creator-item-name]:text-is("${testCase.search}")`);
	if (testCase.webhook) {
		// A webhook trigger without events to pick in the panel opens at once, or lists itself.
		const ndv = page.locator('[data-test-id=ndv]');
		const opened = await ndv
			.waitFor({ timeout: 5_000 })
			.then(() => true)
			.catch(() => false);
		if (!opened) {
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
	await page.locator('[data-test-id=ndv]').waitFor();
	await page.waitForTimeout(500);
}

/** Walks every resource and operation of an action node; returns how many were checked. */
async function walkOperations(page, description, report) {
	const props = description.properties;
	const resources = props.find((p) => p.name === 'resource')?.options ?? [];
	let walked = 0;
	for (const resource of resources) {
		await chooseOption(page, 'resource', resource.name);
		const opProp = props.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const op of opProp?.options ?? []) {
			await chooseOption(page, 'operation', op.name);
			const shown = await shownFields(page);
			const expected = expectedFields(props, resource.value, op.value);
			for (const field of expected) {
				assert.ok(
					shown.includes(field.name),
					`${resource.name} > ${op.name}: field "${field.displayName}" (${field.name}) is not shown; shown: ${shown.join(', ')}`,
				);
			}
			await assertNoErrorToast(page, `${resource.name} > ${op.name}`);
			for (const field of expected) {
				if (field.typeOptions?.loadOptionsMethod) {
					const n = await loadDropdown(page, field.name);
					report.dropdowns.push(`${resource.value}.${op.value}.${field.name}: ${n}`);
				}
				const listMode = field.modes?.find((m) => m.name === 'list');
				if (field.type === 'resourceLocator' && listMode) {
					const n = await loadList(page, field.name);
					report.lists.push(`${resource.value}.${op.value}.${field.name}: ${n}`);
				}
			}
			walked++;
		}
	}
	return walked;
}

async function assertNoErrorToast(page, where) {
	const toast = page.locator('.el-notification--error:visible, [role=alert].el-notification');
	if (await toast.count()) assert.fail(`${where}: error shown: ${await toast.first().innerText()}`);
}

/** Opens the credential from the panel, tests it with a wrong secret, then the good one. */
async function testCredential(page, credential) {
	await page.click('[data-test-id=credential-edit-button]');
	const modal = page.locator('[data-test-id=editCredential-modal]');
	await modal.waitFor();
	const secret = modal.locator(`[data-test-id=parameter-input-${credential.secretField}] input`);
	// Saving runs the credential's test; the modal says "Testing" until the new result shows.
	const saveAndExpect = async (expected) => {
		await modal.locator('[data-test-id=credential-save-button]').click();
		let text = '';
		for (const t0 = Date.now(); Date.now() - t0 < 30_000; await page.waitForTimeout(250)) {
			text = await modal.innerText();
			if (!/\bTesting\b/.test(text) && expected.test(text)) return text;
		}
		assert.fail(`the credential test did not show ${expected}: ${text.slice(0, 300)}`);
	};
	await secret.fill('wrong-secret-for-the-editor-test');
	const refused = await saveAndExpect(/Couldn.t connect/);
	assert.ok(!refused.includes(credential.goodSecret), 'the secret must not show');
	await secret.fill(credential.goodSecret);
	await saveAndExpect(/Connection tested successfully/);
	await page.keyboard.press('Escape');
	await modal.waitFor({ state: 'hidden' });
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
	await page.goto(`${url}/workflow/${id}/node-${index}`);
	await page.locator('[data-test-id=ndv]').waitFor();
	await page.click('[data-test-id=node-execute-button]');
	const output = page.locator('[data-test-id=output-panel]');
	const rows = output.locator('table tbody tr');
	const failure = output
		.locator('[data-test-id=node-error-message]')
		.or(output.getByText(/Problem in node|Error in node/));
	await Promise.race([
		rows.first().waitFor({ timeout: 60_000 }),
		failure.first().waitFor({ timeout: 60_000 }),
	]);
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
		page.setDefaultTimeout(20_000);
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

		// The first load compiles and caches the editor's assets, which takes a while on a busy machine.
		await page.goto(`${n8n.url}/signin`, { timeout: 120_000 });
		await page.locator('input[type=password]').waitFor({ timeout: 120_000 });
		await page.fill('input[type=email], input[name=emailOrLdapLoginId]', OWNER.email);
		await page.fill('input[type=password]', OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => !u.pathname.includes('signin'));
		mkdirSync(IMAGES, { recursive: true });

		for (const testCase of selected) {
			const t0 = Date.now();
			const report = { dropdowns: [], lists: [] };
			problems.length = 0;
			try {
				const description = descriptionOf(testCase.dist);
				await addThroughPanel(page, n8n.url, testCase, description);
				let walked = 0;
				if (testCase.trigger || testCase.webhook) {
					for (const field of expectedFields(description.properties)) {
						const shown = await shownFields(page);
						assert.ok(shown.includes(field.name), `trigger field ${field.name} is not shown`);
						if (field.typeOptions?.loadOptionsMethod)
							report.dropdowns.push(`${field.name}: ${await loadDropdown(page, field.name)}`);
					}
				} else {
					walked = await walkOperations(page, description, report);
					if (testCase.partialSearch) {
						const found = await searchByPart(page, description, testCase.partialSearch);
						report.partial = `"${testCase.partialSearch.type}" found ${found.length}: ${found.join(' | ')}`;
					}
					// The screenshot shows the operation the case names, or the node's default one.
					const props = description.properties;
					const resource = props.find((p) => p.name === 'resource');
					const shot = testCase.screenshot ?? { resource: resource.default };
					const first = resource.options.find((o) => o.value === shot.resource);
					await chooseOption(page, 'resource', first.name);
					const ops = props.find(
						(p) =>
							p.name === 'operation' && p.displayOptions?.show?.resource?.includes(first.value),
					);
					const op = ops.options.find((o) => o.value === (shot.operation ?? ops.default));
					await chooseOption(page, 'operation', op.name);
				}
				await page.screenshot({ path: path.join(IMAGES, `${testCase.slug}.png`) });
				if (testCase.trigger && !testCase.webhook) {
					// "Fetch Test Event": the trigger's manual poll shows a record in the output table.
					await page.click('[data-test-id=node-execute-button]');
					const rows = page.locator('[data-test-id=output-panel] table tbody tr');
					await rows.first().waitFor({ timeout: 60_000 });
					report.testEvent = await rows.count();
					await page.screenshot({ path: path.join(IMAGES, `${testCase.slug}-output.png`) });
				}
				let credential;
				if (testCase.credential) credential = await testCredential(page, testCase.credential);
				const executed = [];
				for (const [i, execution] of (testCase.executions ?? []).entries()) {
					const rows = await executeInEditor(page, n8n.url, n8n.rest, testCase, execution, i);
					assert.ok(rows > 0, `${execution.resource} > ${execution.operation}: empty output table`);
					executed.push(`${execution.resource}.${execution.operation}: ${rows} rows`);
					if (i === 0)
						await page.screenshot({ path: path.join(IMAGES, `${testCase.slug}-output.png`) });
				}
				assert.deepEqual(problems, [], 'requests or console errors from the package failed');
				log(
					`ok   ${testCase.slug} (${((Date.now() - t0) / 1000).toFixed(1)} s): ${walked} operations walked; dropdowns ${report.dropdowns.length}, From List searches ${report.lists.length}; ${credential ? `credential test good and wrong ("${credential.refused?.replace(/\s+/g, ' ').trim()}"); ` : ''}executed ${executed.join(', ') || 'none'}${report.testEvent ? `; test event: ${report.testEvent} rows` : ''}${report.partial ? `; From List search by part of a name: ${report.partial}` : ''}`,
				);
			} catch (error) {
				failures.push(testCase.slug);
				await page.screenshot({ path: path.join(CACHE, `editor-failure-${testCase.slug}.png`) });
				log(`FAIL ${testCase.slug}: ${error.message}\n${problems.join('\n')}`);
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
