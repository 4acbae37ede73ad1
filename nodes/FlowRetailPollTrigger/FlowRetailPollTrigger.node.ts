import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { FLOW_CHANGE_FIELDS } from '../FlowRetail/helpers/simplify';
import { flowNotice } from '../FlowRetail/helpers/undocumented';
import { requestTimeoutProperty } from '../shared/connection';
import { changeFieldsOption } from '../shared/changeFilter';
import { customerEventField, simplifyOptions } from '../shared/parameters';
import { pollCustomers } from './customerPoll';

/** Polls Flow Retail for new or changed customers: for tenants where webhooks are not allowed. */
export class FlowRetailPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Flow Retail Poll Trigger',
		name: 'flowRetailPollTrigger',
		icon: { light: 'file:flowRetail.svg', dark: 'file:flowRetail.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["event"] === "updatedCustomer" ? "Updated Customer" : "New Customer" }}',
		description:
			'Starts the workflow when a customer is created or changed in Flow Retail, by polling (no webhook rights needed)',
		defaults: { name: 'Flow Retail Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'flowRetailApi', required: true }],
		properties: [
			flowNotice(
				'the sort order the poll reads by (sortBy=createdAt or lastModifiedAt; the documents name sortBy but not its values)',
				'Each poll checks the order it gets; a tenant that sorts otherwise stops the poll with an error that says so, rather than missing changes.',
			),
			customerEventField([
				{
					name: 'New Customer',
					value: 'newCustomer',
					description: 'A customer was created (by createdAt)',
				},
				{
					name: 'Updated Customer',
					value: 'updatedCustomer',
					description:
						'A customer was changed after it was created (by lastModifiedAt); each change fires once',
				},
			]),
			simplifyOptions(
				"Whether to return the package's common customer shape instead of Flow Retail's full record",
				[
					changeFieldsOption(FLOW_CHANGE_FIELDS, 'customer', {
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
