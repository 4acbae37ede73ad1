import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readSimplify, simplifyField } from '../../../shared/parameters';
import {
	additionalFieldsProperty,
	nameProperties,
	readCreateBody,
} from '../../helpers/customerFields';
import { findCustomersBy } from '../../helpers/customerMatch';
import { createRecord, customerPath } from '../../helpers/records';
import { simplifyCustomer } from '../../helpers/simplify';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	...nameProperties(),
	additionalFieldsProperty(true),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = readCreateBody(this, itemIndex);
	const number = typeof body.number === 'string' ? body.number : undefined;
	const customer = await createRecord(this, {
		path: xentralPath`/api/v2/customers`,
		body,
		itemIndex,
		viewPath: customerPath,
		what: 'the customer',
		// The customer number is the natural key; without one Xentral picks it, and a lost answer
		// leaves the outcome unknown.
		find: number
			? async () => (await findCustomersBy(this, 'number', number, itemIndex))[0]
			: undefined,
		check: 'Search Xentral for the customer (by name or e-mail) before running this item again.',
	});
	return [readSimplify(this, itemIndex) ? simplifyCustomer(customer) : customer];
}
