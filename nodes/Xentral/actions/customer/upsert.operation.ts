import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readSimplify, simplifyField } from '../../../shared/parameters';
import { readField } from '../../../shared/fieldSpecs';
import {
	additionalFieldsProperty,
	nameProperties,
	readCreateBody,
} from '../../helpers/customerFields';
import { findCustomersBy, MATCH_ON } from '../../helpers/customerMatch';
import { createRecord, customerPath, getRecord } from '../../helpers/records';
import { simplifyCustomer } from '../../helpers/simplify';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		options: MATCH_ON.choices,
		default: 'number',
		description:
			'The field that identifies the customer: with one match it is updated, with none created; with two or more the item stops',
	},
	...nameProperties(),
	additionalFieldsProperty(true),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['upsert'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const matchOn = readField(this, MATCH_ON, 'matchOn', itemIndex) as 'number' | 'email';
	const body = readCreateBody(this, itemIndex);
	const key =
		matchOn === 'number'
			? (body.number as string | undefined)
			: ((body.contactDetails as IDataObject | undefined)?.email as string | undefined);
	const label = matchOn === 'number' ? 'Customer Number' : 'Email';
	if (!key) {
		throw new NodeOperationError(
			this.getNode(),
			`Additional Fields > ${label} (item ${itemIndex}) is required to match on it`,
			{ itemIndex },
		);
	}
	const matches = await findCustomersBy(this, matchOn, key, itemIndex);
	if (matches.length > 1) {
		throw new NodeOperationError(
			this.getNode(),
			`${matches.length} customers match ${label} "${key}" (item ${itemIndex}); the node does not guess which one to update`,
			{
				itemIndex,
				description: `Matching customer IDs: ${matches.map((m) => String(m.id)).join(', ')}. Make the ${label.toLowerCase()} unique in Xentral, or update one of them by ID.`,
			},
		);
	}
	let customer: IDataObject;
	if (matches.length === 1) {
		const id = String(matches[0].id);
		await xentralApiRequest(this, 'PATCH', customerPath(id), { body, itemIndex });
		customer = await getRecord(this, customerPath(id), 'the customer', itemIndex);
	} else {
		customer = await createRecord(this, {
			path: xentralPath`/api/v2/customers`,
			body,
			itemIndex,
			viewPath: customerPath,
			what: 'the customer',
			find: async () => {
				const found = await findCustomersBy(this, matchOn, key, itemIndex);
				return found.length === 1 ? found[0] : undefined;
			},
			check: 'Search Xentral for the customer before running this item again.',
		});
	}
	return [readSimplify(this, itemIndex) ? simplifyCustomer(customer) : customer];
}
