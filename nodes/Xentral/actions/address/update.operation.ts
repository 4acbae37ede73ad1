import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { simplifyField } from '../../../shared/parameters';
import { readUpdateBody, updateProperties } from '../../helpers/addressFields';
import {
	addressTypeProperty,
	deliveryAddressIdProperty,
	readAddressId,
	readAddressType,
} from '../../helpers/addresses';
import { customerLocator, readId } from '../../helpers/locators';
import { getRecord } from '../../helpers/records';
import { addressOutput } from '../../helpers/output';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer the address belongs to' }),
	addressTypeProperty(),
	deliveryAddressIdProperty(),
	...updateProperties(),
	extraBodyFieldsProperty('Xentral'),
	simplifyField('address'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const type = readAddressType(this, itemIndex);
	const id = readAddressId(this, type, itemIndex);
	const body = readUpdateBody(this, type, itemIndex);
	const path = xentralPath`/api/v2/customers/${customerId}/addresses/${id}`;
	await xentralApiRequest(this, 'PATCH', path, { body, itemIndex });
	const address = await getRecord(this, path, 'the address', itemIndex);
	return await addressOutput(this, [address], customerId, itemIndex);
}
