import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	addressTypeProperty,
	deliveryAddressIdProperty,
	readAddressId,
	readAddressType,
} from '../../helpers/addresses';
import { customerLocator, readId } from '../../helpers/locators';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer the address belongs to' }),
	addressTypeProperty(),
	deliveryAddressIdProperty(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const id = readAddressId(this, readAddressType(this, itemIndex), itemIndex);
	await xentralApiRequest(
		this,
		'DELETE',
		xentralPath`/api/v2/customers/${customerId}/addresses/${id}`,
		{ itemIndex },
	);
	return [{ deleted: true, customerId, addressId: id }];
}
