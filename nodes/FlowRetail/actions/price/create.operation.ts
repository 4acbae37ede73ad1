import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import {
	createRecord,
	readRequiredFields,
	requireFields,
	requiredProperties,
} from '../../helpers/recordParts';
import {
	PRICE_REQUIRED,
	PRICE_UID_KEY,
	callPrices,
	parentPriceList,
	priceNotice,
	readPrices,
} from '../../helpers/tenantRecords';
import { clientUidProperty, readUid } from '../../helpers/uid';
import { keyOfParameters } from '../../helpers/parallel';

export const description = updateDisplayOptions(
	{ show: { resource: ['price'], operation: ['create'] } },
	[
		priceNotice,
		parentPriceList,
		...requiredProperties(PRICE_REQUIRED),
		clientUidProperty('price'),
		extraBodyFieldsProperty('Flow Retail'),
	],
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('price of product', 'pricelistUid', 'productUid');

/** `POST /tenants/{t}/pricelists/{uid}/prices` with a client-made UID (undocumented, see the notice). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { parent, collection } = readPrices(this, itemIndex);
	const body = readRequiredFields(this, PRICE_REQUIRED, itemIndex);
	requireFields(this, PRICE_REQUIRED, body, itemIndex);
	body.productUid = readUid(this, 'productUid', 'Product UID', itemIndex);
	const price = { collection, body, uidKey: PRICE_UID_KEY, record: 'price' };
	return [
		await createRecord(this, price, itemIndex, (send) =>
			callPrices(this, 'create', parent, itemIndex, send),
		),
	];
}
