import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerLocator } from '../../helpers/locators';
import { asRecord, flowPath, flowApiRequest } from '../../transport';
import { readUid } from '../../helpers/uid';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer whose personal data to export (GDPR)' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['export'] } },
	properties,
);

/** `GET /tenants/{t}/customers/{customerUid}/export`: `{customer, orders}` as JSON, unchanged. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'customerUid', 'Customer', itemIndex);
	const { body } = await flowApiRequest(this, 'GET', flowPath`/customers/${uid}/export`, {
		itemIndex,
	});
	return [asRecord(this, body, 'the export {customer, orders}', itemIndex)];
}
