import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withUid } from '../../helpers/recordParts';
import {
	callPrices,
	parentPriceList,
	priceLocator,
	priceNotice,
	readPrices,
} from '../../helpers/tenantRecords';
import { readUid } from '../../helpers/uid';
import { asRecord, flowApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['price'], operation: ['get'] } },
	[priceNotice, parentPriceList, priceLocator],
);

/** `GET /tenants/{t}/pricelists/{uid}/prices/{uid}` (undocumented, see the notice). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { parent, collection } = readPrices(this, itemIndex);
	const uid = readUid(this, 'recordUid', priceLocator.displayName, itemIndex);
	const { body } = await callPrices(this, 'get', parent, itemIndex, () =>
		flowApiRequest(this, 'GET', withUid(collection, uid), { itemIndex }),
	);
	return [asRecord(this, body, 'a price', itemIndex)];
}
