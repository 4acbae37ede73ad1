import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { optionsCollection, simplifyField } from '../../../shared/parameters';
import {
	contactPersonCollection,
	readContactPersonUpdate,
} from '../../helpers/contactPersonFields';
import { contactPersonLocator, customerLocator, readId } from '../../helpers/locators';
import { getRecord } from '../../helpers/records';
import { contactPersonOutput } from '../../helpers/output';
import { readReturnFullRecord, returnFullRecordOption, written } from '../../helpers/writeResults';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer the contact person belongs to' }),
	contactPersonLocator({ description: 'The contact person to change' }),
	contactPersonCollection('updateFields', 'Update Fields', true),
	extraBodyFieldsProperty('Xentral'),
	optionsCollection([returnFullRecordOption('fields not sent are missing (with Simplify: empty)')]),
	simplifyField('contact person'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contactPerson'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readId(this, 'customerId', 'Customer', itemIndex);
	const id = readId(this, 'contactPersonId', 'Contact Person', itemIndex);
	const body = readContactPersonUpdate(this, itemIndex);
	const fullRecord = readReturnFullRecord(this, itemIndex);
	const path = xentralPath`/api/v1/customers/${customerId}/contactPerson/${id}`;
	await xentralApiRequest(this, 'PATCH', path, { body, itemIndex });
	const person = fullRecord
		? await getRecord(this, path, 'the contact person', itemIndex)
		: written(id, body, { customer: { id: customerId } });
	return await contactPersonOutput(this, [person], customerId, itemIndex);
}
