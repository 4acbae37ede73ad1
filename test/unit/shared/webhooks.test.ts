import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { customerChangeFields } from '../../../nodes/shared/changeFilter';
import type { WebhookLifecycle, WebhookRegistration } from '../../../nodes/shared/webhooks';
import type { ChangeMark } from '../../../nodes/shared/webhookDeliveries';
import {
	deliveryHeader,
	hmacHex,
	newWebhookSecret,
	rawDeliveryBody,
	sameSecret,
	storedRegistration,
	webhookHooks,
} from '../../../nodes/shared/webhooks';
import {
	acknowledgeRepeat,
	acknowledgeUnchanged,
	DELIVERY_MEMORY_MS,
	deliveryKey,
	MAX_REMEMBERED_DELIVERIES,
	recallChange,
	recallDelivery,
	rememberDelivery,
	refuseDelivery,
	startAcceptedDelivery,
} from '../../../nodes/shared/webhookDeliveries';

/** A vendor that keeps its subscriptions in a map, as a fake API would. */
function fakeVendor() {
	const subscriptions = new Map<string, { url: string; secret: string; events: string[] }>();
	let next = 1;
	const calls: string[] = [];
	const lifecycle: WebhookLifecycle = {
		events(this: IHookFunctions) {
			return this.getNodeParameter('events', []) as string[];
		},
		async exists(registration) {
			calls.push(`exists ${registration.id}`);
			return subscriptions.has(registration.id);
		},
		async register(wanted) {
			const id = `sub-${next++}`;
			calls.push(`register ${id}`);
			subscriptions.set(id, wanted);
			return id;
		},
		async remove(registration) {
			calls.push(`remove ${registration.id}`);
			subscriptions.delete(registration.id);
		},
	};
	return { subscriptions, calls, lifecycle };
}

function hookContext(staticData: IDataObject, url: string, events: string[]): IHookFunctions {
	return {
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => url,
		getNodeParameter: (name: string) => (name === 'events' ? events : undefined),
	} as unknown as IHookFunctions;
}

describe('webhook secrets', () => {
	it('makes a new 64-character hex secret each time', () => {
		const a = newWebhookSecret();
		const b = newWebhookSecret();
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		expect(b).not.toBe(a);
		expect(newWebhookSecret(10)).toMatch(/^[0-9a-f]{20}$/);
	});

	it('accepts only the same secret, and never an empty or missing one', () => {
		expect(sameSecret('abc', 'abc')).toBe(true);
		expect(sameSecret('abd', 'abc')).toBe(false);
		expect(sameSecret('abcd', 'abc')).toBe(false);
		expect(sameSecret('', '')).toBe(false);
		expect(sameSecret(undefined, 'abc')).toBe(false);
		expect(sameSecret(['abc'], 'abc')).toBe(false);
	});

	it('computes the HMAC of the exact bytes', () => {
		// RFC 4231 test case 2.
		expect(hmacHex('sha256', 'Jefe', 'what do ya want for nothing?')).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
		expect(hmacHex('sha256', 'Jefe', Buffer.from('what do ya want for nothing? '))).not.toBe(
			hmacHex('sha256', 'Jefe', 'what do ya want for nothing?'),
		);
	});
});

describe('webhook registration hooks', () => {
	it('registers once with a fresh secret, keeps it while the vendor has it, and removes it', async () => {
		const vendor = fakeVendor();
		const hooks = webhookHooks(vendor.lifecycle);
		const data: IDataObject = {};
		const ctx = hookContext(data, 'https://n8n.example/webhook/a', ['b.created', 'a.updated']);

		expect(await hooks.checkExists.call(ctx)).toBe(false);
		expect(await hooks.create.call(ctx)).toBe(true);
		const stored = storedRegistration(ctx) as WebhookRegistration;
		expect(stored).toMatchObject({ id: 'sub-1', url: 'https://n8n.example/webhook/a' });
		expect(stored.events).toEqual(['a.updated', 'b.created']);
		expect(vendor.subscriptions.get('sub-1')?.secret).toBe(stored.secret);

		expect(await hooks.checkExists.call(ctx)).toBe(true);
		expect(await hooks.delete.call(ctx)).toBe(true);
		expect(vendor.subscriptions.size).toBe(0);
		expect(storedRegistration(ctx)).toBeUndefined();
		expect(vendor.calls).toEqual(['register sub-1', 'exists sub-1', 'remove sub-1']);
	});

	it('does not keep a registration for another URL or other events, and removes it before registering anew', async () => {
		const vendor = fakeVendor();
		const hooks = webhookHooks(vendor.lifecycle);
		const data: IDataObject = {};
		await hooks.create.call(hookContext(data, 'https://n8n.example/webhook-test/a', ['x']));

		const live = hookContext(data, 'https://n8n.example/webhook/a', ['x']);
		expect(await hooks.checkExists.call(live)).toBe(false);
		await hooks.create.call(live);
		expect([...vendor.subscriptions.keys()]).toEqual(['sub-2']);
		expect(
			await hooks.checkExists.call(hookContext(data, 'https://n8n.example/webhook/a', ['y'])),
		).toBe(false);
		expect(vendor.calls).toEqual(['register sub-1', 'remove sub-1', 'register sub-2']);
	});

	it('refuses to activate in a workflow whose ID is too long for n8n to keep its static data, before registering', async () => {
		const vendor = fakeVendor();
		const hooks = webhookHooks(vendor.lifecycle);
		const inWorkflow = (id: string, mode = 'trigger') =>
			({
				...hookContext({}, 'https://n8n.example/webhook/a', ['x']),
				getMode: () => mode,
				getWorkflow: () => ({ id, active: true }),
				getNode: () => ({ name: 'Trigger', type: 'trigger', typeVersion: 1, parameters: {} }),
			}) as unknown as IHookFunctions;
		await expect(hooks.create.call(inWorkflow('liveXentralPriceTrigger'))).rejects.toThrow(
			'has more than 21 characters',
		);
		expect(vendor.calls).toEqual([]);
		expect(await hooks.create.call(inWorkflow('liveXentralPriceHook'))).toBe(true);
		// The editor's test webhook of a workflow not saved yet is not checked.
		expect(await hooks.create.call(inWorkflow('liveXentralPriceTrigger', 'manual'))).toBe(true);
		expect(vendor.calls).toEqual(['register sub-1', 'register sub-2']);
	});

	it('registers again when the vendor lost the registration', async () => {
		const vendor = fakeVendor();
		const hooks = webhookHooks(vendor.lifecycle);
		const data: IDataObject = {};
		const ctx = hookContext(data, 'https://n8n.example/webhook/a', ['x']);
		await hooks.create.call(ctx);
		vendor.subscriptions.clear();
		expect(await hooks.checkExists.call(ctx)).toBe(false);
	});

	it('keeps the stored registration when the vendor refuses to remove it', async () => {
		const vendor = fakeVendor();
		vendor.lifecycle.remove = async () => {
			throw new Error('vendor down');
		};
		const hooks = webhookHooks(vendor.lifecycle);
		const data: IDataObject = {};
		const ctx = hookContext(data, 'https://n8n.example/webhook/a', ['x']);
		await hooks.create.call(ctx);
		await expect(hooks.delete.call(ctx)).rejects.toThrow('vendor down');
		expect(storedRegistration(ctx)?.id).toBe('sub-1');
	});
});

/** A webhook call's context: the request, its headers, static data, and what the node answered. */
function webhookContext(request: object, headers: Record<string, unknown>, data: IDataObject = {}) {
	const sent: { status?: number; body?: unknown } = {};
	const res = {
		status(code: number) {
			sent.status = code;
			return res;
		},
		json(body: unknown) {
			sent.body = body;
			return res;
		},
	};
	const ctx = {
		getRequestObject: () => request,
		getHeaderData: () => headers,
		getResponseObject: () => res,
		getWorkflowStaticData: () => data,
	} as unknown as IWebhookFunctions;
	return { ctx, sent };
}

describe('deliveries', () => {
	it('reads the raw body and headers by any case', () => {
		const { ctx } = webhookContext(
			{ rawBody: Buffer.from('{"a":1}') },
			{
				'X-Signature': 'sig',
				'x-list': ['one', 'two'],
			},
		);
		expect(rawDeliveryBody(ctx)?.toString()).toBe('{"a":1}');
		expect(deliveryHeader(ctx, 'x-signature')).toBe('sig');
		expect(deliveryHeader(ctx, 'X-LIST')).toBe('one');
		expect(deliveryHeader(ctx, 'missing')).toBeUndefined();
		expect(rawDeliveryBody(webhookContext({}, {}).ctx)).toBeUndefined();
	});

	it('refuses with the status and reason, and runs no workflow', () => {
		const { ctx, sent } = webhookContext({}, {});
		expect(refuseDelivery(ctx, 401, 'The signature does not match')).toEqual({
			noWebhookResponse: true,
		});
		expect(sent).toEqual({ status: 401, body: { message: 'The signature does not match' } });
	});
});

describe('the memory of accepted deliveries', () => {
	const T = Date.parse('2026-06-01T12:00:00Z');
	const withStatic = (data: IDataObject = {}) =>
		({ getWorkflowStaticData: () => data }) as unknown as IWebhookFunctions;

	it('keys a delivery by its parts: the same parts give the same key, any other part another', () => {
		const body = Buffer.from('{"action":"CUSTOMER_UPDATE"}');
		expect(deliveryKey(body)).toBe(deliveryKey(Buffer.from(body)));
		expect(deliveryKey(body)).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(deliveryKey(body, 'v1')).not.toBe(deliveryKey(body, 'v2'));
		expect(deliveryKey(body, 'v1')).not.toBe(deliveryKey(body));
		// parts are length-prefixed: moving bytes between parts gives another key
		expect(deliveryKey('ab', 'c')).not.toBe(deliveryKey('a', 'bc'));
	});

	it('knows a delivery accepted within the window, and forgets it after DELIVERY_MEMORY_MS', () => {
		const data: IDataObject = {};
		const ctx = withStatic(data);
		expect(recallDelivery(ctx, 'k1', '', T)).toBe('new');
		rememberDelivery(ctx, 'k1', '', T);
		expect(recallDelivery(ctx, 'k1', '', T + 1000)).toBe('seen');
		expect(recallDelivery(ctx, 'k1', '', T + DELIVERY_MEMORY_MS - 1)).toBe('seen');
		expect(recallDelivery(ctx, 'k1', '', T + DELIVERY_MEMORY_MS)).toBe('new');
		expect(data.deliveries).toEqual([['k1', T, '']]);
		rememberDelivery(ctx, 'k2', '', T + DELIVERY_MEMORY_MS);
		expect(data.deliveries).toEqual([['k2', T + DELIVERY_MEMORY_MS, '']]);
	});

	it('keeps the newest MAX_REMEMBERED_DELIVERIES', () => {
		const data: IDataObject = {};
		const ctx = withStatic(data);
		for (let i = 0; i <= MAX_REMEMBERED_DELIVERIES; i++) rememberDelivery(ctx, `k${i}`, '', T + i);
		expect(data.deliveries).toHaveLength(MAX_REMEMBERED_DELIVERIES);
		expect(recallDelivery(ctx, 'k0', '', T + 2000)).toBe('new');
		expect(recallDelivery(ctx, 'k1', '', T + 2000)).toBe('seen');
		expect(recallDelivery(ctx, `k${MAX_REMEMBERED_DELIVERIES}`, '', T + 2000)).toBe('seen');
	});

	it('tells a delivery superseded by a different one about the same record since', () => {
		const ctx = withStatic();
		rememberDelivery(ctx, 'A', 'price:1', T);
		rememberDelivery(ctx, 'other', 'price:2', T + 1);
		expect(recallDelivery(ctx, 'A', 'price:1', T + 2)).toBe('seen');
		rememberDelivery(ctx, 'B', 'price:1', T + 3);
		expect(recallDelivery(ctx, 'A', 'price:1', T + 4)).toBe('superseded');
		expect(recallDelivery(ctx, 'B', 'price:1', T + 4)).toBe('seen');
		// accepted again (a change back to A): A is the newest, B is now the superseded one
		rememberDelivery(ctx, 'A', 'price:1', T + 5);
		expect(recallDelivery(ctx, 'A', 'price:1', T + 6)).toBe('seen');
		expect(recallDelivery(ctx, 'B', 'price:1', T + 6)).toBe('superseded');
	});

	it('answers a repeat with 200 and no workflow data', () => {
		const answer = acknowledgeRepeat();
		expect(answer.workflowData).toBeUndefined();
		expect(answer.noWebhookResponse).toBeUndefined();
		expect(answer.webhookResponse).toEqual({ message: expect.stringMatching(/received before/) });
	});

	it('ignores what is not a remembered delivery in static data', () => {
		const ctx = withStatic({ deliveries: [['k', T, ''], 'junk', ['x'], null] as never });
		expect(recallDelivery(ctx, 'k', '', T + 1)).toBe('seen');
		expect(recallDelivery(ctx, 'x', '', T + 1)).toBe('new');
	});
});

describe('starting the workflow for an accepted delivery', () => {
	it('remembers the delivery, answers 200 itself and hands n8n the items without its own answer', () => {
		const data: IDataObject = { webhookRegistration: { id: 'r1' } };
		const { ctx, sent } = webhookContext({}, {}, data);
		const items = [{ json: { a: 1 } }, { json: { a: 2 } }];
		// noWebhookResponse: n8n saves the webhook call's static data before the execution starts
		expect(startAcceptedDelivery(ctx, items, 'k9', 'price:9', 42)).toEqual({
			noWebhookResponse: true,
			workflowData: [[{ json: { a: 1 } }, { json: { a: 2 } }]],
		});
		expect(sent).toEqual({ status: 200, body: { message: 'Workflow was started' } });
		expect(data).toEqual({
			webhookRegistration: { id: 'r1' },
			deliveries: [['k9', 42, 'price:9']],
		});
		expect(recallDelivery(ctx, 'k9', 'price:9', 43)).toBe('seen');
	});
});

describe('Only When These Fields Change in a webhook trigger', () => {
	const FIELDS = customerChangeFields(['email', 'city']);
	const registered = (): IDataObject => ({ webhookRegistration: { id: 'r1' } });
	const webhookCtx = (data: IDataObject, changeFields?: string[]) =>
		({
			getNode: () => ({ name: 'Trigger', type: 'trigger', typeVersion: 1, parameters: {} }),
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'options' ? (changeFields ? { changeFields } : {}) : fallback,
			getWorkflowStaticData: () => data,
		}) as unknown as IWebhookFunctions;
	/** webhook() starting the workflow for an accepted delivery, with the hash to remember. */
	const start = (data: IDataObject, mark: ChangeMark) =>
		startAcceptedDelivery(
			{
				...webhookContext({}, {}, data).ctx,
				getNodeParameter: () => ({}),
			} as unknown as IWebhookFunctions,
			[{ json: { a: 1 } }],
			`k${Math.random()}`,
			'',
			42,
			mark,
		);

	/** One delivery about customer 1: whether it ran; when it ran, webhook() remembers it. */
	function deliver(data: IDataObject, common: IDataObject, isNew = false, fields = ['email']) {
		const change = recallChange(webhookCtx(data, fields), FIELDS, {
			record: 'customer:1',
			isNew,
			common,
		});
		if (change.emit) start(data, change.mark);
		return change.emit;
	}

	it('reads and remembers in webhook(), and runs only a change of a chosen field', () => {
		const data = registered();
		expect(deliver(data, { email: 'a', city: 'X' }, true)).toBe(true); // created: always
		expect(deliver(data, { email: 'a', city: 'Y' })).toBe(false); // city not chosen
		expect(deliver(data, { email: 'b', city: 'Y' })).toBe(true);
		expect(deliver(data, { email: 'b', city: 'Z' })).toBe(false);
		expect(deliver(data, { email: 'b', city: 'Z' }, true)).toBe(true); // created again: always
		// Another selection: the old hashes say nothing, so the next change runs once.
		expect(deliver(data, { email: 'b', city: 'Z' }, false, ['city', 'email'])).toBe(true);
		expect(deliver(data, { email: 'b', city: 'Z' }, false, ['city', 'email'])).toBe(false);
		expect((data.changeFilter as IDataObject).fields).toEqual(['city', 'email']);
		expect(acknowledgeUnchanged().webhookResponse).toBeDefined();
	});

	it('without a chosen field, marks nothing to remember and clears an old memory', () => {
		const data = registered();
		deliver(data, { email: 'a' });
		expect(data.changeFilter).toBeDefined();
		const change = recallChange(webhookCtx(data), FIELDS, {
			record: 'customer:1',
			isNew: false,
			common: { email: 'a' },
		});
		expect(change).toEqual({ emit: true, mark: { fields: [] } });
		expect(start(data, change.mark).workflowData).toEqual([[{ json: { a: 1 } }]]);
		expect(data.changeFilter).toBeUndefined();
	});

	it('neither trusts nor writes a memory in static data that lacks the registration', () => {
		// A copy without the registration (queue-mode worker, another version's static data): a
		// hash found there may be stale, so every change runs, and nothing is written there.
		const copy: IDataObject = {};
		expect(deliver(copy, { email: 'a' })).toBe(true);
		expect(copy.changeFilter).toBeUndefined();
		const stale: IDataObject = { changeFilter: { fields: ['email'], hashes: [] } };
		const data = registered();
		deliver(data, { email: 'a' });
		stale.changeFilter = data.changeFilter;
		expect(deliver(stale, { email: 'a' })).toBe(true);
		expect(deliver(data, { email: 'a' })).toBe(false);
	});
});
