import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/parameters';
import { INT_ID_REGEX, UUID_REGEX } from '../../shared/validation';

/** What every customer field tells the user under the field (at most 120 characters). */
export const CUSTOMER_ID_HINT =
	'Takes either JTL-Wawi ID: the whole number (REST v1) or the UUID (REST v2)';

/** The customer field's tooltip: the rest of what the hint cannot hold. */
export const CUSTOMER_ID_DESCRIPTION =
	'The customer, by either JTL-Wawi ID: the whole number (REST v1) or the UUID (REST v2). The node finds the other ID through the customer number when the operation needs it.';

/**
 * A customer record locator. JTL has two ID spaces (REST v1 whole numbers, REST v2 UUIDs); every
 * customer field accepts both, and the node resolves one into the other through the customer
 * number when the operation's API needs the other one. `api` only picks the list that "From List"
 * searches, so that a picked customer needs no resolution: the v1 keyword search, or the v2 list.
 */
export function customerLocator(
	api: 'v1' | 'v2' | 'any',
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return recordLocator(
		{
			displayName: 'Customer',
			name: 'customerId',
			searchListMethod: api === 'v2' ? 'searchCustomersV2' : 'searchCustomers',
			record: 'customer',
			idPlaceholder: '1234 or b45f6432-2462-4c6f-b00f-1d9d01000000',
			idRegex: `(${INT_ID_REGEX.slice(1, -1)})|(${UUID_REGEX.slice(1, -1)})`,
			idError: 'The customer ID must be a positive whole number or a UUID',
		},
		{ hint: CUSTOMER_ID_HINT, description: CUSTOMER_ID_DESCRIPTION, ...overrides },
	);
}
