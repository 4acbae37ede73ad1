import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import { resourceModule } from '../../../shared/router';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customerGroup'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a customer group',
			action: 'Create a customer group',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Retrieve a customer group',
			action: 'Get a customer group',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List customer groups',
			action: 'Get many customer groups',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change a customer group',
			action: 'Update a customer group',
		},
	],
	default: 'getAll',
};

const operations = { create, get, getAll, update };

export const customerGroup = resourceModule(operationField, operations);
