// The systems of this repository, one entry each (systems/<system>.mjs), for every tool that runs
// all of them: the system packages (scripts/packages.mjs), the demo (scripts/start.mjs and its
// lock's message), the real-n8n end-to-end run (test/e2e/setup.mjs, run.mjs), the jest harness's
// credentials (test/harness/sandbox.ts, through test/harness/systems.ts), the output schemas
// (test/unit/shared/outputSchemas.test.ts), the benchmark (bench/run.mjs) and the tests across
// the sandboxes (sandbox/shared).
// A new system adds its entry here; test/scripts/systems.test.mjs checks every entry against
// package.json, its sandbox and its credential. Never shipped.
import flow from './flowRetail.mjs';
import jtl from './jtl.mjs';
import xentral from './xentral.mjs';

/**
 * An entry (the default export of systems/<system>.mjs):
 * - `key` (`jtl`): an e2e case file's `system`, the sandboxes' key; `title` (`JTL-Wawi`).
 * - `package`: the system package of scripts/packages.mjs: `name`, `docsPage` (the page of docs/
 *   that becomes its README), `description`, `keywords`, `nodes` and `credentials` (folders of
 *   nodes/ and classes of credentials/, each listed in package.json's n8n section).
 * - `sandbox`: `folder` (sandbox/<folder>/server.mjs, which the jest harness runs as a process),
 *   `start(options)` (the sandbox in this process, its module loaded on the first start), `seed`
 *   (its seeded state), `demoPort` ({ env, port }: the demo's port and the variable that moves it),
 *   `offsetLessTimes` (the switch that sends times without an offset), `customers` ({ keyOf,
 *   created, changed }: a seeded customer's key and its creation and change times).
 * - `credential`: `id`, `name`, `type` (the credential type the system's nodes declare), `n8n(sandbox)`
 *   (n8n's import file for an in-process sandbox), `jest(sandbox, overrides)` (the jest harness's,
 *   for a sandbox process), `target(sandbox)` (where the demo's credential points).
 * - `demo`: `workflows(sandbox)` (one per operation, with sample input) and `triggers` ({ workflow(),
 *   hint, active }: the trigger workflows, the demo starting the `active` ones).
 * - `e2e`: `sandboxOptions` (of the sandboxes the e2e cases share and of each case's own) and
 *   `trigger`, what test/e2e/systemTrigger.mjs checks of the system's triggers in the real n8n of
 *   `npm run test:e2e`: `name`; `credentialTest` ({ spoil, refusal?, reads(request, sandbox) }: the
 *   fields that make the credential wrong, what the refusal must say, the sandbox request of the
 *   test); `schemas` ([route, key]: output schemas the editor loads, `<node type>/<version>…json`,
 *   and a key each lists); `reset(sandbox)` (optional, in place of the sandbox's reset before the
 *   triggers); `checks(sandbox)`: a workflow each ({ workflow, trigger: the trigger node's name }),
 *   either polling ({ poll: true, polls(), firstPoll?(request), change() }: the sandbox requests of
 *   its polls, a check of the one at activation, a change that resolves with the check of the
 *   emitted items) or by webhook ({ registrations(), checkRegistration(r, n8nUrl), deliver(),
 *   delivered?(), forgeries: [{ headers, body }] }).
 * - `schemas`: the output schemas of each node ({ folder, module, export }: the node's folder, the
 *   module and export of its shapes). An action node adds `skipUnchanged` (its version 1.1 says in
 *   Create or Update whether the write was skipped), `router` (the module whose `resources` list
 *   its operations, each of which has a shape) and, where some operations have none, `unshaped`
 *   (the export of the shapes module that lists them).
 * - `bench`: the facts of `npm run bench` (bench/run.mjs), which measures every system with one:
 *   `node` (the action node's type), `isApi(request)` and `isToken(request)` (which logged requests
 *   are API calls and token fetches), `keepOnReseed` (state keys a reseed keeps, e.g. issued
 *   tokens), `httpHeaders(sandbox)` (what HTTP Request must send beside the credential), `rate`
 *   (the documented limit for the upsert job, { limit, intervalSeconds, per: 'endpoint' |
 *   'instance' }, or null), `throttled` (where no limit is documented: the sandbox's 429 switch,
 *   its `limit(count)` a function of the job's size), `read` (the node's parameters for Get Many
 *   with Return All, its `pageSize`, and HTTP Request's `url(sandbox)`, `query`, `pageParameter`,
 *   `complete` expression, `itemsField`, `idField`), `get` (the node's `parameters(id)`, HTTP
 *   Request's `url(sandbox)` to which the key is appended, the key's field in each answer),
 *   `upsert` (the node's parameters, HTTP Request's `find`, `found`, `update`, `create`, the best
 *   request plan `bestPlan({ count, existing, unchanged })` per route, and how the job makes and
 *   checks its customers: `existingKeys`, `keyOfItem`, `item`, `makeUnchanged`,
 *   `customersWithKey`, `holds`) and `pollTrigger` ({ title, workflow() }: the trigger polled on
 *   an idle tenant). test/scripts/systems.test.mjs checks them against the nodes and the sandbox.
 */

/** Every system, in the order of the packages (the release, `npm run lint`). */
export const SYSTEMS = Object.freeze([jtl, xentral, flow]);

/** The system keys (`jtl`, `xentral`, `flow`): an e2e case file's `system`, the sandboxes' keys. */
export const SYSTEM_KEYS = Object.freeze(SYSTEMS.map((s) => s.key));

/** The entry of a system key; throws for a key no entry has. */
export function systemOf(key) {
	const found = SYSTEMS.find((s) => s.key === key);
	if (!found) throw new Error(`no system "${key}" in systems/ (known: ${SYSTEM_KEYS.join(', ')})`);
	return found;
}

/**
 * Starts every system's sandbox with `optionsOf(system)` (port 0 unless it says otherwise). Returns
 * the sandboxes by system key and `close()`; a failed start closes those already started.
 */
export async function startSandboxes(optionsOf = () => ({})) {
	const started = {};
	try {
		for (const system of SYSTEMS)
			started[system.key] = await system.sandbox.start({ port: 0, ...optionsOf(system) });
	} catch (error) {
		await Promise.all(Object.values(started).map((sb) => sb.close()));
		throw error;
	}
	return {
		sandboxes: started,
		close: async () => {
			// Last started, first closed.
			for (const system of [...SYSTEMS].reverse()) await started[system.key].close();
		},
	};
}
