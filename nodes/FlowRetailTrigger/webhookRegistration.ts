import type { IDataObject, IHookFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { findRecord } from '../FlowRetail/helpers/records';
import { newUid } from '../FlowRetail/helpers/uid';
import { flowNotice, flowUndocumented, isThere } from '../FlowRetail/helpers/undocumented';
import { flowPath, flowApiRequest } from '../FlowRetail/transport';
import { httpStatusOf } from '../shared/errors';
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

/** The panel's notice: how events reach a transport, and removing one, are not documented. */
export const transportNotice = flowNotice(
	"how an HTTP transport is told which events to send (the trigger sends them as the transport's actions), and deleting a transport",
	'A tenant that refuses the events, or does not show them on the transport it made, stops the activation with an error that says so; one that cannot delete a transport says so on deactivation, naming the transport to remove in Flow Retail Backoffice.',
	'transportNotice',
);

/** Whether the transport Flow Retail answered with is bound to exactly `events`. */
function boundTo(transport: unknown, events: string[]): boolean {
	const actions: unknown = (transport as IDataObject | undefined)?.actions;
	if (!Array.isArray(actions)) return false;
	const bound = new Set(actions.map(String));
	return bound.size === new Set(events).size && events.every((e) => bound.has(e));
}

/** The activation error when this tenant does not bind events the way the package assumes. */
function eventsNotBound(node: INode, why: string, uid: string, cause?: unknown): NodeApiError {
	const message = `Flow Retail's API on this tenant does not bind events to an HTTP transport the way the trigger sends them (${why})`;
	const answer = cause instanceof Error ? ` Flow Retail's last answer: ${cause.message}` : '';
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: `No Flow Retail document shows how a transport is told its events; the trigger sends them as the transport's "actions". Bind the events to transport ${uid} in Flow Retail Backoffice if your tenant does it there, or use the Flow Retail Poll Trigger.${answer}`,
		httpCode: httpStatusOf(cause) ? String(httpStatusOf(cause)) : undefined,
	});
}

/** The error names the `actions` field: the tenant does not take it. */
const namesActions = (error: unknown) =>
	/\bactions\b/.test(
		`${(error as Error)?.message ?? ''} ${(error as { description?: string })?.description ?? ''}`,
	);

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
		const made = await flowApiRequest(this, 'POST', flowPath`/httptransports`, {
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
		}).then(
			(response) => response.body as IDataObject | undefined,
			async (error: unknown) => {
				const found = await findRecord(this, flowPath`/httptransports/${uid}`);
				if (found) return found;
				if (httpStatusOf(error) === 400 && namesActions(error))
					throw eventsNotBound(this.getNode(), 'it refused the actions field', uid, error);
				throw error;
			},
		);
		// Made, but not showing the events: nothing would ever be delivered. Undo it and say so.
		if (!boundTo(made, wanted.events)) {
			const left = await transportLifecycle.remove
				.call(this, { id: uid } as WebhookRegistration)
				.then(
					() => undefined,
					(error: unknown) => error,
				);
			throw eventsNotBound(this.getNode(), 'the transport it made shows no actions', uid, left);
		}
		return uid;
	},

	async remove(this: IHookFunctions, registration: WebhookRegistration): Promise<void> {
		// A transport that is gone already (404) is fine: the core treats a repeated DELETE so too.
		const path = flowPath`/httptransports/${registration.id}`;
		if (!(await findRecord(this, path))) return;
		// DELETE on a transport is not documented: a tenant without it says so, naming the transport.
		await flowUndocumented(
			this,
			`deleting an HTTP transport (remove transport ${registration.id} in Flow Retail Backoffice)`,
			undefined,
			async () => await isThere(this, path),
			async () => await flowApiRequest(this, 'DELETE', path),
		);
	},
};
