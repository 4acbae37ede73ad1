import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, simplifyField } from '../../../shared/parameters';
import { readUpdateBody } from '../../helpers/customerBodies';
import { listProperties } from '../../helpers/customerLists';
import { updateFieldsProperty } from '../../helpers/customerProperties';
import { customerLocator, readId } from '../../helpers/locators';
import { customerPath, getRecord } from '../../helpers/records';
import { customerOutput } from '../../helpers/output';
import { readReturnFullRecord, returnFullRecordOption, written } from '../../helpers/writeResults';
import { xentralApiRequest } from '../../transport';

/** What an updated customer's output lacks without Return Full Record. */
export const CUSTOMER_UPDATE_LACKS =
	'fields not sent are missing (with Simplify: empty, the address among them)';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to change' }),
	updateFieldsProperty(),
	...listProperties(),
	optionsCollection([returnFullRecordOption(CUSTOMER_UPDATE_LACKS)]),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readId(this, 'customerId', 'Customer', itemIndex);
	const body = readUpdateBody(this, itemIndex);
	const fullRecord = readReturnFullRecord(this, itemIndex);
	await xentralApiRequest(this, 'PATCH', customerPath(id), { body, itemIndex });
	const customer = fullRecord
		? await getRecord(this, customerPath(id), 'the customer', itemIndex)
		: written(id, body);
	return await customerOutput(this, [customer], itemIndex, { readAddresses: fullRecord });
}
