import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestTimeoutProperty } from '../shared/connection';
import { address } from './actions/address';
import { contactPerson } from './actions/contactPerson';
import { customer } from './actions/customer';
import { router } from './actions/router';
import { salesPrice } from './actions/salesPrice';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class Xentral implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xentral',
		name: 'xentral',
		icon: { light: 'file:xentral.svg', dark: 'file:xentral.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage customers, addresses, contact persons and sales prices in Xentral ERP',
		defaults: { name: 'Xentral' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'xentralApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Address', value: 'address' },
					{ name: 'Contact Person', value: 'contactPerson' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Sales Price', value: 'salesPrice' },
				],
				default: 'customer',
			},
			...customer.description,
			...address.description,
			...contactPerson.description,
			...salesPrice.description,
			requestTimeoutProperty,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, { continueOnFail: this.continueOnFail() });
	}
}
