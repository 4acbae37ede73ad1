import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import { resourceModule } from '../../../shared/router';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customerAddress'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Add an address to a customer',
			action: 'Create an address',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Remove an address from a customer',
			action: 'Delete an address',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Retrieve an address of a customer',
			action: 'Get an address',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the addresses of a customer',
			action: 'Get many addresses',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change fields of an address',
			action: 'Update an address',
		},
	],
	default: 'getAll',
};

const operations = { create, delete: del, get, getAll, update };

export const customerAddress = resourceModule(operationField, operations);
