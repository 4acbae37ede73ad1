import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestTimeoutProperty } from '../shared/connection';
import { changeFieldsOption } from '../shared/changeFilter';
import { customerEventField, simplifyOptions } from '../shared/parameters';
import { XENTRAL_CHANGE_FIELDS, pollChangedCustomers } from './changedCustomerPoll';
import { pollNewCustomers } from './customerPoll';

export class XentralTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xentral Trigger',
		name: 'xentralTrigger',
		icon: { light: 'file:xentral.svg', dark: 'file:xentral.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["event"] === "newOrUpdatedCustomer" ? "New or Updated Customer" : "New Customer" }}',
		// n8n's node picker shows this description on the Xentral node too (it merges a trigger into
		// the node whose name it has without "Trigger"), so it speaks for both.
		description:
			'Work with Xentral customers, addresses, contact persons and sales prices, and start workflows when a customer is created or changed',
		defaults: { name: 'Xentral Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xentralApi', required: true }],
		properties: [
			customerEventField([
				{
					name: 'New Customer',
					value: 'newCustomer',
					description:
						'A customer was created: each poll emits the customers with an ID above the highest one seen',
				},
				{
					name: 'New or Updated Customer (V3 API)',
					value: 'newOrUpdatedCustomer',
					description:
						'A customer was created or changed, by its updatedAt; needs the beta v3 customer API (feature flag api-v3-customers)',
				},
			]),
			{
				displayName:
					"New Customer assumes that Xentral gives each new customer a higher ID than the last, which its documents do not say: a customer that got a lower ID would be missed. With Simplify, each new customer's master-data address is read (one request each) where the list carries none.",
				name: 'newCustomerNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['newCustomer'] } },
			},
			simplifyOptions(
				"Whether to return the package's common customer shape instead of Xentral's full record",
				[
					changeFieldsOption(XENTRAL_CHANGE_FIELDS, 'customer', {
						show: { '/event': ['newOrUpdatedCustomer'] },
					}),
				],
			),
			requestTimeoutProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as string;
		if (event === 'newOrUpdatedCustomer') return await pollChangedCustomers.call(this);
		return await pollNewCustomers.call(this);
	}
}
