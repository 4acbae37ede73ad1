import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import {
	addressTypeProperty,
	deliveryAddressIdProperty,
	readAddressId,
	readAddressType,
} from '../../helpers/addresses';
import { customerLocator, readId } from '../../helpers/locators';
import { getRecord } from '../../helpers/records';
import { addressOutput } from '../../helpers/output';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer the address belongs to' }),
	addressTypeProperty(),
	deliveryAddressIdProperty(),
	simplifyField('address'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const id = readAddressId(this, readAddressType(this, itemIndex), itemIndex);
	const address = await getRecord(
		this,
		xentralPath`/api/v2/customers/${customerId}/addresses/${id}`,
		'the address',
		itemIndex,
	);
	return await addressOutput(this, [address], customerId, itemIndex);
}
