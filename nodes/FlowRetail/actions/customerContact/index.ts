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
	displayOptions: { show: { resource: ['customerContact'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Add a contact to a customer',
			action: 'Create a contact',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Remove a contact from a customer',
			action: 'Delete a contact',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Retrieve a contact of a customer',
			action: 'Get a contact',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the contacts of a customer',
			action: 'Get many contacts',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change fields of a contact',
			action: 'Update a contact',
		},
	],
	default: 'getAll',
};

const operations = { create, delete: del, get, getAll, update };

export const customerContact = resourceModule(operationField, operations);
