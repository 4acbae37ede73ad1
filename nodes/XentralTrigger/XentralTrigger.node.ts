import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestTimeoutProperty } from '../shared/http';
import { pollNewCustomers } from './customerPoll';

export class XentralTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xentral Trigger',
		name: 'xentralTrigger',
		icon: { light: 'file:xentral.svg', dark: 'file:xentral.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New Customer',
		description: 'Starts the workflow when a customer is created in Xentral ERP',
		defaults: { name: 'Xentral Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xentralApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				default: 'newCustomer',
				options: [
					{
						name: 'New Customer',
						value: 'newCustomer',
						description:
							'A customer was created: each poll emits the customers with an ID above the highest one seen',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Simplify',
						name: 'simplify',
						type: 'boolean',
						default: true,
						description:
							"Whether to return the package's common customer shape instead of Xentral's full record",
					},
				],
			},
			requestTimeoutProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNewCustomers.call(this);
	}
}
