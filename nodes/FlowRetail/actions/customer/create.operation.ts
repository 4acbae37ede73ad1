import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readCollectionParameter, simplifyField } from '../../../shared/parameters';
import { customerBody, customerFieldsCollection } from '../../helpers/customerFields';
import { customerOutput } from '../../helpers/output';
import { createWithUid } from '../../helpers/records';
import { clientUidProperty, readClientUid } from '../../helpers/uid';
import { flowPath } from '../../transport';

const properties: INodeProperties[] = [
	customerFieldsCollection(
		'fields',
		'Fields',
		'The new customer. A person needs First Name and Last Name, every customer a Country Code.',
	),
	clientUidProperty('customer'),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	properties,
);

/** `POST /tenants/{t}/customers` with a client-made `customerUid` → 201. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = customerBody(
		this,
		readCollectionParameter(this, 'fields', 'Fields', itemIndex),
		'Fields > ',
		itemIndex,
	);
	const uid = readClientUid(this, itemIndex);
	const created = await createWithUid(
		this,
		flowPath`/customers`,
		flowPath`/customers/${uid}`,
		{ ...body, customerUid: uid },
		'customer',
		itemIndex,
	);
	return [customerOutput(this, created, itemIndex)];
}
