import type { INodeProperties } from 'n8n-workflow';

import * as addExtension from './addExtension.operation';
import * as batch from './batch.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportData from './export.operation';
import * as externalSearch from './externalSearch.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getForStore from './getForStore.operation';
import * as removeExtension from './removeExtension.operation';
import * as search from './search.operation';
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
			name: 'Add Extension',
			value: 'addExtension',
			description: 'Enable a customer extension such as Two invoicing for a store',
			action: 'Add an extension to a customer',
		},
		{
			name: 'Batch',
			value: 'batch',
			description: 'Create, update, upsert or delete many customers in batch requests',
			action: 'Batch customers',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Create a customer',
			action: 'Create a customer',
		},
		{
			name: 'Create or Update',
			value: 'upsert',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			action: 'Create or update a customer by external ID',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a customer',
			action: 'Delete a customer',
		},
		{
			name: 'Export',
			value: 'export',
			description: 'Export all data held about a customer (GDPR), as JSON',
			action: 'Export all data of a customer',
		},
		{
			name: 'External Search',
			value: 'externalSearch',
			description: 'Search the external CRM connected to Flow Retail',
			action: 'Search customers in the external CRM',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Retrieve a customer',
			action: 'Get a customer',
		},
		{
			name: 'Get for Store',
			value: 'getForStore',
			description: 'Retrieve a customer as one store sees it',
			action: 'Get a customer for a store',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List customers',
			action: 'Get many customers',
		},
		{
			name: 'Remove Extension',
			value: 'removeExtension',
			description: 'Disable a customer extension for a store',
			action: 'Remove an extension from a customer',
		},
		{
			name: 'Search',
			value: 'search',
			description: 'Search customers by text, mobile, email, VAT number, store or creation date',
			action: 'Search customers',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change fields of a customer',
			action: 'Update a customer',
		},
	],
	default: 'getAll',
};

const operations = {
	addExtension,
	batch,
	create,
	delete: del,
	export: exportData,
	externalSearch,
	get,
	getAll,
	getForStore,
	removeExtension,
	search,
	update,
	upsert,
};

export const customer = resourceModule(operationField, operations);
