/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test infrastructure (vendor JSON), not shipped */
/**
 * Contract test: the requests the Xentral node sends to paths that the Xentral core spec
 * (shared/specs/xentral-core_24.48.10_openapi-3.0.json) still describes must validate against it:
 * contact persons, sales prices, the v1 customer delete, webhooks, payment methods, projects and
 * shipping methods. The v2 customer endpoints postdate that spec: their bodies are checked against
 * the catalogue of the 2026 spec as ../shared/api/xentral.md transcribes it (./xentralCatalogue.ts),
 * both ways: nothing the node sends is missing there, and every field there can be set.
 *
 * The workflows run in process against the Xentral sandbox; each logged API request is replayed
 * to Prism mocking the spec (helpers in ./prism.ts).
 */
import { existsSync } from 'node:fs';
import type { IDataObject } from 'n8n-workflow';

import type { FieldSpec } from '../../nodes/shared/fieldSpecs';
import { rateLimitGate } from '../../nodes/shared/rateLimit';
import { CUSTOMER_FIELDS, UPDATE_ONLY_FIELDS } from '../../nodes/Xentral/helpers/customerFields';
import { XentralSalesPriceTrigger } from '../../nodes/XentralSalesPriceTrigger/XentralSalesPriceTrigger.node';
import { createHookContext } from '../harness/hookContext';
import { loadWorkflow, runWorkflow } from '../harness/runWorkflow';
import type { RunningSandbox, SandboxRequestLog } from '../harness/sandbox';
import { startSandbox } from '../harness/sandbox';
import { xentralSandboxCredential } from '../harness/xentralSuite';
import type { Prism, Replay } from './prism';
import { expectValid, PRISM_START_TIMEOUT_MS, sendToPrism, startPrism } from './prism';
import { assertSpecsPresent, XENTRAL_CORE_SPEC_FILE, xentralCoreSpec } from './specs';
import { bodyPaths, catalogueProblems, leafPaths, readCustomerCatalogue } from './xentralCatalogue';

let sandbox: RunningSandbox;
let prism: Prism;

jest.setTimeout(120_000);
beforeAll(async () => {
	assertSpecsPresent();
	if (!existsSync(xentralCoreSpec()))
		throw new Error(`Contract tests: no ${XENTRAL_CORE_SPEC_FILE} in the spec folder`);
	[sandbox, prism] = await Promise.all([startSandbox('xentral'), startPrism(xentralCoreSpec())]);
}, PRISM_START_TIMEOUT_MS + 30_000);
afterAll(async () => await Promise.all([sandbox?.stop(), prism?.stop()]));
beforeEach(async () => {
	rateLimitGate.reset();
	await sandbox.reset();
});

/** A logged request as Prism gets it: the same path, query and body, a stand-in token. */
function toReplay(logged: SandboxRequestLog): Replay {
	const headers: Record<string, string> = { authorization: 'Bearer test' };
	for (const name of ['content-type', 'accept'])
		if (logged.headers[name] !== undefined) headers[name] = logged.headers[name];
	return {
		method: logged.method,
		path: logged.path,
		query: logged.query ?? {},
		headers,
		body: logged.body,
	};
}

async function requestsOf(
	file: string,
	items: IDataObject[],
	pathPattern: RegExp,
	change?: (parameters: any) => void,
) {
	const workflow = loadWorkflow(file);
	if (change) change(workflow.nodes.find((n) => n.name === 'Xentral')!.parameters);
	const result = await runWorkflow(workflow, [xentralSandboxCredential(sandbox)], {
		items,
	});
	expect(result.error).toBeUndefined();
	const calls = (await sandbox.requests()).filter((r) => pathPattern.test(r.path));
	expect(calls.length).toBeGreaterThan(0);
	return calls.map(toReplay);
}

const CONTACTS = /^\/api\/v1\/customers\/\d+\/contactPerson/;
const PRICES = /^\/api\/v1\/salesPrices/;

describe('Xentral requests validate against the core spec 24.48.10 (Prism mock)', () => {
	it.each(
		[
			[
				'Contact Person > Create',
				'Xentral/contactPerson-create.workflow.json',
				{ customerId: '1', name: 'Eva', email: 'e@x.example', department: 'V' },
				CONTACTS,
			],
			[
				'Contact Person > Get',
				'Xentral/contactPerson-get.workflow.json',
				{ customerId: '1', contactPersonId: '1' },
				CONTACTS,
			],
			[
				'Contact Person > Get Many',
				'Xentral/contactPerson-getAll.workflow.json',
				{ customerId: '1' },
				CONTACTS,
			],
			[
				'Contact Person > Update',
				'Xentral/contactPerson-update.workflow.json',
				{ customerId: '1', contactPersonId: '1', position: 'CEO' },
				CONTACTS,
			],
			[
				'Contact Person > Create with salutation text, groups, state, calendar flags and extra fields',
				'Xentral/contactPerson-create.workflow.json',
				{ customerId: '1', name: 'Petra Lindner', email: 'p@x.example', department: 'Einkauf' },
				CONTACTS,
				(p: any) => {
					Object.assign(p.additionalFields, {
						salutation: 'Sehr geehrte Frau Lindner',
						groupIds: '17, 22',
						state: 'BY',
						birthdayShowInCalendar: true,
						sendBirthdayCard: true,
						others: 'Messe',
						comment: 'intern',
					});
					p.extraBodyFields = '{"subDepartment": "Nord"}';
				},
			],
			[
				'Contact Person > Delete',
				'Xentral/contactPerson-delete.workflow.json',
				{ customerId: '1', contactPersonId: '1' },
				CONTACTS,
			],
			[
				'Sales Price > Create',
				'Xentral/salesPrice-create.workflow.json',
				{
					customerId: '2',
					productId: '14',
					fromQuantity: 2,
					price: 3.5,
					currency: 'EUR',
					validFrom: '2026-03-01',
				},
				PRICES,
			],
			['Sales Price > Get', 'Xentral/salesPrice-get.workflow.json', { salesPriceId: '1' }, PRICES],
			['Sales Price > Get Many', 'Xentral/salesPrice-getAll.workflow.json', {}, PRICES],
			[
				'Sales Price > Update',
				'Xentral/salesPrice-update.workflow.json',
				{ salesPriceId: '1', price: 2.25 },
				PRICES,
			],
			[
				'Sales Price > Delete',
				'Xentral/salesPrice-delete.workflow.json',
				{ salesPriceId: '1' },
				PRICES,
			],
			[
				// The listing flags, the customer product number and the remark came after 24.48 (the
				// notes cite the 2026 catalogue for them); this spec knows the package amount.
				'Sales Price > Create with package amount and extra fields',
				'Xentral/salesPrice-create.workflow.json',
				{
					customerId: '2',
					productId: '15',
					fromQuantity: 3,
					price: 4.5,
					currency: 'EUR',
					validFrom: '2026-03-01',
				},
				PRICES,
				(p: any) => {
					Object.assign(p.additionalFields, { packageAmount: 6 });
					p.extraBodyFields = '{"expiresAt": "2026-12-31"}';
				},
			],
			[
				'Customer > Delete (v1)',
				'Xentral/customer-delete.workflow.json',
				{ customerId: '3' },
				/^\/api\/v1\/customers\/\d+$/,
			],
		].map((row) => [...row, ...Array(5 - row.length).fill(null)]) as Array<
			[string, string, object, RegExp, ((p: any) => void) | null]
		>,
	)('%s', async (_label, file, item, pattern, change) => {
		for (const request of await requestsOf(
			file,
			[item as IDataObject],
			pattern,
			change ?? undefined,
		))
			expectValid(request, await sendToPrism(prism, request));
	});

	it.each([['/api/v1/paymentMethods'], ['/api/v1/projects'], ['/api/v1/shippingMethods']])(
		'the list of a dropdown: %s (payment methods also for the credential test)',
		async (path) => {
			const request: Replay = {
				method: 'GET',
				path,
				query: { 'page[number]': '1', 'page[size]': '50' },
				headers: { authorization: 'Bearer test', accept: 'application/json' },
				body: undefined,
			};
			expectValid(request, await sendToPrism(prism, request));
		},
	);

	it('Sales Price Trigger: webhook event types, registration and removal', async () => {
		const hooks = new XentralSalesPriceTrigger().webhookMethods.default;
		const ctx = createHookContext({
			type: 'n8n-nodes-erp-customers.xentralSalesPriceTrigger',
			parameters: { events: ['created', 'updated', 'deleted'] },
			credentials: [xentralSandboxCredential(sandbox)],
			nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
			staticData: {},
			webhookBaseUrl: 'https://n8n.example.com/webhook',
		});
		await hooks.create.call(ctx);
		await hooks.checkExists.call(ctx);
		await hooks.delete.call(ctx);
		const calls = (await sandbox.requests()).filter((r) => r.path.startsWith('/api/v1/webhook'));
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
			'GET /api/v1/webhooks',
			'GET /api/v1/webhookEventTypes',
			'POST /api/v1/webhooks',
			'GET /api/v1/webhooks/1',
			'DELETE /api/v1/webhooks/1',
			'GET /api/v1/webhooks',
		]);
		for (const call of calls) expectValid(toReplay(call), await sendToPrism(prism, toReplay(call)));
	});

	it('the check can fail: a body field the spec does not know is refused', async () => {
		const [post] = await requestsOf(
			'Xentral/salesPrice-create.workflow.json',
			[
				{
					customerId: '2',
					productId: '14',
					fromQuantity: 2,
					price: 3.5,
					currency: 'EUR',
					validFrom: '2026-03-01',
				},
			],
			/^\/api\/v1\/salesPrices$/,
		);
		const tampered = { ...post, body: { ...(post.body as any), unknownField: 1 } };
		expect(() => expectValid(tampered, { status: 0, violations: [], body: '' })).toThrow();
		const answer = await sendToPrism(prism, tampered);
		expect(answer.status).toBeGreaterThanOrEqual(400);
	});
});

/** A value each field kind accepts, for a body that sets every field the node offers. */
function sampleValue(spec: FieldSpec): unknown {
	const special: Record<string, unknown> = {
		email: 'contract@example.com',
		iban: 'DE89 3704 0044 0532 0130 00',
		bic: 'COBADEFFXXX',
		defaultCurrency: 'EUR',
		sepaMandateReference: 'C-2026-1',
		groupIds: '1, 2',
		number: 'C-CONTRACT-1',
		latitude: 52.52,
		longitude: 13.4,
	};
	if (spec.name in special) return special[spec.name];
	switch (spec.kind) {
		case 'choice':
			return spec.choices![0].value;
		case 'dateTime':
			return '2026-03-01';
		case 'intId':
			return '2';
		case 'int':
			return 2;
		case 'number':
		case 'percent':
			return 5;
		case 'boolean':
			return true;
		case 'language':
			return 'de';
		case 'country':
			return 'DE';
		default:
			return 'Text';
	}
}

const sampleFields = (specs: FieldSpec[]) =>
	Object.fromEntries(specs.map((spec) => [spec.name, sampleValue(spec)]));

const LISTS = (p: any) => {
	p.customFields = { fields: [{ id: 1, value: 'Eins' }] };
	p.additionalContactData = { entries: [{ label: 'mobile2', value: '+49 172 1' }] };
	p.extraBodyFields = '{}';
};

describe('v2 customer bodies against the catalogue the API notes transcribe', () => {
	const catalogue = readCustomerCatalogue();

	/** The body of the node's one write in a run, which the sandbox must have accepted. */
	async function writeOf(file: string, item: IDataObject, change: (p: any) => void) {
		const workflow = loadWorkflow(file);
		change(workflow.nodes.find((n) => n.name === 'Xentral')!.parameters);
		const result = await runWorkflow(workflow, [xentralSandboxCredential(sandbox)], {
			items: [item],
		});
		expect(result.error).toBeUndefined();
		const writes = (await sandbox.requests()).filter(
			(r) => r.method !== 'GET' && r.path.startsWith('/api/v2/customers'),
		);
		expect(writes).toHaveLength(1);
		expect([201, 204]).toContain(writes[0].status);
		return writes[0].body;
	}

	it('Create and Create or Update: every documented field can be set, and nothing else is sent', async () => {
		const company = await writeOf(
			'Xentral/customer-create.workflow.json',
			{
				customerType: 'company',
				companyName: 'Contract GmbH',
				email: 'c@x.example',
				projectId: '1',
			},
			(p) => {
				p.additionalFields = sampleFields(CUSTOMER_FIELDS);
				LISTS(p);
			},
		);
		await sandbox.clearRequests();
		const person = await writeOf(
			'Xentral/customer-upsert.workflow.json',
			{ matchOn: 'number', number: 'C-2', companyName: '', email: 'p@x.example', projectId: '1' },
			(p) => {
				p.customerType = 'person';
				p.firstName = 'Petra';
				p.lastName = 'Lindner';
			},
		);
		for (const body of [company, person])
			expect(catalogueProblems(body, catalogue.create)).toEqual([]);
		const sent = new Set([...bodyPaths(company), ...bodyPaths(person)]);
		expect(leafPaths(catalogue.create).filter((path) => !sent.has(path))).toEqual([]);
	});

	it('Update: every documented field can be set, and nothing else is sent', async () => {
		const body = await writeOf(
			'Xentral/customer-update.workflow.json',
			{ customerId: '5', email: 'u@x.example', department: 'Einkauf' },
			(p) => {
				p.updateFields = {
					...sampleFields([...UPDATE_ONLY_FIELDS, ...CUSTOMER_FIELDS]),
					customerType: 'company',
				};
				LISTS(p);
			},
		);
		expect(catalogueProblems(body, catalogue.update)).toEqual([]);
		const sent = new Set(bodyPaths(body));
		expect(leafPaths(catalogue.update).filter((path) => !sent.has(path))).toEqual([]);
	});

	it('the check can fail: an unknown field, a value outside an enum and project on an update', () => {
		expect(
			catalogueProblems(
				{ nope: 1, financials: { tax: { taxation: 'eu' } }, project: { id: '1' } },
				catalogue.update,
			),
		).toEqual([
			'nope: not a field of the documented body',
			'financials.tax.taxation: "eu" is not one of domestic, eu-delivery, export, free',
			'project: not a field of the documented body',
		]);
	});
});
