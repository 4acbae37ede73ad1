// Node and workflow builders for the benchmark: the package's JTL-Wawi node and n8n's HTTP Request
// node (V4.2) configured the way a skilled user would: the generic OAuth2 credential (client
// credentials against the sandbox's token URL), the JTL tenant and app headers as "Send Headers"
// (the HTTP Request node takes one credential, and OAuth2 is it), pagination, batching and Retry On
// Fail. Every benchmark workflow starts with a Webhook node that answers when the last node finishes.

import { jtlTriggerWorkflow } from '../systems/jtl.mjs';

export const PKG_CREDENTIAL = { jtlWawiOAuth2Api: { id: 'benchJtl', name: 'JTL-Wawi bench' } };
export const HTTP_CREDENTIAL = {
	oAuth2Api: { id: 'benchOAuth2', name: 'JTL bench (generic OAuth2)' },
};
export const TRIGGER_CREDENTIAL = {
	jtlWawiOAuth2Api: { id: 'benchJtlIdle', name: 'JTL-Wawi bench (idle tenant)' },
};

/** n8n's import format for the three credentials. */
export function credentialFiles(jtl, idle) {
	const jtlData = (sb) => ({
		environment: 'custom',
		baseUrl: sb.apiBase,
		customTokenUrl: sb.tokenUrl,
		clientId: sb.credentials.clientId,
		clientSecret: sb.credentials.clientSecret,
		tenantId: sb.credentials.tenantId,
		appId: 'n8n-nodes-erp-customers/0.1.0',
		appVersion: '0.1.0',
	});
	return [
		{ ...PKG_CREDENTIAL.jtlWawiOAuth2Api, type: 'jtlWawiOAuth2Api', data: jtlData(jtl) },
		{ ...TRIGGER_CREDENTIAL.jtlWawiOAuth2Api, type: 'jtlWawiOAuth2Api', data: jtlData(idle) },
		{
			...HTTP_CREDENTIAL.oAuth2Api,
			type: 'oAuth2Api',
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: jtl.tokenUrl,
				clientId: jtl.credentials.clientId,
				clientSecret: jtl.credentials.clientSecret,
				scope: '',
				authQueryParameters: '',
				authUrl: '',
				// JTL takes the client as HTTP Basic, not in the body.
				authentication: 'header',
			},
		},
	];
}

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

/** The package's JTL-Wawi node. */
export function jtlNode(name, parameters) {
	return node(name, 'n8n-nodes-erp-customers.jtlWawi', 1, parameters, {
		credentials: PKG_CREDENTIAL,
	});
}

/**
 * n8n's HTTP Request node with the generic OAuth2 credential and the JTL headers. `options` go to
 * the node's Options (pagination, batching); Retry On Fail is on (5 tries, 5 s apart, n8n's maximum
 * wait).
 */
export function httpNode(name, jtl, { method = 'GET', url, query, jsonBody, options = {} }) {
	const parameters = {
		method,
		url,
		authentication: 'genericCredentialType',
		genericAuthType: 'oAuth2Api',
		sendQuery: Boolean(query),
		queryParameters: {
			parameters: Object.entries(query ?? {}).map(([name, value]) => ({ name, value })),
		},
		sendHeaders: true,
		headerParameters: {
			parameters: [
				{ name: 'x-tenant-id', value: jtl.credentials.tenantId },
				{ name: 'x-appid', value: 'n8n-http-request/2.41.1' },
				{ name: 'x-appversion', value: '2.41.1' },
			],
		},
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
		credentials: HTTP_CREDENTIAL,
		retryOnFail: true,
		maxTries: 5,
		waitBetweenTries: 5000,
	});
}

/** Summarize: count, distinct count and the comma-joined list of one field. */
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

/** The package's JTL-Wawi Trigger (Updated Customer, every minute) on the idle tenant. */
export function triggerWorkflow(id) {
	const workflow = jtlTriggerWorkflow();
	for (const node of workflow.nodes)
		if (node.type === 'n8n-nodes-erp-customers.jtlWawiTrigger')
			node.credentials = TRIGGER_CREDENTIAL;
	return { ...workflow, id, name: 'Bench: JTL-Wawi Trigger on an idle tenant' };
}
