import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { optionsCollection, simplifyField } from '../../../shared/parameters';
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
import { readReturnFullRecord, returnFullRecordOption, written } from '../../helpers/writeResults';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer the address belongs to' }),
	addressTypeProperty(),
	deliveryAddressIdProperty(),
	...updateProperties(),
	extraBodyFieldsProperty('Xentral'),
	optionsCollection([returnFullRecordOption('fields not sent are missing (with Simplify: empty)')]),
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
	const fullRecord = readReturnFullRecord(this, itemIndex);
	const path = xentralPath`/api/v2/customers/${customerId}/addresses/${id}`;
	await xentralApiRequest(this, 'PATCH', path, { body, itemIndex });
	const address = fullRecord
		? await getRecord(this, path, 'the address', itemIndex)
		: written(id, body, { type });
	return await addressOutput(this, [address], customerId, itemIndex);
}
