import type { INodeProperties } from 'n8n-workflow';

import { resourceModule } from '../../../shared/router';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['salesPrice'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a customer or customer-group price',
			action: 'Create a sales price',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a sales price',
			action: 'Delete a sales price',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Retrieve a sales price',
			action: 'Get a sales price',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List sales prices',
			action: 'Get many sales prices',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change a sales price',
			action: 'Update a sales price',
		},
	],
	default: 'getAll',
};

const operations = { create, delete: del, get, getAll, update };

export const salesPrice = resourceModule(operationField, operations);
