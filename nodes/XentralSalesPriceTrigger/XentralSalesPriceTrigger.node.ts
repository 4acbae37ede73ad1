import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { changeFieldsOption } from '../shared/changeFilter';
import { simplifyOptions } from '../shared/parameters';
import { postWebhook, webhookHooks } from '../shared/webhooks';
import {
	SALES_PRICE_CHANGE_FIELDS,
	lifecycle,
	receiveSalesPriceEvent,
	removeWebhooksOfUrl,
} from './salesPriceWebhooks';

const hooks = webhookHooks(lifecycle);

export class XentralSalesPriceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xentral Sales Price Trigger',
		name: 'xentralSalesPriceTrigger',
		icon: { light: 'file:xentral.svg', dark: 'file:xentral.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Sales price " + $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow when a sales price is created, updated or deleted in Xentral ERP (webhook)',
		defaults: { name: 'Xentral Sales Price Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xentralApi', required: true }],
		webhooks: [postWebhook],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['created', 'updated', 'deleted'],
				options: [
					{ name: 'Created', value: 'created', description: 'A sales price was created' },
					{ name: 'Deleted', value: 'deleted', description: 'A sales price was deleted' },
					{ name: 'Updated', value: 'updated', description: 'A sales price was changed' },
				],
			},
			simplifyOptions(
				"Whether to return a compact sales price with the event's name instead of Xentral's delivery as sent",
				[
					changeFieldsOption(SALES_PRICE_CHANGE_FIELDS, 'sales price', {
						show: { '/events': ['updated'] },
					}),
				],
			),
		],
	};

	webhookMethods = {
		default: {
			checkExists: async function (this: IHookFunctions) {
				return await hooks.checkExists.call(this);
			},
			create: async function (this: IHookFunctions) {
				await removeWebhooksOfUrl.call(this);
				return await hooks.create.call(this);
			},
			delete: async function (this: IHookFunctions) {
				await hooks.delete.call(this);
				await removeWebhooksOfUrl.call(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveSalesPriceEvent.call(this);
	}
}
