import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestTimeoutProperty } from '../shared/connection';
import { customer } from './actions/customer';
import { customerAddress } from './actions/customerAddress';
import { customerContact } from './actions/customerContact';
import { customerGroup } from './actions/customerGroup';
import { price } from './actions/price';
import { priceList } from './actions/priceList';
import { router } from './actions/router';
import { parallelItemsProperty, readParallelItems } from './helpers/parallel';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class FlowRetail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Flow Retail',
		name: 'flowRetail',
		icon: { light: 'file:flowRetail.svg', dark: 'file:flowRetail.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Manage customers, contacts, addresses, customer groups and price lists in Flow Retail (API v2)',
		defaults: { name: 'Flow Retail' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'flowRetailApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer', value: 'customer' },
					{ name: 'Customer Address', value: 'customerAddress' },
					{ name: 'Customer Contact', value: 'customerContact' },
					{ name: 'Customer Group', value: 'customerGroup' },
					{ name: 'Price', value: 'price', description: 'A price of a product in a price list' },
					{ name: 'Price List', value: 'priceList' },
				],
				default: 'customer',
			},
			...customer.description,
			...customerAddress.description,
			...customerContact.description,
			...customerGroup.description,
			...priceList.description,
			...price.description,
			parallelItemsProperty,
			requestTimeoutProperty,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, {
			continueOnFail: this.continueOnFail(),
			concurrency: readParallelItems(this),
		});
	}
}
