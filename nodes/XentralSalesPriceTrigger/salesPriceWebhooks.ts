import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ChangeFields } from '../shared/changeFilter';
import { httpStatusOf } from '../shared/errors';
import type { WebhookLifecycle, WebhookRegistration } from '../shared/webhooks';
import { deliveryHeader, rawDeliveryBody } from '../shared/webhooks';
import {
	acknowledgeRepeat,
	acknowledgeUnchanged,
	deliveryKey,
	recallDelivery,
	refuseDelivery,
	recallChange,
	startAcceptedDelivery,
} from '../shared/webhookDeliveries';
import { simplifySalesPrice } from '../Xentral/helpers/simplify';
import {
	dataOf,
	idFromLocation,
	xentralConnection,
	xentralApiRequest,
	xentralPath,
} from '../Xentral/transport';
import { SIGNATURE_HEADER, signatureKeyFor, validXentralSignature } from './signature';

export const SALES_PRICE_EVENTS = ['created', 'updated', 'deleted'] as const;
export type SalesPriceEvent = (typeof SALES_PRICE_EVENTS)[number];

/** The fields of the compact sales price "Only When These Fields Change" offers. */
export const SALES_PRICE_CHANGE_FIELDS: ChangeFields = {
	productId: 'Product',
	customerId: 'Customer',
	customerGroupId: 'Customer Group',
	fromQuantity: 'From Quantity',
	price: 'Price',
	currency: 'Currency',
	validFrom: 'Valid From',
	validTo: 'Valid To',
};

/** `created` → `com.xentral.salesPrice.created.v1` [assumption: by analogy with salesOrder]. */
export const eventTypeOf = (event: string) => `com.xentral.salesPrice.${event}.v1`;

function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as unknown;
	if (!Array.isArray(events) || events.length === 0)
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event under Events');
	return events.map((e) => eventTypeOf(String(e)));
}

const is404 = (error: unknown) => httpStatusOf(error) === 404;

/** Registration at `/api/v1/webhooks`, checked against the instance's event types. */
/** The credential's token, which the signature key is derived from. */
async function tokenOf(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	return (await xentralConnection(ctx)).token;
}

export const lifecycle: WebhookLifecycle = {
	events(this: IHookFunctions) {
		return chosenEvents(this);
	},

	async secret(this: IHookFunctions, wanted) {
		return signatureKeyFor(await tokenOf(this), wanted.url);
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
 * Removes every webhook of the instance registered for this trigger's URL
 * (`GET /api/v1/webhooks` is not paginated). Where the workflow's static data lacks the
 * registration (n8n 2.41 keeps none for a workflow whose ID is longer than 21 characters), the
 * URL still finds it, and a re-activation never leaves a second registration behind.
 */
export async function removeWebhooksOfUrl(this: IHookFunctions): Promise<void> {
	const url = this.getNodeWebhookUrl('default');
	if (!url) return;
	const response = await xentralApiRequest(this, 'GET', xentralPath`/api/v1/webhooks`);
	const hooks = ((response.body as IDataObject | undefined)?.data ?? []) as IDataObject[];
	for (const hook of Array.isArray(hooks) ? hooks : []) {
		if (hook?.url !== url || !/^\d{1,18}$/.test(String(hook.id))) continue;
		await lifecycle.remove.call(this, { id: String(hook.id), secret: '', url, events: [] });
	}
}

/**
 * Whether a delivery seen before, with a different one about the same sales price since, states
 * what Xentral holds now: then it announces a change back to an earlier state and runs; otherwise
 * it is an old delivery sent again and must not bring the old state back.
 */
async function stillTrue(
	ctx: IWebhookFunctions,
	type: string,
	body: IDataObject,
): Promise<boolean> {
	if (/\.deleted\.v\d+$/.test(type) || !/^\d{1,18}$/.test(String(body.id))) return false;
	let failure: unknown;
	try {
		const response = await xentralApiRequest(
			ctx,
			'GET',
			xentralPath`/api/v1/salesPrices/${String(body.id)}`,
		);
		const current = dataOf(ctx, response.body, 'the sales price');
		return JSON.stringify(simplifySalesPrice(current)) === JSON.stringify(simplifySalesPrice(body));
	} catch (error) {
		failure = error;
	}
	// Deleted since: the delivery is not true any more.
	if (is404(failure)) return false;
	throw failure;
}

/**
 * A delivery: refused (401) unless its signature is the HMAC of its raw body under this webhook's
 * signature key (derived again from the credential and the URL); an event that was not chosen is
 * answered and dropped; a delivery accepted before within a day (the same signed body) is
 * answered 200 and runs nothing, unless it announces a change back to what Xentral holds now.
 */
export async function receiveSalesPriceEvent(
	this: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	const raw = rawDeliveryBody(this);
	const url = this.getNodeWebhookUrl('default');
	const token = await tokenOf(this);
	if (!raw || !url || !token)
		return refuseDelivery(this, 401, 'No webhook registration is active for this trigger');
	const key = signatureKeyFor(token, url);
	if (!validXentralSignature(raw, deliveryHeader(this, SIGNATURE_HEADER), key))
		return refuseDelivery(this, 401, 'The delivery does not carry a valid signature');
	let delivery: IDataObject;
	try {
		delivery = JSON.parse(raw.toString('utf8')) as IDataObject;
	} catch {
		return refuseDelivery(this, 400, 'The delivery body is not JSON');
	}
	const type = String(delivery?.type ?? '');
	if (!chosenEvents(this).includes(type)) return {};
	const body = (delivery.body ?? {}) as IDataObject;
	// Xentral's delivery carries no ID, time or nonce: its signed body is its identity.
	const deliveryId = deliveryKey(raw);
	const record = `salesPrice:${String(body.id ?? '')}`;
	const known = recallDelivery(this, deliveryId, record);
	if (known === 'seen') return acknowledgeRepeat();
	if (known === 'superseded' && !(await stillTrue(this, type, body))) return acknowledgeRepeat();
	const event = type.replace(/^com\.xentral\.salesPrice\.([a-zA-Z]+)\.v\d+$/, '$1');
	// Only When These Fields Change: a deletion carries no price to compare and always runs.
	const change = recallChange(this, SALES_PRICE_CHANGE_FIELDS, {
		record,
		isNew: event === 'created',
		common: event === 'deleted' ? undefined : simplifySalesPrice(body),
	});
	if (!change.emit) return acknowledgeUnchanged();
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const json: IDataObject =
		options.simplify === false
			? delivery
			: { event, ...simplifySalesPrice(body), id: body.id === undefined ? null : String(body.id) };
	return startAcceptedDelivery(
		this,
		this.helpers.returnJsonArray([json]),
		deliveryId,
		record,
		undefined,
		change.mark,
	);
}
