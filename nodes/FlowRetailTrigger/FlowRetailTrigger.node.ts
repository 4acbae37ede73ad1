import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { findRecord } from '../FlowRetail/helpers/records';
import { FLOW_CHANGE_FIELDS, simplifyCustomer } from '../FlowRetail/helpers/simplify';
import { FLOW_UID_PATTERN, flowPath, flowTimeZone } from '../FlowRetail/transport';
import { changeFieldsOption } from '../shared/changeFilter';
import { requestTimeoutProperty } from '../shared/connection';
import { optionsCollection } from '../shared/parameters';
import {
	deliveryHeader,
	postWebhook,
	rawDeliveryBody,
	sameSecret,
	storedRegistration,
	webhookHooks,
} from '../shared/webhooks';
import {
	acknowledgeRepeat,
	acknowledgeUnchanged,
	deliveryKey,
	recallDelivery,
	refuseDelivery,
	recallChange,
	startAcceptedDelivery,
} from '../shared/webhookDeliveries';
import { FLOW_EVENTS, transportLifecycle, transportNotice } from './webhookRegistration';

const CUSTOMER_READ_EVENTS = new Set(['CUSTOMER_CREATE', 'CUSTOMER_UPDATE']);
const PRICE_READ_EVENTS = new Set(['PRICE_CREATE', 'PRICE_UPDATE']);

/** A record's version: when it was last changed; `gone` for a record that no longer exists. */
const versionOf = (record: IDataObject | undefined) =>
	record ? String(record.lastModifiedAt ?? record.createdAt ?? '') : 'gone';

export class FlowRetailTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Flow Retail Trigger',
		name: 'flowRetailTrigger',
		icon: { light: 'file:flowRetail.svg', dark: 'file:flowRetail.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		// n8n's node picker shows this description on the Flow Retail node too (it merges a trigger
		// into the node whose name it has without "Trigger"), so it speaks for both.
		description:
			'Work with Flow Retail customers, contacts, addresses, groups and price lists, and start workflows when a customer or price changes',
		defaults: { name: 'Flow Retail Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'flowRetailApi', required: true }],
		webhooks: [postWebhook],
		properties: [
			{
				displayName:
					'Flow Retail does not send a delivery again once n8n has refused it, and n8n refuses webhooks while it starts up. For a sync that must not miss a change made during a restart, add a Flow Retail Poll Trigger as well.',
				name: 'restartNotice',
				type: 'notice',
				default: '',
			},
			transportNotice,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['CUSTOMER_CREATE', 'CUSTOMER_UPDATE'],
				options: [...FLOW_EVENTS],
				description:
					'The events to receive. On activation the trigger registers an HTTP transport in Flow Retail (needs Tenant.Admin) and removes it on deactivation.',
			},
			optionsCollection([
				{
					displayName: 'Fetch Full Customer',
					name: 'fetchCustomer',
					type: 'boolean',
					default: true,
					description:
						'Whether to add the customer to a created or updated customer event: the webhook itself carries only IDs. The trigger reads the customer in any case, to tell a new change from a delivery sent again.',
				},
				changeFieldsOption(FLOW_CHANGE_FIELDS, 'customer', {
					show: { '/events': ['CUSTOMER_UPDATE'] },
				}),
				{
					displayName: 'Simplify',
					name: 'simplify',
					type: 'boolean',
					default: true,
					description:
						"Whether to return the fetched customer in the package's common customer shape instead of Flow Retail's full record",
				},
			]),
			requestTimeoutProperty,
		],
	};

	webhookMethods = {
		default: webhookHooks(transportLifecycle) as {
			checkExists(this: IHookFunctions): Promise<boolean>;
			create(this: IHookFunctions): Promise<boolean>;
			delete(this: IHookFunctions): Promise<boolean>;
		},
	};

	/**
	 * A delivery: refused (401, nothing emitted) unless it carries the registration's secret as its
	 * bearer token; an event not chosen is acknowledged and dropped; a delivery accepted within the
	 * last day with the same body about the same version of its record is acknowledged (200) and
	 * runs nothing. The thin payload is emitted as `{action, customerUid | priceUid, ...}`, with
	 * the customer read when asked for.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const registration = storedRegistration(this);
		const auth = deliveryHeader(this, 'authorization') ?? '';
		const token = /^Bearer\s+(.+)$/i.exec(auth.trim())?.[1];
		if (!registration || !sameSecret(token, registration.secret)) {
			return refuseDelivery(this, 401, 'Missing or wrong token');
		}
		const body = this.getBodyData() as IDataObject;
		const action = typeof body.action === 'string' ? body.action : '';
		const wanted = this.getNodeParameter('events', []) as string[];
		if (!wanted.includes(action)) return { noWebhookResponse: false, workflowData: undefined };

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const entity = (name: string) => (body[name] ?? {}) as IDataObject;
		const out: IDataObject = { action, tenantUid: entity('tenant').Uid ?? null };
		if (body.customer !== undefined) out.customerUid = entity('customer').Uid ?? null;
		if (body.price !== undefined) out.priceUid = entity('price').Uid ?? null;
		if (body.pricelist !== undefined) out.pricelistUid = entity('pricelist').Uid ?? null;

		const uid = typeof out.customerUid === 'string' ? out.customerUid : '';
		// The payload carries only IDs, the same for every change of a record: the version of the
		// record it announces (its lastModifiedAt, read now) tells a new change from a delivery
		// sent again. A record gone since has no version.
		let version = '';
		let common: IDataObject | undefined;
		if (CUSTOMER_READ_EVENTS.has(action) && FLOW_UID_PATTERN.test(uid)) {
			const customer = await findRecord(this, flowPath`/customers/${uid}`);
			version = versionOf(customer);
			common = customer ? simplifyCustomer(customer, await flowTimeZone(this)) : undefined;
			// Deleted again before it could be read: the IDs are still the event.
			if (options.fetchCustomer !== false)
				out.customer = customer ? (options.simplify === false ? customer : common) : null;
		}
		const priceUid = typeof out.priceUid === 'string' ? out.priceUid : '';
		const listUid = typeof out.pricelistUid === 'string' ? out.pricelistUid : '';
		if (PRICE_READ_EVENTS.has(action) && FLOW_UID_PATTERN.test(priceUid)) {
			version = FLOW_UID_PATTERN.test(listUid)
				? versionOf(await findRecord(this, flowPath`/pricelists/${listUid}/prices/${priceUid}`))
				: '';
		}
		const raw = rawDeliveryBody(this) ?? Buffer.from(JSON.stringify(body), 'utf8');
		const key = deliveryKey(raw, version);
		if (recallDelivery(this, key) !== 'new') return acknowledgeRepeat();
		// Only When These Fields Change: customer events (prices have no common shape to compare).
		const change = recallChange(this, FLOW_CHANGE_FIELDS, {
			record: `customer:${uid}`,
			isNew: action === 'CUSTOMER_CREATE',
			common,
		});
		if (!change.emit) return acknowledgeUnchanged();
		return startAcceptedDelivery(
			this,
			this.helpers.returnJsonArray([out]),
			key,
			undefined,
			undefined,
			change.mark,
		);
	}
}
