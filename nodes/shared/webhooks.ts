// Webhook triggers, vendor-neutral: a secret made per registration, the registration's life in the
// workflow's static data (n8n's checkExists / create / delete hooks) and reading a delivery's raw
// body and headers. What a trigger does with an accepted delivery (the memory that keeps a
// replayed or repeated one from running twice, the answers) is in webhookDeliveries.ts. A vendor
// trigger supplies only how to register, find and remove a subscription at its API, and how its
// deliveries prove who sent them.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookDescription,
	type IWebhookFunctions,
} from 'n8n-workflow';

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
export type WithStaticData = Pick<IWebhookFunctions, 'getWorkflowStaticData'>;

export function staticData(ctx: WithStaticData): IDataObject {
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

/** Whether the node's static data holds the registration, as the workflow's stored data does. */
export const holdsRegistration = (ctx: WithStaticData) => staticData(ctx)[STATIC_KEY] !== undefined;
