import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { readCollectionParameter, simplifyField } from '../../../shared/parameters';
import { createCustomer } from '../../helpers/customerCreates';
import {
	customerBody,
	customerFieldsCollection,
	withExtraBodyFields,
} from '../../helpers/customerFields';
import { customerOutput } from '../../helpers/output';
import { clientUidProperty, readClientUid } from '../../helpers/uid';
import { flowNotice } from '../../helpers/undocumented';

/** The create body and the client-made UID: neither is in Flow Retail's documents. */
export const createNotice = flowNotice(
	'the body of a customer create, and a customerUid chosen by the client (the seed shows the update fields only)',
	'The node sends the update fields and a UID of its own. A create whose answer was lost is looked up by that UID, then by External ID; when neither tells, the item stops with "Outcome unknown" instead of creating the customer twice.',
);

const properties: INodeProperties[] = [
	createNotice,
	customerFieldsCollection(
		'fields',
		'Fields',
		'The new customer. A person needs First Name and Last Name, every customer a Country Code.',
	),
	clientUidProperty('customer'),
	extraBodyFieldsProperty('Flow Retail'),
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
	const created = await createCustomer(
		this,
		{ ...withExtraBodyFields(this, body, itemIndex, ['customerUid']), customerUid: uid },
		itemIndex,
	);
	return [await customerOutput(this, created, itemIndex)];
}
