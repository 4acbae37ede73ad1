import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import { readCreateBodies } from '../../helpers/customerBodies';
import { listProperties } from '../../helpers/customerLists';
import {
	additionalFieldsProperty,
	nameProperties,
	projectProperty,
} from '../../helpers/customerProperties';
import { createCustomer, createNotice } from '../../helpers/customerWrites';
import { findCustomersBy } from '../../helpers/customerMatch';
import { customerOutput } from '../../helpers/output';

const properties: INodeProperties[] = [
	createNotice,
	...nameProperties(),
	projectProperty(),
	additionalFieldsProperty(),
	...listProperties(),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { create: body } = readCreateBodies(this, itemIndex);
	const number = typeof body.number === 'string' ? body.number : undefined;
	const customer = await createCustomer(this, body, itemIndex, {
		// The customer number is the natural key; without one Xentral picks it, and a lost answer
		// leaves the outcome unknown.
		find: number
			? async () => (await findCustomersBy(this, 'number', number, itemIndex))[0]
			: undefined,
		check: 'Search Xentral for the customer (by name or e-mail) before running this item again.',
	});
	return await customerOutput(this, [customer], itemIndex);
}
