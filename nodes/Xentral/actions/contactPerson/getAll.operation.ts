import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { CONTACT_PERSON_LIST } from '../../helpers/lists';
import { filterProperty, listQuery, readList } from '../../helpers/listQuery';
import { customerLocator, readId } from '../../helpers/locators';
import { contactPersonOutput } from '../../helpers/output';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer whose contact persons to return' }),
	...returnAllAndLimit(),
	filterProperty(CONTACT_PERSON_LIST),
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactPerson'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const qs = listQuery(this, CONTACT_PERSON_LIST, itemIndex);
	const people = await readList(
		this,
		xentralPath`/api/v1/customers/${customerId}/contactPerson`,
		qs,
		'a list of contact persons',
		itemIndex,
	);
	return await contactPersonOutput(this, people, customerId, itemIndex);
}
