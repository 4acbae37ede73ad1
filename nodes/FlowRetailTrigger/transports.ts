import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { findRecord } from '../FlowRetail/helpers/records';
import { newUid } from '../FlowRetail/helpers/uid';
import { flowPath, flowRequest } from '../FlowRetail/transport';
import type { WebhookLifecycle, WebhookRegistration } from '../shared/webhooks';

/** The webhook actions the trigger offers [verified: API introduction/webhooks]. */
export const FLOW_EVENTS = [
	{ name: 'Customer Created', value: 'CUSTOMER_CREATE' },
	{ name: 'Customer Deleted', value: 'CUSTOMER_DELETE' },
	{ name: 'Customer Updated', value: 'CUSTOMER_UPDATE' },
	{ name: 'Price Created', value: 'PRICE_CREATE' },
	{ name: 'Price Deleted', value: 'PRICE_DELETE' },
	{ name: 'Price Updated', value: 'PRICE_UPDATE' },
] as const;

const KNOWN = new Set<string>(FLOW_EVENTS.map((e) => e.value));

/**
 * How the chosen actions are bound to the transport. Flow Retail documents no way to do it (a
 * separate resource, or a setting in Backoffice); the package assumes the transport itself lists
 * them as `actions` (README assumptions). This is the one place that decides it.
 */
export function bindEvents(transport: IDataObject, events: string[]): IDataObject {
	return { ...transport, actions: events };
}

/**
 * The HTTP transport of one trigger: n8n's webhook URL, the secret as a bearer token
 * (`securityType: BEARER_TOKEN`; the third value is cut off in the docs after "BE" [assumption]),
 * and a client-made UID so the registration can be found again.
 */
export const transportLifecycle: WebhookLifecycle = {
	events(this: IHookFunctions): string[] {
		const events = this.getNodeParameter('events', []) as unknown;
		return Array.isArray(events) ? events.map(String).filter((e) => KNOWN.has(e)) : [];
	},

	async exists(this: IHookFunctions, registration: WebhookRegistration): Promise<boolean> {
		const found = await findRecord(this, flowPath`/httptransports/${registration.id}`);
		return found !== undefined && found.url === registration.url;
	},

	async register(this: IHookFunctions, wanted): Promise<string> {
		const uid = newUid();
		const workflow = this.getWorkflow();
		await flowRequest(this, 'POST', flowPath`/httptransports`, {
			body: bindEvents(
				{
					httpTransportUid: uid,
					name: `n8n: ${String(workflow.name ?? workflow.id ?? 'workflow').slice(0, 200)}`,
					url: wanted.url,
					securityType: 'BEARER_TOKEN',
					token: wanted.secret,
				},
				wanted.events,
			),
			// The UID is the client's: a repeat after a lost answer is refused with 409, never doubled.
			idempotent: true,
		}).catch(async (error: unknown) => {
			if (await findRecord(this, flowPath`/httptransports/${uid}`)) return undefined;
			throw error;
		});
		return uid;
	},

	async remove(this: IHookFunctions, registration: WebhookRegistration): Promise<void> {
		// A transport that is gone already (404) is fine: the core treats a repeated DELETE so too.
		if (!(await findRecord(this, flowPath`/httptransports/${registration.id}`))) return;
		await flowRequest(this, 'DELETE', flowPath`/httptransports/${registration.id}`);
	},
};
