import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import { customerLocator } from '../../helpers/locators';
import { customerOutput } from '../../helpers/output';
import { asRecord, flowPath, flowApiRequest } from '../../transport';
import { readUid } from '../../helpers/uid';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to retrieve' }),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['get'] } },
	properties,
);

/** `GET /tenants/{t}/customers/{customerUid}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'customerUid', 'Customer', itemIndex);
	const { body } = await flowApiRequest(this, 'GET', flowPath`/customers/${uid}`, { itemIndex });
	return [await customerOutput(this, asRecord(this, body, 'a customer', itemIndex), itemIndex)];
}
