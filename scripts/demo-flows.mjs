// The demo's workflows across systems, as a merchant would build them with this package: a new
// JTL-Wawi customer becomes a Flow Retail customer, a Xentral sales price change updates the JTL-Wawi
// customer price, and a nightly export of changed customers from all three systems in the common
// customer shape. `npm start` imports them; the end-to-end run executes each of them (the trigger
// replaced by a manual start with a sample event, see asManualRun). The two-way JTL-Wawi ↔ Flow
// Retail sync (twoWaySyncWorkflows) runs in the live trigger run in both variants; `npm start`
// imports the quiet pair, active, so a change on either side is written once to the other.

const JTL_CREDENTIAL = { jtlWawiOAuth2Api: { id: 'jtlSandbox', name: 'JTL-Wawi sandbox' } };
const FLOW_CREDENTIAL = { flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' } };
const XENTRAL_CREDENTIAL = { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } };

const PKG = 'n8n-nodes-erp-customers';

function node(name, type, typeVersion, position, parameters, extra = {}) {
	return {
		id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		name,
		type,
		typeVersion,
		position,
		parameters,
		...extra,
	};
}

function chain(...names) {
	const connections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

/** A new JTL-Wawi customer (polled every minute) is created in Flow Retail, keyed by its number. */
export function jtlToFlowWorkflow() {
	const trigger = 'New JTL-Wawi Customer';
	const flow = 'Create or Update in Flow Retail';
	return {
		id: 'demoJtlToFlow',
		name: 'Demo: new JTL-Wawi customer → Flow Retail customer',
		active: false,
		nodes: [
			node(
				trigger,
				`${PKG}.jtlWawiTrigger`,
				1,
				[0, 0],
				{ pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newCustomer', options: {} },
				{ credentials: JTL_CREDENTIAL },
			),
			node(
				flow,
				`${PKG}.flowRetail`,
				1,
				[280, 0],
				{
					resource: 'customer',
					operation: 'upsert',
					// The JTL customer number is the Flow Retail customer's external ID.
					externalId: '={{ $json.number }}',
					fields: {
						customerType: "={{ $json.type === 'company' ? 'COMPANY' : 'PERSON' }}",
						firstname: '={{ $json.firstName ?? "" }}',
						lastname: '={{ $json.lastName ?? "" }}',
						companyName: '={{ $json.company ?? "" }}',
						email: '={{ $json.email ?? "" }}',
						address: '={{ $json.street ?? "" }}',
						postalCode: '={{ $json.postalCode ?? "" }}',
						city: '={{ $json.city ?? "" }}',
						countryCode: '={{ $json.countryIso ?? "DE" }}',
						origin: 'JTL-Wawi',
					},
				},
				{ credentials: FLOW_CREDENTIAL },
			),
		],
		connections: chain(trigger, flow),
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

/**
 * A Xentral customer-group price changes (webhook): the JTL-Wawi customer price of the customer that
 * stands for that group is set to the new price. In the demo sandboxes a Xentral product ID is the
 * JTL-Wawi item ID; the group-to-customer table sits in the "Map to JTL-Wawi" node.
 */
export function xentralPriceToJtlWorkflow(groupToJtlCustomer = { 1: 1, 2: 2, 3: 3 }) {
	const trigger = 'Xentral Sales Price Changed';
	const groupsOnly = 'Customer-Group Prices';
	const map = 'Map to JTL-Wawi';
	const update = 'Update JTL-Wawi Customer Price';
	const assignment = (name, value, type) => ({ id: `${name}-id`, name, value, type });
	return {
		id: 'demoXentralPriceToJtl',
		name: 'Demo: Xentral customer-group price change → JTL-Wawi customer price',
		active: false,
		nodes: [
			node(
				trigger,
				`${PKG}.xentralSalesPriceTrigger`,
				1,
				[0, 0],
				{ events: ['updated'], options: {} },
				{ credentials: XENTRAL_CREDENTIAL, webhookId: 'demo-xentral-sales-price' },
			),
			node(groupsOnly, 'n8n-nodes-base.filter', 2, [240, 0], {
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
					conditions: [
						{
							id: 'group-price',
							leftValue: '={{ $json.customerGroupId }}',
							rightValue: '',
							operator: { type: 'string', operation: 'notEmpty', singleValue: true },
						},
					],
					combinator: 'and',
				},
				options: {},
			}),
			node(map, 'n8n-nodes-base.set', 3.4, [480, 0], {
				mode: 'manual',
				assignments: {
					assignments: [
						assignment('itemId', '={{ $json.productId }}', 'string'),
						assignment(
							'customerId',
							`={{ (${JSON.stringify(groupToJtlCustomer)})[$json.customerGroupId] }}`,
							'string',
						),
						assignment('fromQuantity', '={{ $json.fromQuantity ?? 0 }}', 'number'),
						assignment('netPrice', '={{ $json.price }}', 'number'),
					],
				},
				options: {},
			}),
			node(
				update,
				`${PKG}.jtlWawi`,
				1,
				[720, 0],
				{
					resource: 'customerPrice',
					operation: 'update',
					itemId: { __rl: true, mode: 'id', value: '={{ $json.itemId }}' },
					customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' },
					fromQuantity: '={{ $json.fromQuantity }}',
					priceType: 'netPrice',
					netPrice: '={{ $json.netPrice }}',
				},
				{ credentials: JTL_CREDENTIAL },
			),
		],
		connections: chain(trigger, groupsOnly, map, update),
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

/**
 * Every night at 02:00: the customers changed in the last 24 hours in each system, in the common
 * customer shape, appended into one CSV file.
 */
export function nightlyExportWorkflow({ xentral = true } = {}) {
	const start = 'Every Night';
	const since = '={{ $now.minus({ days: 1 }).toISO() }}';
	const sources = [
		node(
			'JTL-Wawi: Changed Customers',
			`${PKG}.jtlWawi`,
			1,
			[280, -200],
			{
				resource: 'customer',
				operation: 'getAll',
				returnAll: true,
				filters: { lastChangedAfter: since },
				sort: {},
				// Both JTL IDs in the file: the v1 number as legacyId beside the v2 UUID.
				lookUpBothIds: true,
			},
			{ credentials: JTL_CREDENTIAL },
		),
		node(
			'Flow Retail: Customers by Change',
			`${PKG}.flowRetail`,
			1,
			[280, 0],
			{
				resource: 'customer',
				operation: 'getAll',
				returnAll: true,
				sortBy: 'lastModifiedAt',
				sortDirection: 'DESC',
			},
			{ credentials: FLOW_CREDENTIAL },
		),
	];
	if (xentral) {
		sources.push(
			node(
				'Xentral: Customers',
				`${PKG}.xentral`,
				1,
				[280, 200],
				{ resource: 'customer', operation: 'getAll', returnAll: true },
				{ credentials: XENTRAL_CREDENTIAL },
			),
		);
	}
	const merge = node('All Systems', 'n8n-nodes-base.merge', 3, [760, 0], {
		numberInputs: sources.length,
	});
	/**
	 * Passes the records changed (or, without a change time, created) since `since`. A record with
	 * neither time is passed too: the export cannot tell, and leaving it out would lose it.
	 */
	const changedSince = (name, position) =>
		node(name, 'n8n-nodes-base.filter', 2, position, {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
				conditions: [
					{
						id: 'changed-since',
						leftValue: '={{ $json.updatedAt ?? $json.createdAt ?? $now.toISO() }}',
						rightValue: since,
						operator: { type: 'dateTime', operation: 'after' },
					},
				],
				combinator: 'and',
			},
			options: {},
		});
	const file = node('CSV File', 'n8n-nodes-base.convertToFile', 1.1, [1000, 0], {
		operation: 'csv',
		options: { fileName: "={{ 'customers-' + $now.toFormat('yyyy-LL-dd') + '.csv' }}" },
	});
	const schedule = node(start, 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 0], {
		rule: { interval: [{ field: 'cronExpression', expression: '0 2 * * *' }] },
	});
	const connections = {
		[start]: { main: [sources.map((s) => ({ node: s.name, type: 'main', index: 0 }))] },
		// JTL-Wawi filters by change date itself.
		[sources[0].name]: { main: [[{ node: merge.name, type: 'main', index: 0 }]] },
		[merge.name]: { main: [[{ node: file.name, type: 'main', index: 0 }]] },
	};
	// Flow Retail's and Xentral's lists have no "changed after" filter: a Filter node per system
	// keeps the last day's changes, each into its own input of the merge.
	const filters = sources.slice(1).map((source, i) => {
		const filter = changedSince(`Changed Last Day (${source.name.split(':')[0]})`, [
			520,
			source.position[1],
		]);
		connections[source.name] = { main: [[{ node: filter.name, type: 'main', index: 0 }]] };
		connections[filter.name] = { main: [[{ node: merge.name, type: 'main', index: i + 1 }]] };
		return filter;
	});
	return {
		id: 'demoNightlyExport',
		name: 'Demo: nightly export of changed customers from all systems (CSV)',
		active: false,
		nodes: [schedule, ...sources, ...filters, merge, file],
		connections,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

/**
 * The same workflow started by hand with sample items in place of its trigger, for the end-to-end
 * run (`n8n execute` starts at a Manual Trigger).
 */
export function asManualRun(workflow, triggerName, sampleItems) {
	const copy = structuredClone(workflow);
	const trigger = copy.nodes.find((n) => n.name === triggerName);
	const targets = copy.connections[triggerName];
	copy.nodes = copy.nodes.filter((n) => n !== trigger);
	delete copy.connections[triggerName];
	copy.nodes.push(node('Manual Trigger', 'n8n-nodes-base.manualTrigger', 1, [-240, 0], {}));
	if (sampleItems) {
		copy.nodes.push(
			node('Sample Event', 'n8n-nodes-base.set', 3.4, [-120, 0], {
				mode: 'raw',
				jsonOutput: JSON.stringify(sampleItems),
				options: {},
			}),
		);
		copy.connections['Manual Trigger'] = {
			main: [[{ node: 'Sample Event', type: 'main', index: 0 }]],
		};
		copy.connections['Sample Event'] = targets;
	} else {
		copy.connections['Manual Trigger'] = targets;
	}
	copy.id = `${copy.id}Manual`;
	return copy;
}

/** The common-shape fields the two-way sync carries, in both directions. */
const TWO_WAY_SYNCED = ['firstName', 'lastName', 'email', 'city', 'countryIso'];

/**
 * The node options of each two-way sync variant, for the Create or Update nodes and the triggers:
 * `loops` is today's pair (every write changes the record's date, so the other side's trigger emits
 * it and writes it back); `quiet` sets Skip Unchanged and Only When These Fields Change, so the echo
 * ends at the first hop.
 */
export const TWO_WAY_VARIANTS = {
	loops: { write: {}, trigger: {} },
	quiet: { write: { skipUnchanged: true }, trigger: { changeFields: TWO_WAY_SYNCED } },
};

/**
 * A two-way customer sync between JTL-Wawi and Flow Retail, both polled every minute: a changed
 * JTL-Wawi customer is written to Flow Retail (Create or Update by external ID = the JTL customer
 * number), a changed Flow Retail customer to JTL-Wawi (Create or Update by customer number = the
 * Flow Retail external ID). Returns { jtlToFlow, flowToJtl }.
 */
export function twoWaySyncWorkflows(
	variant,
	{ jtl = JTL_CREDENTIAL, flow = FLOW_CREDENTIAL, idSuffix = '' } = {},
) {
	const { write, trigger } = TWO_WAY_VARIANTS[variant];
	// Workflow IDs of at most 21 characters: n8n 2.41 keeps no static data for longer ones.
	const suffix = variant[0].toUpperCase() + variant.slice(1) + idSuffix;
	const poll = {
		pollTimes: { item: [{ mode: 'everyMinute' }] },
		event: 'updatedCustomer',
		options: { ...trigger },
	};
	const pair = (id, name, nodes) => ({
		id,
		name,
		active: false,
		nodes,
		connections: chain(...nodes.map((n) => n.name)),
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	});
	const fromJtl = 'JTL-Wawi Customer Changed';
	const fromFlow = 'Flow Retail Customer Changed';
	return {
		jtlToFlow: pair(`syncJtlToFlow${suffix}`, `Two-way sync (${variant}): JTL-Wawi → Flow Retail`, [
			node(fromJtl, `${PKG}.jtlWawiTrigger`, 1, [0, 0], poll, { credentials: jtl }),
			node(
				'Create or Update in Flow Retail',
				`${PKG}.flowRetail`,
				1,
				[280, 0],
				{
					resource: 'customer',
					operation: 'upsert',
					externalId: '={{ $json.number }}',
					fields: {
						firstname: '={{ $json.firstName ?? "" }}',
						lastname: '={{ $json.lastName ?? "" }}',
						email: '={{ $json.email ?? "" }}',
						city: '={{ $json.city ?? "" }}',
						countryCode: '={{ $json.countryIso ?? "" }}',
					},
					...(Object.keys(write).length ? { options: { ...write } } : {}),
				},
				{ credentials: flow },
			),
		]),
		flowToJtl: pair(`syncFlowToJtl${suffix}`, `Two-way sync (${variant}): Flow Retail → JTL-Wawi`, [
			node(fromFlow, `${PKG}.flowRetailPollTrigger`, 1, [0, 0], poll, { credentials: flow }),
			node(
				'Create or Update in JTL-Wawi',
				`${PKG}.jtlWawi`,
				1,
				[280, 0],
				{
					resource: 'customer',
					operation: 'upsert',
					customerNumber: '={{ $json.externalId }}',
					customerGroupId: 1,
					companyId: 1,
					languageIso: 'DE',
					billingAddress: {
						FirstName: '={{ $json.firstName }}',
						LastName: '={{ $json.lastName }}',
						EmailAddress: '={{ $json.email }}',
						City: '={{ $json.city }}',
						CountryIso: '={{ $json.countryIso }}',
					},
					additionalFields: {},
					shippingAddress: {},
					paymentSettings: {},
					options: { ...write },
				},
				{ credentials: jtl },
			),
		]),
	};
}
