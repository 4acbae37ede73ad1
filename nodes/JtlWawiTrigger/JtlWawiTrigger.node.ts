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
import { undocumentedNotice } from '../JtlWawi/helpers/undocumented';
import { JTL_CHANGE_FIELDS, pollCustomers } from './customerPoll';

export class JtlWawiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JTL-Wawi Trigger',
		name: 'jtlWawiTrigger',
		icon: { light: 'file:jtlWawi.svg', dark: 'file:jtlWawi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["event"] === "updatedCustomer" ? "Updated Customer" : "New Customer" }}',
		// n8n's node picker shows this description on the JTL-Wawi node too (it merges a trigger into
		// the node whose name it has without "Trigger"), so it speaks for both.
		description:
			'Work with JTL-Wawi customers, addresses, contacts and customer prices, and start workflows when a customer is created or changed',
		defaults: { name: 'JTL-Wawi Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jtlWawiOAuth2Api', required: true }],
		properties: [
			undocumentedNotice('v2ListTrigger'),
			customerEventField([
				{
					name: 'New Customer',
					value: 'newCustomer',
					description: 'A customer was created (by its creation date)',
				},
				{
					name: 'Updated Customer',
					value: 'updatedCustomer',
					description:
						'A customer was changed after it was created (by its last-changed date); each change fires once',
				},
			]),
			simplifyOptions(
				'Whether to return a compact customer (IDs, dates, name, company, e-mail, phone and address of the default billing address) instead of the full JTL record',
				[
					changeFieldsOption(JTL_CHANGE_FIELDS, 'customer', {
						show: { '/event': ['updatedCustomer'] },
					}),
				],
			),
			requestTimeoutProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCustomers.call(this);
	}
}
