import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { readCollectionParameter, simplifyField } from '../../../shared/parameters';
import { requireSomethingToSend } from '../../../shared/validation';
import {
	customerBody,
	customerFieldsCollection,
	NOTHING_TO_SEND,
	withExtraBodyFields,
} from '../../helpers/customerFields';
import { customerLocator } from '../../helpers/locators';
import { customerOutput } from '../../helpers/output';
import { asRecord, flowPath, flowApiRequest } from '../../transport';
import { readUid } from '../../helpers/uid';
import { keyOfParameters } from '../../helpers/parallel';

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to update' }),
	customerFieldsCollection(
		'updateFields',
		'Update Fields',
		'Only the fields added here are sent; the others keep their values',
	),
	extraBodyFieldsProperty('Flow Retail'),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['update'] } },
	properties,
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('customer', 'customerUid');

/** `PUT /tenants/{t}/customers/{customerUid}` with only the fields set ("partial updates are allowed"). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'customerUid', 'Customer', itemIndex);
	const body = withExtraBodyFields(
		this,
		customerBody(
			this,
			readCollectionParameter(this, 'updateFields', 'Update Fields', itemIndex),
			'Update Fields > ',
			itemIndex,
		),
		itemIndex,
		['customerUid'],
	);
	requireSomethingToSend(this, [body], itemIndex, NOTHING_TO_SEND);
	const response = await flowApiRequest(this, 'PUT', flowPath`/customers/${uid}`, {
		body,
		itemIndex,
	});
	return [
		await customerOutput(this, asRecord(this, response.body, 'a customer', itemIndex), itemIndex),
	];
}
