import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { optionsCollection, simplifyField } from '../../../shared/parameters';
import { createProperties, readCreateBody } from '../../helpers/addressFields';
import { addressTypeProperty, findAddress, readAddressType } from '../../helpers/addresses';
import { customerLocator, readId } from '../../helpers/locators';
import { createRecord } from '../../helpers/records';
import { addressOutput } from '../../helpers/output';
import { readReturnFullRecord, returnFullRecordOption } from '../../helpers/writeResults';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to add the address to' }),
	addressTypeProperty(),
	...createProperties(),
	extraBodyFieldsProperty('Xentral'),
	optionsCollection([
		returnFullRecordOption('fields Xentral fills in itself (a default it applies) are missing'),
	]),
	simplifyField('address'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const type = readAddressType(this, itemIndex);
	const body = readCreateBody(this, type, itemIndex);
	const fullRecord = readReturnFullRecord(this, itemIndex);
	const address = await createRecord(this, {
		path: xentralPath`/api/v2/customers/${customerId}/addresses`,
		body,
		itemIndex,
		viewPath: (id) => xentralPath`/api/v2/customers/${customerId}/addresses/${id}`,
		what: 'the address',
		idWords: ['masterdata', 'billingaddress'],
		// A customer has one master-data and one billing address: their type is their key.
		find:
			type === 'deliveryaddress'
				? undefined
				: async () => await findAddress(this, customerId, type, itemIndex),
		check: `Look at the delivery addresses of customer ${customerId} in Xentral for this one.`,
		fullRecord,
		known: { type },
	});
	return await addressOutput(this, [address], customerId, itemIndex);
}
