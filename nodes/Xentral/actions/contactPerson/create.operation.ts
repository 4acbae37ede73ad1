import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	extraBodyFieldsProperty,
	mergeExtraBodyFields,
	readExtraBodyFields,
} from '../../../shared/extraBodyFields';
import { readField, toProperty } from '../../../shared/fieldSpecs';
import { optionsCollection, simplifyField } from '../../../shared/parameters';
import { requireValue } from '../../../shared/validation';
import {
	CONTACT_PERSON_FIELDS,
	CONTACT_PERSON_NAME,
	contactPersonCollection,
	readContactPersonFields,
} from '../../helpers/contactPersonFields';
import { customerLocator, readId } from '../../helpers/locators';
import { contactPersonOutput } from '../../helpers/output';
import { createRecord } from '../../helpers/records';
import { readReturnFullRecord, returnFullRecordOption } from '../../helpers/writeResults';
import { xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to add the contact person to' }),
	toProperty(CONTACT_PERSON_NAME, { required: true }),
	contactPersonCollection('additionalFields', 'Additional Fields', false),
	extraBodyFieldsProperty('Xentral'),
	optionsCollection([
		returnFullRecordOption('fields Xentral fills in itself (a default it applies) are missing'),
	]),
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactPerson'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const name = readField(this, CONTACT_PERSON_NAME, 'name', itemIndex) as string;
	requireValue(this, name, 'Name', itemIndex);
	const fields = readContactPersonFields(
		this,
		CONTACT_PERSON_FIELDS,
		'additionalFields',
		'Additional Fields',
		itemIndex,
	);
	const body = mergeExtraBodyFields(
		this,
		{ ...fields, name: name.trim() },
		readExtraBodyFields(this, itemIndex),
		itemIndex,
	);
	const person = await createRecord(this, {
		path: xentralPath`/api/v1/customers/${customerId}/contactPerson`,
		body,
		itemIndex,
		viewPath: (id) => xentralPath`/api/v1/customers/${customerId}/contactPerson/${id}`,
		what: 'the contact person',
		// A contact person has no natural key: after a lost answer its outcome is unknown.
		check: `Look at the contact persons of customer ${customerId} in Xentral for this one.`,
		fullRecord: readReturnFullRecord(this, itemIndex),
		known: { customer: { id: customerId } },
	});
	return await contactPersonOutput(this, [person], customerId, itemIndex);
}
