import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { int32Id, validateField } from '../../../shared/validation';
import { contactIdProperty, readContactId } from '../../helpers/contactFields';
import { customerLocator } from '../../helpers/fields';
import { locatorValue } from '../../helpers/utils';
import { jtlApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	customerLocator('v1', {
		description: 'The customer the contact person belongs to, by its numeric JTL-Wawi ID',
	}),
	contactIdProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = validateField(
		this,
		int32Id,
		locatorValue(this, 'customerId', itemIndex),
		'Customer',
		itemIndex,
	);
	const contactId = readContactId(this, itemIndex);
	// 204 without a body: report what was deleted.
	await jtlApiRequest(this, 'DELETE', `/customers/${customerId}/contacts/${contactId}`, {
		itemIndex,
	});
	return [{ deleted: true, customerId, contactId }];
}
