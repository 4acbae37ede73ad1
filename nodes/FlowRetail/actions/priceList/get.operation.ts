import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withUid } from '../../helpers/recordParts';
import { PRICE_LISTS, priceListRecordLocator } from '../../helpers/tenantRecords';
import { readUid } from '../../helpers/uid';
import { asRecord, flowApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['priceList'], operation: ['get'] } },
	[priceListRecordLocator],
);

/** `GET /tenants/{t}/pricelists/{uid}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'recordUid', priceListRecordLocator.displayName, itemIndex);
	const { body } = await flowApiRequest(this, 'GET', withUid(PRICE_LISTS, uid), { itemIndex });
	return [asRecord(this, body, 'a price list', itemIndex)];
}
