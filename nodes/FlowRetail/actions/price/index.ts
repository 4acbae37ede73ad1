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
	displayOptions: { show: { resource: ['price'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Create a price', action: 'Create a price' },
		{ name: 'Get', value: 'get', description: 'Retrieve a price', action: 'Get a price' },
		{ name: 'Get Many', value: 'getAll', description: 'List prices', action: 'Get many prices' },
		{ name: 'Update', value: 'update', description: 'Change a price', action: 'Update a price' },
	],
	default: 'getAll',
};

const operations = { create, get, getAll, update };

export const price = resourceModule(operationField, operations);
