import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import { contactPersonLocator, customerLocator, readId } from '../../helpers/locators';
import { getRecord } from '../../helpers/records';
import { contactPersonOutput } from '../../helpers/output';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer the contact person belongs to' }),
	contactPersonLocator({ description: 'The contact person to retrieve' }),
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactPerson'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const id = readId(this, 'contactPersonId', 'Contact Person', itemIndex);
	const person = await getRecord(
		this,
		xentralPath`/api/v1/customers/${customerId}/contactPerson/${id}`,
		'the contact person',
		itemIndex,
	);
	return await contactPersonOutput(this, [person], customerId, itemIndex);
}
