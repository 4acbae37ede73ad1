import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import type { ResourceModule } from '../types';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contact'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the contact persons of a customer',
			action: 'Get many contacts',
		},
	],
	default: 'getAll',
};

export const contact: ResourceModule = {
	description: [operationField, ...getAll.description],
	operations: { getAll },
};
