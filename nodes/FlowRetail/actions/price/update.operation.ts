import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { updateFieldsProperties } from '../../helpers/customerFields';
import { readUpdateBody, withUid } from '../../helpers/recordParts';
import {
	PRICE,
	PRICE_UID_KEY,
	callPrices,
	parentPriceList,
	priceLocator,
	priceNotice,
	readPrices,
} from '../../helpers/tenantRecords';
import { readUid } from '../../helpers/uid';
import { asRecord, flowApiRequest } from '../../transport';
import { keyOfParameters } from '../../helpers/parallel';

export const description = updateDisplayOptions(
	{ show: { resource: ['price'], operation: ['update'] } },
	[priceNotice, parentPriceList, priceLocator, ...updateFieldsProperties([PRICE])],
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('price', 'pricelistUid', 'recordUid');

/** `PUT /tenants/{t}/pricelists/{uid}/prices/{uid}` (undocumented, see the notice). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { parent, collection } = readPrices(this, itemIndex);
	const uid = readUid(this, 'recordUid', priceLocator.displayName, itemIndex);
	const body = readUpdateBody(this, [PRICE], PRICE_UID_KEY, itemIndex);
	const { body: updated } = await callPrices(this, 'update', parent, itemIndex, () =>
		flowApiRequest(this, 'PUT', withUid(collection, uid), { body, itemIndex }),
	);
	return [asRecord(this, updated, 'a price', itemIndex)];
}
