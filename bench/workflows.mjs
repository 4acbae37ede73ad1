// Node and workflow builders for the benchmark: the package's node of a system and n8n's HTTP
// Request node (V4.2) configured the way a skilled user would: the package's own credential as a
// predefined credential type, the headers the credential cannot add (a system's `bench.httpHeaders`)
// under Send Headers, pagination, batching and Retry On Fail. Every benchmark workflow starts with
// a Webhook node that answers when the last node finishes. What differs between the systems comes
// from their entries in systems/ (the `bench` section); nothing here names a system.

/** The credential a system's bench workflows use (package node and HTTP Request alike). */
export function benchCredential(system, role = 'bench') {
	return {
		id: `bench${system.key[0].toUpperCase()}${system.key.slice(1)}${role === 'idle' ? 'Idle' : ''}`,
		name: `${system.title} bench${role === 'idle' ? ' (idle tenant)' : ''}`,
	};
}

/** n8n's import format for a system's two credentials: the measured sandbox and the idle one. */
export function credentialFiles(system, sandbox, idle) {
	return [
		{ ...system.credential.n8n(sandbox), ...benchCredential(system) },
		{ ...system.credential.n8n(idle), ...benchCredential(system, 'idle') },
	];
}

const credentialsOf = (system, role) => ({
	[system.credential.type]: benchCredential(system, role),
});

let position = 0;
function node(name, type, typeVersion, parameters, extra = {}) {
	position += 220;
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type,
		typeVersion,
		position: [position, 0],
		parameters,
		...extra,
	};
}

/** A workflow: Webhook → Split Out (body.items, when `split`) → the given chain; linear unless `connections` given. */
export function webhookWorkflow(id, name, chain, { split = true, connections } = {}) {
	position = 0;
	const webhook = node('Webhook', 'n8n-nodes-base.webhook', 2, {
		httpMethod: 'POST',
		path: id,
		responseMode: 'lastNode',
		responseData: 'firstEntryJson',
		options: {},
	});
	webhook.webhookId = id;
	const nodes = [webhook];
	if (split) nodes.push(splitOutNode('Input Items', 'body.items'));
	nodes.push(...chain);
	const conns = {};
	const link = (from, to) => {
		conns[from] ??= { main: [[]] };
		conns[from].main[0].push({ node: to, type: 'main', index: 0 });
	};
	if (connections) {
		link('Webhook', nodes[1].name);
		if (split) link('Input Items', chain[0].name);
		for (const [from, outputs] of Object.entries(connections)) {
			conns[from] = {
				main: outputs.map((targets) => targets.map((to) => ({ node: to, type: 'main', index: 0 }))),
			};
		}
	} else {
		for (let i = 1; i < nodes.length; i++) link(nodes[i - 1].name, nodes[i].name);
	}
	return {
		id,
		name,
		active: false,
		nodes,
		connections: conns,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'none',
			saveDataErrorExecution: 'all',
			saveManualExecutions: false,
		},
	};
}

/** The package's action node of a system (`bench.node`), with the system's bench credential. */
export function packageNode(system, parameters) {
	return node(system.title, system.bench.node, 1, parameters, {
		credentials: credentialsOf(system),
	});
}

/**
 * n8n's HTTP Request node with the system's credential as a predefined credential type and the
 * system's extra headers. `options` go to the node's Options (pagination, batching); Retry On
 * Fail is on (5 tries, 5 s apart, n8n's maximum wait).
 */
export function httpNode(
	system,
	sandbox,
	name,
	{ method = 'GET', url, query, jsonBody, options = {} },
) {
	const headers = Object.entries(system.bench.httpHeaders?.(sandbox) ?? {});
	const parameters = {
		method,
		url,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: system.credential.type,
		sendQuery: Boolean(query),
		queryParameters: {
			parameters: Object.entries(query ?? {}).map(([name, value]) => ({ name, value })),
		},
		sendHeaders: headers.length > 0,
		headerParameters: { parameters: headers.map(([name, value]) => ({ name, value })) },
		options,
	};
	if (jsonBody) {
		Object.assign(parameters, {
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody,
		});
	}
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, parameters, {
		credentials: credentialsOf(system),
		retryOnFail: true,
		maxTries: 5,
		waitBetweenTries: 5000,
	});
}

/** Summarize: count, distinct count and (when `list`) the comma-joined list of one field. */
export function summarizeNode(field, { list = true } = {}) {
	const values = [
		{ aggregation: 'count', field },
		{ aggregation: 'countUnique', field },
	];
	if (list)
		values.push({ aggregation: 'concatenate', field, separateBy: 'other', customSeparator: ',' });
	return node('Summary', 'n8n-nodes-base.summarize', 1.1, {
		fieldsToSummarize: { values },
		options: {},
	});
}

/** Split Out: one item per entry of an array field. */
export function splitOutNode(name, field) {
	return node(name, 'n8n-nodes-base.splitOut', 1, {
		fieldToSplitOut: field,
		include: 'noOtherFields',
		options: {},
	});
}

export function noOpNode(name) {
	return node(name, 'n8n-nodes-base.noOp', 1, {});
}

/** An IF node: true when the expression holds. */
export function ifNode(name, leftValue) {
	return node(name, 'n8n-nodes-base.if', 2.2, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{
					id: 'found',
					leftValue,
					rightValue: '',
					operator: { type: 'boolean', operation: 'true', singleValue: true },
				},
			],
			combinator: 'and',
		},
		options: {},
	});
}

/** A system's poll trigger workflow (`bench.pollTrigger`) on its idle tenant's credential. */
export function triggerWorkflow(system, id) {
	const workflow = system.bench.pollTrigger.workflow();
	for (const n of workflow.nodes) if (n.credentials) n.credentials = credentialsOf(system, 'idle');
	return { ...workflow, id, name: `Bench: ${system.bench.pollTrigger.title} on an idle tenant` };
}

/** `$('Input Items').item.json.<field>`: an input item's field, in any node after Split Out. */
export const input = (field) => `$('Input Items').item.json.${field}`;
