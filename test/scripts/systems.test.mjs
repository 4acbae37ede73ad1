// The registry of systems (systems/): every system of package.json has one entry, every entry's
// sandbox starts and answers, and the credentials it builds are the ones its nodes declare. Each
// check is also run on a broken copy of an entry, which it must reject.
// Run: node --test test/scripts/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import {
	REPO,
	benchProblems,
	benchSandboxProblems,
	credentialProblems,
	registryProblems,
	sandboxProblems,
} from '../../systems/check.mjs';
import { SYSTEMS, SYSTEM_KEYS, systemOf } from '../../systems/index.mjs';
import { jtlTriggerWorkflow } from '../../systems/jtl.mjs';

const packageJson = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

/** A copy of the registry with `change(copy)` applied to a deep copy of one entry. */
function withEntry(key, change) {
	return SYSTEMS.map((s) => {
		if (s.key !== key) return s;
		const copy = {
			...s,
			package: {
				...s.package,
				nodes: [...s.package.nodes],
				credentials: [...s.package.credentials],
			},
			sandbox: { ...s.sandbox, demoPort: { ...s.sandbox.demoPort } },
			credential: { ...s.credential },
			e2e: {
				...s.e2e,
				trigger: {
					...s.e2e.trigger,
					schemas: [...s.e2e.trigger.schemas],
					credentialTest: { ...s.e2e.trigger.credentialTest },
				},
			},
			schemas: s.schemas.map((spec) => ({ ...spec })),
			bench: {
				...s.bench,
				read: { ...s.bench.read, query: { ...s.bench.read.query } },
				upsert: { ...s.bench.upsert, parameters: { ...s.bench.upsert.parameters } },
				pollTrigger: { ...s.bench.pollTrigger },
			},
		};
		change(copy);
		return copy;
	});
}

describe('the registry of systems', () => {
	it('has one entry per system of package.json, each consistent with the repository', () => {
		assert.deepEqual(registryProblems(SYSTEMS), []);
		assert.equal(SYSTEMS.length, packageJson.n8n.credentials.length);
		assert.deepEqual(
			SYSTEM_KEYS,
			SYSTEMS.map((s) => s.key),
		);
		assert.throws(() => systemOf('acme'), /no system "acme"/);
	});

	it('finds a system of package.json without an entry, and a node claimed twice', () => {
		const withoutFlow = SYSTEMS.filter((s) => s.key !== 'flow');
		assert.ok(
			registryProblems(withoutFlow).includes(
				'node FlowRetailPollTrigger of package.json belongs to 0 systems (none)',
			),
		);
		assert.ok(
			registryProblems(withoutFlow).includes(
				'credential FlowRetailApi of package.json belongs to 0 systems (none)',
			),
		);
		const twice = withEntry('xentral', (x) => x.package.nodes.push('JtlWawi'));
		assert.ok(
			registryProblems(twice).includes(
				'node JtlWawi of package.json belongs to 2 systems (jtl, xentral)',
			),
		);
		const extra = withEntry('jtl', (j) => j.package.nodes.push('Acme'));
		assert.ok(registryProblems(extra).includes('jtl: node Acme is not in package.json'));
	});

	it('finds a credential type the nodes do not declare, and a file that is not there', () => {
		const wrongType = withEntry('xentral', (x) => (x.credential.type = 'xentralOAuth2Api'));
		const problems = registryProblems(wrongType);
		assert.ok(
			problems.includes(
				'xentral: credential type xentralOAuth2Api is declared by none of XentralApi',
			),
		);
		assert.ok(
			problems.includes('xentral: node XentralTrigger declares xentralApi, not xentralOAuth2Api'),
		);
		const missing = withEntry('flow', (f) => {
			f.e2e.trigger.schemas.push(['flowRetail/1.0.0/customer/fetch.json', 'id']);
			f.e2e.trigger.schemas.push(['flowRetailTrigger/1.0.0.json', 'department']);
			f.e2e.trigger.credentialTest.spoil = { apiKey: 'not-the-key' };
			f.schemas.pop();
			f.sandbox.demoPort.port = 4100;
		});
		assert.deepEqual(registryProblems(missing).sort(), [
			'demo port used twice: 4100',
			"flow: e2e trigger schema flowRetail/1.0.0/customer/fetch.json is no schema of the system's nodes",
			'flow: e2e trigger schema flowRetailTrigger/1.0.0.json does not list department',
			'flow: e2e trigger spoils apiKey, no field of flowRetailApi',
			'flow: the schemas of nodes/FlowRetailPollTrigger are in no schema folder of the entry',
		]);
	});

	for (const system of SYSTEMS) {
		it(`${system.title}: the sandbox starts and answers, the credentials fit it and its nodes`, async () => {
			assert.deepEqual(await sandboxProblems(system), []);
		});
	}

	it('finds a credential builder that writes a wrong type, an unknown field or another address', async () => {
		const jtl = systemOf('jtl');
		const sandbox = await jtl.sandbox.start({ port: 0 });
		try {
			const good = jtl.credential.n8n(sandbox);
			assert.deepEqual(credentialProblems(jtl, good, sandbox), []);
			assert.deepEqual(credentialProblems(jtl, { ...good, type: 'oAuth2Api' }, sandbox), [
				'jtl credential: type is oAuth2Api, not jtlWawiOAuth2Api',
				...Object.keys(good.data).map((f) => `jtl credential: ${f} is no field of oAuth2Api`),
			]);
			assert.deepEqual(
				credentialProblems(jtl, { ...good, data: { ...good.data, tenant: 'x' } }, sandbox),
				['jtl credential: tenant is no field of jtlWawiOAuth2Api'],
			);
			const elsewhere = { ...good, data: { ...good.data, baseUrl: 'http://127.0.0.1:1/erp' } };
			assert.deepEqual(credentialProblems(jtl, elsewhere, sandbox), [
				`jtl credential: http://127.0.0.1:1/erp is not at the sandbox ${sandbox.url}`,
			]);
		} finally {
			await sandbox.close();
		}
	});

	it('finds a sandbox that does not start or does not answer, and a trigger workflow outside the system', async () => {
		const [broken] = withEntry('xentral', (x) => {
			x.sandbox.start = async () => {
				throw new Error('port in use');
			};
		}).filter((s) => s.key === 'xentral');
		assert.deepEqual(await sandboxProblems(broken), [
			'xentral: the sandbox does not start: port in use',
		]);
		const [silent] = withEntry('xentral', (x) => {
			const start = x.sandbox.start;
			x.sandbox.start = async (options) => {
				const real = await start(options);
				await real.close();
				return { ...real, close: async () => {} };
			};
			// A trigger workflow on another system's node and credential.
			const checks = x.e2e.trigger.checks;
			x.e2e.trigger.checks = (sandbox) => [
				...checks(sandbox),
				{ workflow: { ...jtlTriggerWorkflow(), id: 'e2eXentralTrigger' } },
			];
		}).filter((s) => s.key === 'xentral');
		const problems = await sandboxProblems(silent);
		assert.match(
			problems[0],
			/^xentral: the sandbox at http:\/\/127\.0\.0\.1:\d+ answers fetch failed$/,
		);
		assert.deepEqual(problems.slice(-3), [
			'xentral: e2e trigger workflow ID e2eXentralTrigger used twice',
			'xentral: e2e trigger workflow e2eXentralTrigger uses n8n-nodes-erp-customers.jtlWawiTrigger',
			'xentral: e2e trigger workflow e2eXentralTrigger uses the credential jtlWawiOAuth2Api jtlSandbox',
		]);
	});

	it('gives every system the facts of the benchmark, consistent with its nodes and its sandbox', async () => {
		for (const system of SYSTEMS) {
			assert.deepEqual(benchProblems(system), [], system.key);
			assert.deepEqual(await benchSandboxProblems(system), [], system.key);
		}
	});

	it('finds a bench section that is missing, measures another node or asks for another page size', () => {
		const [without] = withEntry('flow', (f) => delete f.bench).filter((s) => s.key === 'flow');
		assert.deepEqual(benchProblems(without), ['flow: no bench section']);
		const [wrong] = withEntry('xentral', (x) => {
			x.bench.node = 'n8n-nodes-erp-customers.xentralTrigger';
			x.bench.read.query['page[size]'] = '10';
			x.bench.rate = { limit: 100, intervalSeconds: 60, per: 'tenant' };
			x.bench.upsert.parameters.options = {};
			x.bench.pollTrigger.workflow = () => systemOf('jtl').bench.pollTrigger.workflow();
		}).filter((s) => s.key === 'xentral');
		assert.deepEqual(benchProblems(wrong), [
			'xentral: bench node n8n-nodes-erp-customers.xentralTrigger is no action node of Xentral, XentralTrigger, XentralSalesPriceTrigger',
			'xentral: bench rate is per tenant, not one of endpoint, instance',
			"xentral: HTTP Request's query does not ask for the node's page size 50",
			'xentral: the bench poll trigger n8n-nodes-erp-customers.jtlWawiTrigger is no polling node of the system',
		]);
		const [noSkip] = withEntry('jtl', (j) => {
			j.bench.upsert.parameters.options = { skipUnchanged: false };
			j.bench.throttled = { limit: () => 0, intervalSeconds: 10, per: 'endpoint' };
		}).filter((s) => s.key === 'jtl');
		assert.deepEqual(benchProblems(noSkip), [
			'jtl: bench throttled limit 0 is no positive whole number',
			'jtl: the upsert runs without Skip Unchanged, which the node has',
		]);
	});

	it('finds bench facts that do not fit the sandbox', async () => {
		const [broken] = withEntry('flow', (f) => {
			f.bench.read = { ...f.bench.read, url: () => 'http://127.0.0.1:1/v2/customers' };
			f.bench.upsert.holds = () => false;
		}).filter((s) => s.key === 'flow');
		assert.deepEqual(await benchSandboxProblems(broken), [
			"flow: the bench read URL http://127.0.0.1:1/v2/customers is not the sandbox's API",
			'flow: a customer made unchanged does not hold its item',
		]);
	});
});
