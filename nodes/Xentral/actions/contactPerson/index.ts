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
	displayOptions: { show: { resource: ['contactPerson'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Add a contact person to a customer',
			action: 'Create a contact person',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Remove a contact person',
			action: 'Delete a contact person',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Retrieve a contact person',
			action: 'Get a contact person',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the contact persons of a customer',
			action: 'Get many contact persons',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change fields of a contact person',
			action: 'Update a contact person',
		},
	],
	default: 'getAll',
};

const operations = { create, delete: del, get, getAll, update };

export const contactPerson = resourceModule(operationField, operations);
