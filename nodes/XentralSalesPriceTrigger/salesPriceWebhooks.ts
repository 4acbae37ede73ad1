import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readHttpFailure } from '../shared/errors';
import type { WebhookLifecycle, WebhookRegistration } from '../shared/webhooks';
import {
	deliveryHeader,
	rawDeliveryBody,
	refuseDelivery,
	storedRegistration,
} from '../shared/webhooks';
import { simplifySalesPrice } from '../Xentral/helpers/simplify';
import { dataOf, idFromLocation, xentralApiRequest, xentralPath } from '../Xentral/transport';
import { SIGNATURE_HEADER, validXentralSignature } from './signature';

export const SALES_PRICE_EVENTS = ['created', 'updated', 'deleted'] as const;
export type SalesPriceEvent = (typeof SALES_PRICE_EVENTS)[number];

/** `created` → `com.xentral.salesPrice.created.v1` [assumption: by analogy with salesOrder]. */
export const eventTypeOf = (event: string) => `com.xentral.salesPrice.${event}.v1`;

function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as unknown;
	if (!Array.isArray(events) || events.length === 0)
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event under Events');
	return events.map((e) => eventTypeOf(String(e)));
}

const is404 = (error: unknown) =>
	readHttpFailure(error).status === 404 || (error as { httpCode?: string }).httpCode === '404';

/** Registration at `/api/v1/webhooks`, checked against the instance's event types. */
export const lifecycle: WebhookLifecycle = {
	events(this: IHookFunctions) {
		return chosenEvents(this);
	},

	async exists(this: IHookFunctions, registration: WebhookRegistration) {
		let failure: unknown;
		try {
			const response = await xentralApiRequest(
				this,
				'GET',
				xentralPath`/api/v1/webhooks/${registration.id}`,
			);
			const hook = dataOf(this, response.body, 'the webhook');
			const events = ((hook.events ?? []) as IDataObject[]).map((e) => String(e.id)).sort();
			return hook.url === registration.url && events.join() === registration.events.join();
		} catch (error) {
			failure = error;
		}
		if (is404(failure)) return false;
		throw failure;
	},

	async register(this: IHookFunctions, wanted) {
		const types = await xentralApiRequest(this, 'GET', xentralPath`/api/v1/webhookEventTypes`, {
			qs: { xentralVersion: 'latest' },
		});
		const offered = new Set(
			(((types.body as IDataObject)?.data ?? []) as IDataObject[]).map((t) => String(t.id)),
		);
		const missing = wanted.events.filter((e) => !offered.has(e));
		if (missing.length) {
			const message = `This Xentral instance offers no webhook event ${missing.join(', ')}`;
			throw new NodeApiError(this.getNode(), { message } as JsonObject, {
				message,
				description:
					'Webhooks may need to be enabled for the instance (they need admin rights). GET /api/v1/webhookEventTypes lists the events it offers.',
			});
		}
		const name = `n8n ${this.getWorkflow().name ?? ''}`.trim().slice(0, 100);
		const response = await xentralApiRequest(this, 'POST', xentralPath`/api/v1/webhooks`, {
			body: {
				name,
				url: wanted.url,
				signatureKey: wanted.secret,
				events: wanted.events.map((id) => ({ id })),
			},
		});
		return idFromLocation(this, response.headers, 0);
	},

	async remove(this: IHookFunctions, registration: WebhookRegistration) {
		let failure: unknown;
		try {
			await xentralApiRequest(this, 'DELETE', xentralPath`/api/v1/webhooks/${registration.id}`);
			return;
		} catch (error) {
			failure = error;
		}
		if (!is404(failure)) throw failure;
	},
};

/**
 * A delivery: refused (401) unless its signature is the HMAC of its raw body under this
 * registration's key; an event that was not chosen is answered and dropped.
 */
export async function receiveSalesPriceEvent(
	this: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	const registration = storedRegistration(this);
	const raw = rawDeliveryBody(this);
	if (!registration || !raw)
		return refuseDelivery(this, 401, 'No webhook registration is active for this trigger');
	if (!validXentralSignature(raw, deliveryHeader(this, SIGNATURE_HEADER), registration.secret))
		return refuseDelivery(this, 401, 'The delivery does not carry a valid signature');
	let delivery: IDataObject;
	try {
		delivery = JSON.parse(raw.toString('utf8')) as IDataObject;
	} catch {
		return refuseDelivery(this, 400, 'The delivery body is not JSON');
	}
	const type = String(delivery?.type ?? '');
	if (!registration.events.includes(type)) return {};
	const body = (delivery.body ?? {}) as IDataObject;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const event = type.replace(/^com\.xentral\.salesPrice\.([a-zA-Z]+)\.v\d+$/, '$1');
	const json: IDataObject =
		options.simplify === false
			? delivery
			: { event, ...simplifySalesPrice(body), id: body.id === undefined ? null : String(body.id) };
	return { workflowData: [this.helpers.returnJsonArray([json])] };
}
