import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import type { ResourceModule } from '../types';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customerPrice'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the customer-specific prices of an item',
			action: 'Get many customer prices',
		},
	],
	default: 'getAll',
};

export const customerPrice: ResourceModule = {
	description: [operationField, ...getAll.description],
	operations: { getAll },
};
