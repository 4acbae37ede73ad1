import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import { customerLocator, storeField } from '../../helpers/locators';
import { customerOutput } from '../../helpers/output';
import { asRecord, flowPath, flowApiRequest } from '../../transport';
import { readUid } from '../../helpers/uid';

const properties: INodeProperties[] = [
	storeField('The store whose view of the customer to retrieve'),
	customerLocator({ description: 'The customer to retrieve' }),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getForStore'] } },
	properties,
);

/** `GET /tenants/{t}/stores/{storeUid}/customers/{customerUid}`: the customer with store details. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const store = readUid(this, 'storeUid', 'Store Name or ID', itemIndex);
	const uid = readUid(this, 'customerUid', 'Customer', itemIndex);
	const { body } = await flowApiRequest(this, 'GET', flowPath`/stores/${store}/customers/${uid}`, {
		itemIndex,
	});
	return [await customerOutput(this, asRecord(this, body, 'a customer', itemIndex), itemIndex)];
}
