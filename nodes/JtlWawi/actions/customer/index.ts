import type { INodeProperties } from 'n8n-workflow';

import * as update from './update.operation';
import type { ResourceModule } from '../types';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customer'] } },
	options: [
		{
			name: 'Update',
			value: 'update',
			description: 'Change fields, payment settings or addresses of a customer',
			action: 'Update a customer',
		},
	],
	default: 'update',
};

export const customer: ResourceModule = {
	description: [operationField, ...update.description],
	operations: { update },
};
