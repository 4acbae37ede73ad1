import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import {
	optionsCollection,
	readCollectionParameter,
	simplifyField,
} from '../../../shared/parameters';
import type { CompareRules } from '../../../shared/unchanged';
import {
	isUnchanged,
	markUnchanged,
	NOT_SHOWN,
	readSkipUnchanged,
	skipUnchangedOption,
} from '../../../shared/unchanged';
import { text, validateField } from '../../../shared/validation';
import { createCustomer } from '../../helpers/customerCreates';
import {
	customerBody,
	customerFieldsCollection,
	withExtraBodyFields,
} from '../../helpers/customerFields';
import { customerOutput } from '../../helpers/output';
import { readList } from '../../helpers/records';
import { asRecord, flowPath, flowApiRequest, flowTimeZone } from '../../transport';
import { newUid } from '../../helpers/uid';
import { createNotice } from './create.operation';
import { keyOfParameters } from '../../helpers/parallel';

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
	optionsCollection([skipUnchangedOption()]),
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
 * How Skip Unchanged reads a Flow Retail customer: at the paths of the PUT body, in the tenant's
 * zone, except the default store, written as `defaultStoreUid` and read as `defaultStore.storeUid`
 * [verified: SEED]. The groups are a set of UIDs.
 */
async function compareRules(ctx: IExecuteFunctions, itemIndex: number): Promise<CompareRules> {
	return {
		timeZone: await flowTimeZone(ctx, itemIndex),
		unorderedLists: ['customerGroupUids'],
		readAt: (path, record) => {
			if (path.join('.') !== 'defaultStoreUid') return undefined;
			const store = record.defaultStore;
			if (store === null) return null;
			const uid = (store as IDataObject | undefined)?.storeUid;
			return uid === undefined ? NOT_SHOWN : uid;
		},
	};
}

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('customer by external ID', 'externalId');

/**
 * Create or Update by external ID: `GET /customers?customerExternalId=`, then `PUT` the one found
 * or `POST` a new customer (with a client-made UID, so a lost answer is looked up, not repeated).
 * With Skip Unchanged, a customer found that already holds every value of the body is not written.
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
	const skipUnchanged = readSkipUnchanged(this, itemIndex);
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
		if (
			Object.keys(body).length === 0 ||
			(skipUnchanged && isUnchanged(body, found[0], await compareRules(this, itemIndex)))
		)
			return markUnchanged([await customerOutput(this, found[0], itemIndex)], skipUnchanged, true);
		const response = await flowApiRequest(this, 'PUT', flowPath`/customers/${uid}`, {
			body,
			itemIndex,
		});
		const saved = asRecord(this, response.body, 'a customer', itemIndex);
		return markUnchanged([await customerOutput(this, saved, itemIndex)], skipUnchanged, false);
	}
	// A lost answer is found again by the external ID, which nobody had before the create.
	const created = await createCustomer(
		this,
		{ ...body, externalId, customerUid: newUid() },
		itemIndex,
	);
	return markUnchanged([await customerOutput(this, created, itemIndex)], skipUnchanged, false);
}
