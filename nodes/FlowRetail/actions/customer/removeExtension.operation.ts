import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerLocator, storeField } from '../../helpers/locators';
import { extensionCodeField, readExtensionCode } from '../../helpers/extensions';
import { readUid } from '../../helpers/uid';
import { flowPath, flowApiRequest } from '../../transport';
import { keyOfParameters } from '../../helpers/parallel';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to remove the extension from' }),
	extensionCodeField,
	storeField('The store whose organization the extension is removed for'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['removeExtension'] } },
	properties,
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('customer', 'customerUid');

/** `DELETE /tenants/{t}/customers/{uid}/extensions/{code}` with `{storeUid}` → 204. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'customerUid', 'Customer', itemIndex);
	const code = readExtensionCode(this, itemIndex);
	const storeUid = readUid(this, 'storeUid', 'Store Name or ID', itemIndex);
	await flowApiRequest(this, 'DELETE', flowPath`/customers/${uid}/extensions/${code}`, {
		body: { storeUid },
		itemIndex,
	});
	return [{ removed: true, customerUid: uid, extensionCode: code, storeUid }];
}
