import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/parameters';
import { PRICE_SORT_FIELDS, checkDateOrder, readSort, sortProperties } from '../../helpers/listing';
import { pageSizeOptions, readManyForItem } from '../../helpers/records';
import { callPrices, parentPriceList, priceNotice, readPrices } from '../../helpers/tenantRecords';
import { flowTimeZone } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['price'], operation: ['getAll'] } },
	[priceNotice, parentPriceList, ...returnAllAndLimit(), ...sortProperties(PRICE_SORT_FIELDS), pageSizeOptions],
);

/** `GET /tenants/{t}/pricelists/{uid}/prices`, page by page (undocumented, see the notice). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { parent, collection } = readPrices(this, itemIndex);
	const sort = readSort(this, PRICE_SORT_FIELDS, itemIndex);
	const records = await callPrices(this, 'getAll', parent, itemIndex, () =>
		readManyForItem(this, collection, itemIndex, { qs: sort }),
	);
	const timeZone = await flowTimeZone(this, itemIndex);
	checkDateOrder(this, records, sort, timeZone, 'prices', itemIndex);
	return records;
}
