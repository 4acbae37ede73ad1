import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import {
	additionalFieldsProperty,
	createRecord,
	readAdditionalFields,
	readRequiredFields,
	requireFields,
	requiredProperties,
} from '../../helpers/recordParts';
import {
	NAME,
	PRICE_LISTS,
	PRICE_LIST_FIELDS,
	PRICE_LIST_UID_KEY,
} from '../../helpers/tenantRecords';
import { clientUidProperty } from '../../helpers/uid';

export const description = updateDisplayOptions(
	{ show: { resource: ['priceList'], operation: ['create'] } },
	[
		...requiredProperties([NAME]),
		additionalFieldsProperty(PRICE_LIST_FIELDS),
		clientUidProperty('price list'),
		extraBodyFieldsProperty('Flow Retail'),
	],
);

/** `POST /tenants/{t}/pricelists` with a client-made UID. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = readRequiredFields(this, [NAME], itemIndex);
	requireFields(this, [NAME], body, itemIndex);
	Object.assign(body, readAdditionalFields(this, PRICE_LIST_FIELDS, itemIndex));
	const list = { collection: PRICE_LISTS, body, uidKey: PRICE_LIST_UID_KEY, record: 'price list' };
	return [await createRecord(this, list, itemIndex)];
}
