// What makes the registry of systems (systems/index.mjs) complete and consistent, as lists of
// problems (empty when all is well): test/scripts/systems.test.mjs runs the checks on the real
// registry and on broken copies of it. Never shipped.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const read = (repo, file) => readFileSync(path.join(repo, file), 'utf8');

/** The fields n8n's OAuth2 credential adds to one that extends it. */
const OAUTH2_FIELDS = ['clientId', 'clientSecret'];

/**
 * The `name` a credential class declares, and the names its properties may have: every `name:` in
 * its source and in the sources it imports (a shared field such as the token), and the OAuth2
 * credential's when it extends that.
 */
export function credentialClass(repo, credential) {
	const file = `credentials/${credential}.credentials.ts`;
	const source = read(repo, file);
	const imported = [...source.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
		.map((m) => path.join(path.dirname(file), `${m[1]}.ts`))
		.filter((f) => existsSync(path.join(repo, f)))
		.map((f) => read(repo, f));
	const names = (text) => [...text.matchAll(/\bname: '([^']+)'/g)].map((m) => m[1]);
	return {
		type: /\bname = '([^']+)';/.exec(source)?.[1],
		fields: [
			...names(source),
			...imported.flatMap(names),
			...(/extends = \['oAuth2Api'\]/.test(source) ? OAUTH2_FIELDS : []),
		],
	};
}

/** The credential types a node's description declares (`credentials: [{ name: ... }]`). */
export function nodeCredentialTypes(repo, node) {
	const source = read(repo, `nodes/${node}/${node}.node.ts`);
	const list = /credentials: \[([^\]]*)\]/.exec(source)?.[1] ?? '';
	return [...list.matchAll(/name: '([^']+)'/g)].map((m) => m[1]);
}

/** Every text file under a folder (relative to the repository). */
function filesUnder(repo, folder) {
	const dir = path.join(repo, folder);
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? filesUnder(repo, path.join(folder, e.name)) : [path.join(folder, e.name)],
	);
}

/**
 * The problems of the registry's static facts against the repository: every node and credential
 * of package.json's n8n section in exactly one entry; unique keys, package names and demo ports;
 * the files an entry names exist; the credential type is the one the credential class and every
 * node of the system declare. `packageJson` defaults to the repository's.
 */
export function registryProblems(
	systems,
	repo = REPO,
	packageJson = JSON.parse(read(repo, 'package.json')),
) {
	const problems = [];
	const claim = (kind, listed, claimed) => {
		for (const name of listed) {
			const owners = systems.filter((s) => claimed(s).includes(name)).map((s) => s.key);
			if (owners.length !== 1)
				problems.push(
					`${kind} ${name} of package.json belongs to ${owners.length} systems (${owners.join(', ') || 'none'})`,
				);
		}
	};
	const nodeOf = (file) => /^dist\/nodes\/([^/]+)\/\1\.node\.js$/.exec(file)?.[1] ?? file;
	const credOf = (file) => /^dist\/credentials\/([^/]+)\.credentials\.js$/.exec(file)?.[1] ?? file;
	const nodes = packageJson.n8n.nodes.map(nodeOf);
	const credentials = packageJson.n8n.credentials.map(credOf);
	claim('node', nodes, (s) => s.package.nodes);
	claim('credential', credentials, (s) => s.package.credentials);
	for (const s of systems) {
		for (const n of s.package.nodes)
			if (!nodes.includes(n)) problems.push(`${s.key}: node ${n} is not in package.json`);
		for (const c of s.package.credentials)
			if (!credentials.includes(c))
				problems.push(`${s.key}: credential ${c} is not in package.json`);
	}
	const unique = (what, values) => {
		const twice = values.filter((v, i) => values.indexOf(v) !== i);
		if (twice.length > 0) problems.push(`${what} used twice: ${twice.join(', ')}`);
	};
	unique(
		'system key',
		systems.map((s) => s.key),
	);
	unique(
		'package name',
		systems.map((s) => s.package.name),
	);
	unique(
		'demo port variable',
		systems.map((s) => s.sandbox.demoPort.env),
	);
	unique(
		'demo port',
		systems.map((s) => s.sandbox.demoPort.port),
	);
	for (const s of systems) {
		const at = (file, what) => {
			if (!existsSync(path.join(repo, file)))
				problems.push(`${s.key}: ${what} ${file} does not exist`);
		};
		at(`sandbox/${s.sandbox.folder}/server.mjs`, 'sandbox');
		at(`docs/${s.package.docsPage}`, 'docs page');
		problems.push(...triggerSpecProblems(s, repo));
		for (const spec of s.schemas) {
			at(spec.folder, 'schema folder');
			at(`${spec.module}.ts`, 'shapes module');
			if (spec.router) at(`${spec.router}.ts`, 'router');
			if (spec.skipUnchanged && !spec.router)
				problems.push(`${s.key}: the action node's schema folder ${spec.folder} names no router`);
			if (!s.package.nodes.some((n) => spec.folder === `nodes/${n}`))
				problems.push(`${s.key}: schema folder ${spec.folder} is no node of the system`);
		}
		for (const n of s.package.nodes)
			if (
				filesUnder(repo, `nodes/${n}/__schema__`).length > 0 &&
				!s.schemas.some((spec) => spec.folder === `nodes/${n}`)
			)
				problems.push(`${s.key}: the schemas of nodes/${n} are in no schema folder of the entry`);
		if (!/^[A-Z][A-Z0-9_]*$/.test(s.sandbox.demoPort.env))
			problems.push(`${s.key}: demo port variable ${s.sandbox.demoPort.env} is no variable name`);
		// The credential: the type the credential class and every node of the system declare.
		const classes = s.package.credentials
			.filter((c) => existsSync(path.join(repo, `credentials/${c}.credentials.ts`)))
			.map((c) => credentialClass(repo, c));
		if (!classes.some((c) => c.type === s.credential.type))
			problems.push(
				`${s.key}: credential type ${s.credential.type} is declared by none of ${s.package.credentials.join(', ')}`,
			);
		for (const n of s.package.nodes.filter((n) =>
			existsSync(path.join(repo, `nodes/${n}/${n}.node.ts`)),
		)) {
			const declared = nodeCredentialTypes(repo, n);
			if (!declared.includes(s.credential.type))
				problems.push(
					`${s.key}: node ${n} declares ${declared.join(', ') || 'no credential'}, not ${s.credential.type}`,
				);
		}
	}
	return problems;
}

/** A node folder's type name (`JtlWawiTrigger` -> `jtlWawiTrigger`). */
const typeOf = (folder) => folder[0].toLowerCase() + folder.slice(1);

/**
 * The problems of an entry's e2e trigger facts that need no sandbox: each output schema it asks
 * n8n for (`<node type>/<version>[/<resource>/<operation>].json`) is a schema file of one of the
 * system's nodes that lists its key, and the field it spoils for the wrong-secret test is a field
 * of the system's credential.
 */
function triggerSpecProblems(s, repo) {
	const problems = [];
	const { schemas, credentialTest } = s.e2e.trigger;
	for (const [route, key] of schemas) {
		const [type, version, ...rest] = route.replace(/\.json$/, '').split('/');
		const folder = s.package.nodes.find((n) => typeOf(n) === type);
		const file = folder
			? `nodes/${folder}/__schema__/v${version}${rest.length ? `/${rest.join('/')}` : ''}.json`
			: undefined;
		if (!file || !existsSync(path.join(repo, file)))
			problems.push(`${s.key}: e2e trigger schema ${route} is no schema of the system's nodes`);
		else if (!(key in (JSON.parse(read(repo, file)).properties ?? {})))
			problems.push(`${s.key}: e2e trigger schema ${route} does not list ${key}`);
	}
	const cls = s.package.credentials
		.filter((c) => existsSync(path.join(repo, `credentials/${c}.credentials.ts`)))
		.map((c) => credentialClass(repo, c))
		.find((c) => c.type === s.credential.type);
	for (const field of Object.keys(credentialTest.spoil))
		if (!cls?.fields.includes(field))
			problems.push(`${s.key}: e2e trigger spoils ${field}, no field of ${s.credential.type}`);
	return problems;
}

/**
 * The problems of the e2e trigger workflows an entry builds for `sandbox`: every node is n8n's own
 * or one of the system's nodes (named as in the all-in-one), every credential the entry's, and no
 * workflow ID twice.
 */
function triggerWorkflowProblems(system, sandbox) {
	const problems = [];
	const ids = [];
	const own = system.package.nodes.map((n) => `n8n-nodes-erp-customers.${typeOf(n)}`);
	for (const { workflow } of system.e2e.trigger.checks(sandbox)) {
		if (ids.includes(workflow.id))
			problems.push(`${system.key}: e2e trigger workflow ID ${workflow.id} used twice`);
		ids.push(workflow.id);
		for (const n of workflow.nodes) {
			if (!n.type.startsWith('n8n-nodes-base.') && !own.includes(n.type))
				problems.push(`${system.key}: e2e trigger workflow ${workflow.id} uses ${n.type}`);
			for (const [type, ref] of Object.entries(n.credentials ?? {}))
				if (type !== system.credential.type || ref.id !== system.credential.id)
					problems.push(
						`${system.key}: e2e trigger workflow ${workflow.id} uses the credential ${type} ${ref.id}`,
					);
		}
	}
	return problems;
}

/**
 * The problems of a built credential (n8n's import file or the jest harness's) for `system`: its
 * type, id and name are the entry's, every data field is a field of the credential class, and a
 * URL in it points at `sandbox`.
 */
export function credentialProblems(system, credential, sandbox, repo = REPO) {
	const problems = [];
	const label = `${system.key} credential`;
	for (const key of ['id', 'name', 'type'])
		if (credential?.[key] !== system.credential[key])
			problems.push(`${label}: ${key} is ${credential?.[key]}, not ${system.credential[key]}`);
	const cls = system.package.credentials
		.map((c) => credentialClass(repo, c))
		.find((c) => c.type === credential?.type);
	for (const field of Object.keys(credential?.data ?? {}))
		if (!cls?.fields.includes(field))
			problems.push(`${label}: ${field} is no field of ${credential?.type}`);
	const urls = Object.values(credential?.data ?? {}).filter(
		(v) => typeof v === 'string' && /^https?:/.test(v),
	);
	if (urls.length === 0) problems.push(`${label}: no URL of the sandbox`);
	for (const url of urls)
		if (!url.startsWith(sandbox.url))
			problems.push(`${label}: ${url} is not at the sandbox ${sandbox.url}`);
	return problems;
}

/**
 * Starts a system's sandbox as the tools do and asks it: it answers its control endpoint, the
 * credentials its entry builds fit it, its e2e trigger workflows run on its own nodes and
 * credential. Returns the problems.
 */
export async function sandboxProblems(system, repo = REPO) {
	const problems = [];
	let sandbox;
	try {
		sandbox = await system.sandbox.start({ port: 0, ...system.e2e.sandboxOptions });
	} catch (error) {
		return [`${system.key}: the sandbox does not start: ${error.message}`];
	}
	try {
		const res = await fetch(`${sandbox.url}/__sandbox/requests`).catch((error) => ({
			status: error.message,
		}));
		if (res.status !== 200)
			problems.push(`${system.key}: the sandbox at ${sandbox.url} answers ${res.status}`);
		problems.push(...credentialProblems(system, system.credential.n8n(sandbox), sandbox, repo));
		problems.push(...credentialProblems(system, system.credential.jest(sandbox), sandbox, repo));
		problems.push(...triggerWorkflowProblems(system, sandbox));
	} finally {
		await sandbox.close();
	}
	return problems;
}

/** The `name` a node's description declares (`name: 'jtlWawi'`), and whether it polls. */
export function nodeDescription(repo, node) {
	const source = read(repo, `nodes/${node}/${node}.node.ts`);
	return {
		name: /\bdescription[^=]*=\s*{[\s\S]*?\bname: '([^']+)'/.exec(source)?.[1],
		polling: /\bpolling: true\b/.test(source),
		trigger: /Trigger$/.test(node),
	};
}

const PACKAGE_PREFIX = 'n8n-nodes-erp-customers.';
const RATE_SCOPES = ['endpoint', 'instance'];

/** The problems of a rate (`{ limit, intervalSeconds, per }`); `limit` may be a function of the size. */
function rateProblems(key, what, rate) {
	const problems = [];
	const limit = typeof rate.limit === 'function' ? rate.limit(300) : rate.limit;
	if (!(Number.isInteger(limit) && limit > 0))
		problems.push(`${key}: bench ${what} limit ${limit} is no positive whole number`);
	if (!(rate.intervalSeconds > 0))
		problems.push(`${key}: bench ${what} window ${rate.intervalSeconds} s is not positive`);
	if (!RATE_SCOPES.includes(rate.per))
		problems.push(`${key}: bench ${what} is per ${rate.per}, not one of ${RATE_SCOPES.join(', ')}`);
	return problems;
}

const BENCH_FUNCTIONS = {
	'': ['isApi'],
	read: ['url'],
	get: ['parameters', 'url'],
	upsert: [
		'find',
		'update',
		'create',
		'bestPlan',
		'existingKeys',
		'keyOfItem',
		'item',
		'makeUnchanged',
		'customersWithKey',
		'holds',
	],
	pollTrigger: ['workflow'],
};

/**
 * The problems of an entry's `bench` section (npm run bench) against the repository: every fact
 * the benchmark reads is there; the measured node is the system's action node and the poll
 * trigger one of its polling nodes; the rates are well formed; HTTP Request asks for the node's
 * page size; the upsert runs with Skip Unchanged where the node has it.
 */
export function benchProblems(system, repo = REPO) {
	const b = system.bench;
	const key = system.key;
	if (!b || typeof b !== 'object') return [`${key}: no bench section`];
	const problems = [];
	for (const [part, names] of Object.entries(BENCH_FUNCTIONS)) {
		const at = part ? b[part] : b;
		for (const name of names)
			if (typeof at?.[name] !== 'function')
				problems.push(`${key}: bench ${part ? `${part}.` : ''}${name} is no function`);
	}
	const nodes = system.package.nodes
		.filter((n) => existsSync(path.join(repo, `nodes/${n}/${n}.node.ts`)))
		.map((n) => ({ folder: n, ...nodeDescription(repo, n) }));
	const measured = nodes.find((n) => `${PACKAGE_PREFIX}${n.name}` === b.node);
	if (!measured || measured.trigger)
		problems.push(
			`${key}: bench node ${b.node} is no action node of ${system.package.nodes.join(', ')}`,
		);
	if (b.rate !== null) problems.push(...rateProblems(key, 'rate', b.rate ?? {}));
	if (b.throttled !== undefined) problems.push(...rateProblems(key, 'throttled', b.throttled));
	const read = b.read ?? {};
	if (!(Number.isInteger(read.pageSize) && read.pageSize > 0))
		problems.push(`${key}: bench read page size ${read.pageSize} is no positive whole number`);
	else if (!Object.values(read.query ?? {}).includes(String(read.pageSize)))
		problems.push(
			`${key}: HTTP Request's query does not ask for the node's page size ${read.pageSize}`,
		);
	for (const field of ['pageParameter', 'complete', 'itemsField', 'idField'])
		if (typeof read[field] !== 'string' || read[field] === '')
			problems.push(`${key}: bench read.${field} is missing`);
	const action = system.schemas.find(
		(spec) => measured && spec.folder === `nodes/${measured.folder}`,
	);
	if (action?.skipUnchanged && b.upsert?.parameters?.options?.skipUnchanged !== true)
		problems.push(`${key}: the upsert runs without Skip Unchanged, which the node has`);
	if (typeof b.pollTrigger?.workflow === 'function') {
		const types = b.pollTrigger
			.workflow()
			.nodes.map((n) => n.type)
			.filter((t) => t.startsWith(PACKAGE_PREFIX));
		const polling = nodes.filter((n) => n.polling).map((n) => `${PACKAGE_PREFIX}${n.name}`);
		if (!(types.length === 1 && polling.includes(types[0])))
			problems.push(
				`${key}: the bench poll trigger ${types.join(', ') || '(none)'} is no polling node of the system`,
			);
	}
	return problems;
}

/**
 * Starts a system's sandbox and tries the entry's bench facts on it: its URLs are the sandbox's
 * API, an existing customer is found by the key the upsert uses, made unchanged it holds the item
 * it gets, and a changed item it does not hold. Returns the problems.
 */
export async function benchSandboxProblems(system) {
	const b = system.bench;
	const problems = [];
	const sandbox = await system.sandbox.start({ port: 0, customers: 5 });
	try {
		for (const [what, url] of [
			['read', b.read.url(sandbox)],
			['get', `${b.get.url(sandbox)}x`],
			['upsert lookup', b.upsert.find(sandbox).url.replace(/^=/, '')],
		]) {
			if (!url.startsWith(sandbox.url) || !b.isApi({ path: new URL(url).pathname }))
				problems.push(`${system.key}: the bench ${what} URL ${url} is not the sandbox's API`);
		}
		const [first] = b.upsert.existingKeys(sandbox, 1);
		const found = b.upsert.customersWithKey(sandbox, first);
		if (found.length !== 1)
			problems.push(`${system.key}: ${found.length} customers have the upsert key ${first}`);
		else {
			const same = b.upsert.makeUnchanged(found[0], first);
			if (b.upsert.keyOfItem(same) !== first || !b.upsert.holds(found[0], same))
				problems.push(`${system.key}: a customer made unchanged does not hold its item`);
			if (b.upsert.holds(found[0], b.upsert.item(first, 0, 'Bench check')))
				problems.push(`${system.key}: a customer holds a changed item before any write`);
		}
	} finally {
		await sandbox.close();
	}
	return problems;
}
