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
	displayOptions: { show: { resource: ['priceList'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a price list',
			action: 'Create a price list',
		},
		{ name: 'Get', value: 'get', description: 'Retrieve a price list', action: 'Get a price list' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List price lists',
			action: 'Get many price lists',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change a price list',
			action: 'Update a price list',
		},
	],
	default: 'getAll',
};

const operations = { create, get, getAll, update };

export const priceList = resourceModule(operationField, operations);
