import type { INodeProperties } from 'n8n-workflow';

import { INT_ID_REGEX, UUID_REGEX } from '../../shared/validation';

/**
 * A customer record locator. JTL has two ID spaces: REST v1 uses whole numbers, REST v2 UUIDs, and
 * they cannot be converted into each other, so each operation states which one it takes.
 */
export function customerLocator(
	surface: 'v1' | 'v2' | 'any',
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const v1 = surface === 'v1';
	if (surface === 'any') return anyCustomerLocator(overrides);
	return {
		displayName: 'Customer',
		name: 'customerId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: v1
			? 'The customer, by its numeric JTL-Wawi ID (REST v1)'
			: 'The customer, by its JTL-Wawi UUID (REST v2)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a customer...',
				typeOptions: {
					searchListMethod: v1 ? 'searchCustomers' : 'searchCustomersV2',
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: v1 ? '1234' : 'b45f6432-2462-4c6f-b00f-1d9d01000000',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: v1 ? INT_ID_REGEX : UUID_REGEX,
							errorMessage: v1
								? 'The customer ID must be a positive whole number'
								: 'The customer ID must be a UUID',
						},
					},
				],
			},
		],
		...overrides,
	};
}

/**
 * A customer locator that takes either ID space: a whole number is sent to the v1 endpoint, a UUID
 * to the v2 endpoint.
 */
function anyCustomerLocator(overrides: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: 'Customer',
		name: 'customerId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The customer: a numeric JTL-Wawi ID (REST v1) or a UUID (REST v2); the ID decides which API is used',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a customer...',
				typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1234 or b45f6432-2462-4c6f-b00f-1d9d01000000',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `(${INT_ID_REGEX.slice(1, -1)})|(${UUID_REGEX.slice(1, -1)})`,
							errorMessage: 'The customer ID must be a positive whole number or a UUID',
						},
					},
				],
			},
		],
		...overrides,
	};
}
