import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import { resourceModule } from '../../../shared/router';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['customerPrice'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description: 'Add a customer-specific price (or price tier) to an item',
			action: 'Create a customer price',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Remove a customer-specific price of an item',
			action: 'Delete a customer price',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the customer-specific prices of an item',
			action: 'Get many customer prices',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change the net price or percent reduction of a customer-specific price',
			action: 'Update a customer price',
		},
	],
	default: 'getAll',
};

const operations = { create, delete: del, getAll, update };

export const customerPrice = resourceModule(operationField, operations);
