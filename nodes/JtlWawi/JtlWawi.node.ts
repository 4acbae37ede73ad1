import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestTimeoutProperty } from '../shared/connection';
import { address } from './actions/address';
import { contact } from './actions/contact';
import { customer } from './actions/customer';
import { customerPrice } from './actions/customerPrice';
import { router } from './actions/router';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';
import { SESSION_ID_PARAMETER } from './transport';

export class JtlWawi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JTL-Wawi',
		name: 'jtlWawi',
		icon: { light: 'file:jtlWawi.svg', dark: 'file:jtlWawi.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Manage customers, addresses, contacts and customer prices in JTL-Wawi (JTL Cloud ERP API)',
		defaults: { name: 'JTL-Wawi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'jtlWawiOAuth2Api', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Address', value: 'address' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Customer Price', value: 'customerPrice' },
				],
				default: 'customer',
			},
			...customer.description,
			...address.description,
			...contact.description,
			...customerPrice.description,
			requestTimeoutProperty,
			{
				displayName: 'Session ID',
				name: SESSION_ID_PARAMETER,
				type: 'string',
				default: '',
				placeholder: 'b45f6432-2462-4c6f-b00f-1d9d01000000',
				description:
					'Optional. A UUID sent as the X-SessionId header with every request of the item, for example one UUID per workflow run from an expression. Leave empty to send none.',
			},
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, { continueOnFail: this.continueOnFail() });
	}
}
