import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerLocator } from '../../helpers/locators';
import { readUid } from '../../helpers/uid';
import { flowPath, flowApiRequest } from '../../transport';
import { keyOfParameters } from '../../helpers/parallel';

const properties: INodeProperties[] = [
	customerLocator({
		description: 'The customer to delete. Needs the TENANT.BACKOFFICE permission.',
	}),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['delete'] } },
	properties,
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('customer', 'customerUid');

/** `DELETE /tenants/{t}/customers/{customerUid}` → 204. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'customerUid', 'Customer', itemIndex);
	await flowApiRequest(this, 'DELETE', flowPath`/customers/${uid}`, { itemIndex });
	return [{ deleted: true, customerUid: uid }];
}
