import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readField, toProperty, validateCollection } from '../../../shared/fieldSpecs';
import { readCollectionParameter, readSimplify, simplifyField } from '../../../shared/parameters';
import {
	CONTACT_PERSON_FIELDS,
	CONTACT_PERSON_NAME,
	contactPersonBody,
	contactPersonCollection,
} from '../../helpers/contactPersonFields';
import { customerLocator, readId } from '../../helpers/locators';
import { createRecord } from '../../helpers/records';
import { simplifyContactPerson } from '../../helpers/simplify';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to add the contact person to' }),
	toProperty(CONTACT_PERSON_NAME, { required: true }),
	contactPersonCollection('additionalFields', 'Additional Fields', false),
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactPerson'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const name = readField(this, CONTACT_PERSON_NAME, 'name', itemIndex) as string;
	if (!name.trim())
		throw new NodeOperationError(this.getNode(), `Name (item ${itemIndex}) is required`, {
			itemIndex,
		});
	const fields = validateCollection(
		this,
		CONTACT_PERSON_FIELDS,
		readCollectionParameter(this, 'additionalFields', 'Additional Fields', itemIndex),
		'Additional Fields > ',
		itemIndex,
	);
	const person = await createRecord(this, {
		path: xentralPath`/api/v1/customers/${customerId}/contactPerson`,
		body: contactPersonBody({ ...fields, name: name.trim() }),
		itemIndex,
		viewPath: (id) => xentralPath`/api/v1/customers/${customerId}/contactPerson/${id}`,
		what: 'the contact person',
		// A contact person has no natural key: after a lost answer its outcome is unknown.
		check: `Look at the contact persons of customer ${customerId} in Xentral for this one.`,
	});
	return [readSimplify(this, itemIndex) ? simplifyContactPerson(person) : person];
}
