import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerLocator, storeField } from '../../helpers/locators';
import { extensionCodeField, readExtensionCode } from '../../helpers/extensions';
import { asRecord, flowPath, flowApiRequest } from '../../transport';
import { readUid } from '../../helpers/uid';
import { keyOfParameters } from '../../helpers/parallel';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to add the extension to' }),
	extensionCodeField,
	storeField('The store whose organization the extension applies to'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['addExtension'] } },
	properties,
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('customer', 'customerUid');

/** `POST /tenants/{t}/customers/{uid}/extensions/{code}` with `{storeUid}` → the customer. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'customerUid', 'Customer', itemIndex);
	const code = readExtensionCode(this, itemIndex);
	const storeUid = readUid(this, 'storeUid', 'Store Name or ID', itemIndex);
	const { body } = await flowApiRequest(
		this,
		'POST',
		flowPath`/customers/${uid}/extensions/${code}`,
		{
			body: { storeUid },
			itemIndex,
			// Adding the same extension twice leaves one: repeating it is harmless.
			idempotent: true,
		},
	);
	return [asRecord(this, body, 'a customer', itemIndex)];
}
