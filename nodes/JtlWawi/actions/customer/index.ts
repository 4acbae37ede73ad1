import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';
import { resourceModule } from '../../../shared/router';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customer'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a customer with its billing address',
			action: 'Create a customer',
		},
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update a customer',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a customer',
			action: 'Delete a customer',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a customer by ID',
			action: 'Get a customer',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List customers, filtered, sorted and paged',
			action: 'Get many customers',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change fields, payment settings or addresses of a customer',
			action: 'Update a customer',
		},
	],
	default: 'get',
};

const operations = { create, upsert, delete: del, get, getAll, update };

export const customer = resourceModule(operationField, operations);
