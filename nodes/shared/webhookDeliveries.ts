// What a webhook trigger does with a delivery that passed its checks: the memory of accepted
// deliveries (a replayed or repeated one runs nothing), "Only When These Fields Change", and the
// answers a trigger gives the vendor (started, a repeat, unchanged, refused).
import { createHash } from 'crypto';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
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
import type { WithStaticData } from './webhooks';
import { holdsRegistration, staticData } from './webhooks';

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
