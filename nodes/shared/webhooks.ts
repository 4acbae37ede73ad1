// Webhook triggers, vendor-neutral: a secret made per registration, the registration's life in the
// workflow's static data (n8n's checkExists / create / delete hooks), the checks a delivery must
// pass before a workflow runs, and the memory of accepted deliveries that keeps a replayed or
// repeated one from running twice. A vendor trigger supplies only how to register, find and remove a
// subscription at its API, and how its deliveries prove who sent them.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeExecutionData,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import type { ChangeFields } from './changeFilter';
import {
	fieldsHash,
	hasChangeMemory,
	isChange,
	readChangeFields,
	readChangeMemory,
	rememberHash,
	writeChangeMemory,
} from './changeFilter';
import { clock } from './clock';

/** The one webhook of a trigger: deliveries are POSTed to it and answered as soon as received. */
export const postWebhook: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	path: 'webhook',
};

/** A random secret of `bytes` bytes as lower-case hex (letters and digits only, safe in any header). */
export function newWebhookSecret(bytes = 32): string {
	return randomBytes(bytes).toString('hex');
}

/**
 * Compares a received secret or signature with the expected one in constant time. Both sides are
 * hashed first, so neither their content nor their length shows in the timing.
 */
export function sameSecret(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || received === '' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(received), digest(expected));
}

/** The HMAC of a payload as lower-case hex. */
export function hmacHex(
	algorithm: 'sha1' | 'sha256' | 'sha512',
	key: string,
	payload: Buffer | string,
): string {
	return createHmac(algorithm, key).update(payload).digest('hex');
}

/** What the package remembers of one registration, in the trigger node's static data. */
export interface WebhookRegistration {
	/** The vendor's ID of the subscription (webhook, transport), used to find and remove it. */
	id: string;
	/** The secret the vendor was given, against which deliveries are checked. */
	secret: string;
	/** The n8n webhook URL it was registered for. */
	url: string;
	/** The events it subscribes to, sorted. */
	events: string[];
}

/** How one vendor registers, finds and removes a subscription. Each runs as an n8n hook. */
export interface WebhookLifecycle {
	/** The events the trigger's parameters ask for (vendor names). */
	events(this: IHookFunctions): string[];
	/** True when the vendor still holds this registration, unchanged. */
	exists(this: IHookFunctions, registration: WebhookRegistration): Promise<boolean>;
	/** Registers the URL with the secret for the events, and returns the vendor's ID for it. */
	register(
		this: IHookFunctions,
		wanted: { url: string; secret: string; events: string[] },
	): Promise<string>;
	/** Removes the registration; a registration that is already gone is not an error. */
	remove(this: IHookFunctions, registration: WebhookRegistration): Promise<void>;
	/** How many bytes of secret to generate (default 32 bytes, 64 hex characters). */
	secretBytes?: number;
	/**
	 * The secret to register instead of a random one, for a vendor whose deliveries must be checked
	 * without the workflow's static data (n8n 2.41 keeps none for a workflow whose ID is longer
	 * than 21 characters): a value the trigger can compute again from its credential and URL.
	 */
	secret?(this: IHookFunctions, wanted: { url: string; events: string[] }): Promise<string>;
}

const STATIC_KEY = 'webhookRegistration';

/** A context that has the node's static data: a hook, a webhook call or the execution. */
type WithStaticData = Pick<IWebhookFunctions, 'getWorkflowStaticData'>;

function staticData(ctx: WithStaticData): IDataObject {
	return ctx.getWorkflowStaticData('node');
}

/** The registration stored for this trigger node, if any. */
export function storedRegistration(
	ctx: IHookFunctions | IWebhookFunctions,
): WebhookRegistration | undefined {
	const value = staticData(ctx)[STATIC_KEY] as WebhookRegistration | undefined;
	if (!value || typeof value.id !== 'string' || typeof value.secret !== 'string') return undefined;
	return value;
}

const sortedEvents = (events: string[]) => [...new Set(events)].sort();

const sameList = (a: string[], b: string[]) =>
	a.length === b.length && a.every((value, index) => value === b[index]);

/** The longest workflow ID whose static data n8n 2.41 saves (`isWorkflowIdValid`). */
export const MAX_KEPT_WORKFLOW_ID = 21;

/**
 * Refuses to activate a webhook trigger in a workflow whose static data n8n would not save: n8n
 * 2.41 saves it only for a workflow ID of at most 21 characters (the IDs it makes have 16), and a
 * workflow imported with a longer ID of its own would lose the registration (the Flow Retail
 * Trigger would refuse every delivery) and the delivery memory (a replay would run again). The
 * editor's test webhook is not checked: an unsaved workflow has no ID yet.
 */
function refuseUnkeptStaticData(ctx: IHookFunctions): void {
	if (ctx.getMode?.() === 'manual') return;
	const id = ctx.getWorkflow?.()?.id;
	if (typeof id !== 'string' || id.length <= MAX_KEPT_WORKFLOW_ID) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`This workflow's ID "${id}" has more than ${MAX_KEPT_WORKFLOW_ID} characters, and n8n keeps no static data for such a workflow: the trigger could not keep its webhook registration or the memory that refuses a delivery sent twice`,
		{
			description:
				'Import the workflow without its "id", or with an ID of at most 21 characters, then activate it again.',
		},
	);
}

/**
 * n8n's webhook hooks for a trigger: `checkExists` keeps a registration only when it is for this URL
 * and these events and the vendor still has it; `create` removes a stale one first, then registers
 * with a fresh secret; `delete` removes it and forgets it.
 */
export function webhookHooks(lifecycle: WebhookLifecycle) {
	return {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const stored = storedRegistration(this);
			if (!stored) return false;
			const url = this.getNodeWebhookUrl('default') as string;
			const events = sortedEvents(lifecycle.events.call(this));
			if (stored.url !== url || !sameList(stored.events, events)) return false;
			return await lifecycle.exists.call(this, stored);
		},
		async create(this: IHookFunctions): Promise<boolean> {
			refuseUnkeptStaticData(this);
			const stale = storedRegistration(this);
			if (stale) {
				await lifecycle.remove.call(this, stale);
				delete staticData(this)[STATIC_KEY];
			}
			const url = this.getNodeWebhookUrl('default') as string;
			const events = sortedEvents(lifecycle.events.call(this));
			const secret = lifecycle.secret
				? await lifecycle.secret.call(this, { url, events })
				: newWebhookSecret(lifecycle.secretBytes);
			const id = await lifecycle.register.call(this, { url, secret, events });
			const registration: WebhookRegistration = { id, secret, url, events };
			staticData(this)[STATIC_KEY] = registration as unknown as IDataObject;
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const stored = storedRegistration(this);
			if (!stored) return true;
			await lifecycle.remove.call(this, stored);
			delete staticData(this)[STATIC_KEY];
			return true;
		},
	};
}

/** The delivery's body exactly as sent, which signatures are computed over. */
export function rawDeliveryBody(ctx: IWebhookFunctions): Buffer | undefined {
	const raw = (ctx.getRequestObject() as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return undefined;
}

/** A header of the delivery, by case-insensitive name, as one string. */
export function deliveryHeader(ctx: IWebhookFunctions, name: string): string | undefined {
	const headers = ctx.getHeaderData() as Record<string, unknown>;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
		return value === undefined || value === null ? undefined : String(value);
	}
	return undefined;
}

/** How long a webhook trigger remembers a delivery it accepted. */
export const DELIVERY_MEMORY_MS = 24 * 60 * 60 * 1000;

/** How many accepted deliveries a webhook trigger remembers at most (the newest). */
export const MAX_REMEMBERED_DELIVERIES = 1000;

const DELIVERIES_KEY = 'deliveries';

/** One remembered delivery: its key, when it was accepted (epoch ms), and the record it is about. */
type RememberedDelivery = [key: string, acceptedAt: number, record: string];

/**
 * The key of a delivery: a SHA-256 over its parts, such as the raw body and, for a vendor whose
 * bodies carry only IDs, the version of the record it announces. 128 bits, base64url.
 */
export function deliveryKey(...parts: Array<Buffer | string>): string {
	const hash = createHash('sha256');
	for (const part of parts) {
		const bytes = Buffer.isBuffer(part) ? part : Buffer.from(part, 'utf8');
		hash.update(String(bytes.length)).update(':').update(bytes);
	}
	return hash.digest('base64url').slice(0, 22);
}

/** The deliveries remembered in the node's static data, oldest first, within the window. */
function rememberedDeliveries(ctx: WithStaticData, now: number): RememberedDelivery[] {
	const stored = staticData(ctx)[DELIVERIES_KEY];
	if (!Array.isArray(stored)) return [];
	return stored.filter(
		(entry): entry is RememberedDelivery =>
			Array.isArray(entry) &&
			typeof entry[0] === 'string' &&
			typeof entry[1] === 'number' &&
			now - entry[1] < DELIVERY_MEMORY_MS,
	);
}

/**
 * What the trigger knows of a delivery: `new`; `seen` when a delivery with the same key was
 * accepted within DELIVERY_MEMORY_MS (a replay, or the vendor sending it again); `superseded` when
 * it was seen, but a later, different delivery about the same record came since (it may announce
 * a change back to an earlier state, or be an old delivery replayed: the vendor trigger decides).
 */
export function recallDelivery(
	ctx: WithStaticData,
	key: string,
	record = '',
	now = clock.now(),
): 'new' | 'seen' | 'superseded' {
	const remembered = rememberedDeliveries(ctx, now);
	const index = remembered.map(([k]) => k).lastIndexOf(key);
	if (index < 0) return 'new';
	if (record === '') return 'seen';
	const later = remembered.slice(index + 1);
	return later.some(([k, , r]) => r === record && k !== key) ? 'superseded' : 'seen';
}

/**
 * Remembers an accepted delivery in the node's static data as the newest, forgetting those older
 * than DELIVERY_MEMORY_MS and all but the newest MAX_REMEMBERED_DELIVERIES.
 */
export function rememberDelivery(
	ctx: WithStaticData,
	key: string,
	record = '',
	now = clock.now(),
): void {
	const kept = rememberedDeliveries(ctx, now).filter(([k]) => k !== key);
	kept.push([key, now, record]);
	// A new array, so n8n sees the static data changed and saves it.
	staticData(ctx)[DELIVERIES_KEY] = kept.slice(
		-MAX_REMEMBERED_DELIVERIES,
	) as unknown as IDataObject;
}

/** What a webhook trigger answers a delivery it accepted, as n8n answers one it starts a workflow for. */
const STARTED = { message: 'Workflow was started' };

/**
 * Starts the workflow with the items of an accepted delivery and remembers the delivery in the
 * node's static data, so that the same delivery again runs nothing (see recallDelivery).
 *
 * Where n8n 2.41 keeps what webhook() writes to static data (read in its source,
 * `webhooks/live-webhooks.js` and `webhook-helpers.js`): the webhook call runs on the main (or
 * webhook) process on the workflow's stored static data, and n8n saves it, when changed, in the
 * call's response callback. When webhook() returns workflow data and leaves the answer to n8n,
 * that callback runs only after the workflow runner has taken the execution on, and the runner
 * first builds the execution's workflow on the same static data object, which marks it unchanged
 * (`establishContextForPersistence`): the write is lost. When webhook() returns
 * `noWebhookResponse`, n8n runs the callback, and so saves the static data, before it starts the
 * execution. So the trigger answers the vendor itself (200, the body n8n would send) and returns
 * `noWebhookResponse` with the workflow data. The execution writes nothing: in queue mode it runs
 * on a worker, on a copy of the workflow without its static data, and whatever it wrote there
 * would replace the stored static data, registration and all.
 */
export function startAcceptedDelivery(
	ctx: IWebhookFunctions,
	items: INodeExecutionData[],
	key: string,
	record = '',
	now = clock.now(),
	change?: ChangeMark,
): IWebhookResponseData {
	rememberDelivery(ctx, key, record, now);
	if (change) rememberChange(ctx, change);
	ctx.getResponseObject().status(200).json(STARTED);
	return { noWebhookResponse: true, workflowData: [items] };
}

/** What a delivery leaves in the memory of "Only When These Fields Change" (see recallChange). */
export interface ChangeMark {
	/** The fields chosen when the delivery came, sorted; empty when none were. */
	fields: string[];
	/** The record's key in the memory and its hash, when the delivery is about one. */
	record?: string;
	hash?: string;
}

/** Whether the node's static data holds the registration, as the workflow's stored data does. */
const holdsRegistration = (ctx: WithStaticData) => staticData(ctx)[STATIC_KEY] !== undefined;

/**
 * "Only When These Fields Change" for a delivery about `record` (a key such as
 * `customer:<uid>`), whose state in the common shape is `common` (undefined for a record that is
 * gone or an event without one: always emitted). A new record is always emitted; a changed one
 * when the hash of the chosen fields differs from the one last emitted, or none is remembered.
 * The mark returned goes to startAcceptedDelivery, which writes it in webhook() with the delivery
 * memory. The memory is read only from static data that holds the registration: elsewhere a
 * remembered hash may be stale and would hold back a real change, so every change runs.
 */
export function recallChange(
	ctx: IWebhookFunctions,
	fields: ChangeFields,
	event: { record: string; isNew: boolean; common?: IDataObject },
): { emit: boolean; mark: ChangeMark } {
	const chosen = readChangeFields(ctx, fields);
	if (!chosen.length || !event.common) return { emit: true, mark: { fields: chosen } };
	const hash = fieldsHash(event.common, chosen);
	const memory = holdsRegistration(ctx) ? readChangeMemory(staticData(ctx), chosen) : new Map();
	return {
		emit: isChange(memory, event.record, hash, event.isNew),
		mark: { fields: chosen, record: event.record, hash },
	};
}

/**
 * Answers a delivery about a change of none of the chosen fields with 200 (the vendor does not
 * send it again), and starts no execution.
 */
export function acknowledgeUnchanged(): IWebhookResponseData {
	return {
		webhookResponse: {
			message: 'None of the fields chosen under Only When These Fields Change has changed',
		},
	};
}

/**
 * Writes a delivery's hash into the change memory (a new selection starts a new memory; no
 * selection removes it), only into static data that holds the registration.
 */
function rememberChange(ctx: WithStaticData, mark: ChangeMark): void {
	if (!holdsRegistration(ctx)) return;
	const data = staticData(ctx);
	if (!mark.fields.length) {
		if (hasChangeMemory(data)) writeChangeMemory(data, [], new Map());
		return;
	}
	const memory = readChangeMemory(data, mark.fields);
	if (typeof mark.record === 'string' && typeof mark.hash === 'string')
		rememberHash(memory, mark.record, mark.hash);
	writeChangeMemory(data, mark.fields, memory);
}

/**
 * Answers a delivery that was accepted before with 200, so the vendor does not send it again,
 * and starts no execution.
 */
export function acknowledgeRepeat(): IWebhookResponseData {
	return {
		webhookResponse: { message: 'This delivery was received before; it does not run again' },
	};
}

/**
 * Answers a delivery that failed its check, without running the workflow. The answer names the
 * reason but never the secret or the expected signature.
 */
export function refuseDelivery(
	ctx: IWebhookFunctions,
	status: 401 | 403 | 400,
	reason: string,
): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).json({ message: reason });
	return { noWebhookResponse: true };
}
