import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/parameters';
import { FLOW_UID_REGEX } from '../transport';

const UID_ERROR = 'A Flow Retail UID holds only letters, digits, - and _';

export function customerLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return recordLocator(
		{
			displayName: 'Customer',
			name: 'customerUid',
			searchListMethod: 'searchCustomers',
			record: 'customer',
			idPlaceholder: 'e.g. cust-0001',
			idRegex: FLOW_UID_REGEX,
			idError: UID_ERROR,
		},
		overrides,
	);
}

export function customerGroupLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return recordLocator(
		{
			displayName: 'Customer Group',
			name: 'customerGroupUid',
			searchListMethod: 'searchCustomerGroups',
			record: 'customer group',
			idPlaceholder: 'e.g. group-1',
			idRegex: FLOW_UID_REGEX,
			idError: UID_ERROR,
		},
		overrides,
	);
}

export function priceListLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return recordLocator(
		{
			displayName: 'Price List',
			name: 'pricelistUid',
			searchListMethod: 'searchPriceLists',
			record: 'price list',
			idPlaceholder: 'e.g. pricelist-1',
			idRegex: FLOW_UID_REGEX,
			idError: UID_ERROR,
		},
		overrides,
	);
}

/** The store dropdown (stores are few: a list, not a search). */
export function storeField(description: string): INodeProperties {
	return {
		displayName: 'Store Name or ID',
		name: 'storeUid',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStores' },
		default: '',
		required: true,
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}
