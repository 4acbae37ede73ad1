import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, simplifyField } from '../../../shared/parameters';
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
import { readReturnFullRecord, returnFullRecordOption } from '../../helpers/writeResults';

/** What a created customer's output lacks without Return Full Record. */
export const CUSTOMER_CREATE_LACKS =
	'it has no creation time, no customer number where none was sent (Xentral then picks one), and with Simplify no address (a new customer has none yet)';

const properties: INodeProperties[] = [
	createNotice,
	...nameProperties(),
	projectProperty(),
	additionalFieldsProperty(),
	...listProperties(),
	optionsCollection([returnFullRecordOption(CUSTOMER_CREATE_LACKS)]),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { create: body } = readCreateBodies(this, itemIndex);
	const fullRecord = readReturnFullRecord(this, itemIndex);
	const number = typeof body.number === 'string' ? body.number : undefined;
	const customer = await createCustomer(this, body, itemIndex, {
		// The customer number is the natural key; without one Xentral picks it, and a lost answer
		// leaves the outcome unknown.
		find: number
			? async () => (await findCustomersBy(this, 'number', number, itemIndex))[0]
			: undefined,
		check: 'Search Xentral for the customer (by name or e-mail) before running this item again.',
		fullRecord,
	});
	return await customerOutput(this, [customer], itemIndex, { readAddresses: fullRecord });
}
