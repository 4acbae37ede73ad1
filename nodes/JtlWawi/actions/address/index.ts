import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import { resourceModule } from '../../../shared/router';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['address'] } },
	options: [
		{
			name: 'Add',
			value: 'add',
			description: 'Add an address to a customer',
			action: 'Add an address',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the addresses of a customer, each with its type',
			action: 'Get many addresses',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change one address of a customer',
			action: 'Update an address',
		},
	],
	default: 'getAll',
};

const operations = { add, getAll, update };

export const address = resourceModule(operationField, operations);
