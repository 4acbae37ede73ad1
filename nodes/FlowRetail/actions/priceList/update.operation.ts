import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { updateFieldsProperties } from '../../helpers/customerFields';
import { readUpdateBody, withUid } from '../../helpers/recordParts';
import {
	NAME,
	PRICE_LISTS,
	PRICE_LIST_FIELDS,
	PRICE_LIST_UID_KEY,
	priceListRecordLocator,
} from '../../helpers/tenantRecords';
import { readUid } from '../../helpers/uid';
import { asRecord, flowApiRequest } from '../../transport';
import { keyOfParameters } from '../../helpers/parallel';

const updatable = [NAME, ...PRICE_LIST_FIELDS];

export const description = updateDisplayOptions(
	{ show: { resource: ['priceList'], operation: ['update'] } },
	[priceListRecordLocator, ...updateFieldsProperties(updatable)],
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('price list', 'recordUid');

/** `PUT /tenants/{t}/pricelists/{uid}` with the fields to change. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'recordUid', priceListRecordLocator.displayName, itemIndex);
	const body = readUpdateBody(this, updatable, PRICE_LIST_UID_KEY, itemIndex);
	const { body: updated } = await flowApiRequest(this, 'PUT', withUid(PRICE_LISTS, uid), {
		body,
		itemIndex,
	});
	return [asRecord(this, updated, 'a price list', itemIndex)];
}
