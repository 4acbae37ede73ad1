import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { readCollectionParameter, simplifyField } from '../../../shared/parameters';
import { text, validateField } from '../../../shared/validation';
import { createCustomer } from '../../helpers/customerCreates';
import {
	customerBody,
	customerFieldsCollection,
	withExtraBodyFields,
} from '../../helpers/customerFields';
import { customerOutput } from '../../helpers/output';
import { asRecord, readList } from '../../helpers/records';
import { newUid } from '../../helpers/uid';
import { flowPath, flowRequest } from '../../transport';
import { createNotice } from './create.operation';

const properties: INodeProperties[] = [
	createNotice,
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		required: true,
		description:
			'The customer key in the other system. A customer with this external ID is updated; without one, a customer is created with it.',
	},
	customerFieldsCollection(
		'fields',
		'Fields',
		'The values to set. A new person needs First Name and Last Name, every new customer a Country Code.',
		['externalId'],
	),
	extraBodyFieldsProperty('Flow Retail'),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['upsert'] } },
	properties,
);

const externalIdSchema = text(255)
	.transform((v) => v.trim())
	.pipe(z.string().min(1, 'is required'));

/**
 * Create or Update by external ID: `GET /customers?customerExternalId=`, then `PUT` the one found
 * or `POST` a new customer (with a client-made UID, so a lost answer is looked up, not repeated).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const externalId = validateField(
		this,
		externalIdSchema,
		this.getNodeParameter('externalId', itemIndex),
		'External ID',
		itemIndex,
	);
	const body = withExtraBodyFields(
		this,
		customerBody(
			this,
			readCollectionParameter(this, 'fields', 'Fields', itemIndex),
			'Fields > ',
			itemIndex,
		),
		itemIndex,
		['customerUid', 'externalId'],
	);
	const found = await readList(this, flowPath`/customers`, {
		max: 2,
		qs: { customerExternalId: externalId },
		itemIndex,
	});
	if (found.length > 1) {
		throw new NodeOperationError(
			this.getNode(),
			`More than one customer has the external ID "${externalId}" (item ${itemIndex})`,
			{ itemIndex, description: 'Make the external ID unique in Flow Retail, then run again.' },
		);
	}
	if (found.length === 1) {
		const uid = String(found[0].customerUid);
		if (Object.keys(body).length === 0) return [await customerOutput(this, found[0], itemIndex)];
		const response = await flowRequest(this, 'PUT', flowPath`/customers/${uid}`, {
			body,
			itemIndex,
		});
		return [
			await customerOutput(this, asRecord(this, response.body, 'a customer', itemIndex), itemIndex),
		];
	}
	// A lost answer is found again by the external ID, which nobody had before the create.
	const created = await createCustomer(
		this,
		{ ...body, externalId, customerUid: newUid() },
		itemIndex,
	);
	return [await customerOutput(this, created, itemIndex)];
}
