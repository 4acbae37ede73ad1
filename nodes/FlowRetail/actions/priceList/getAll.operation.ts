import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/parameters';
import { NAMED_SORT_FIELDS, checkDateOrder, readSort, sortProperties } from '../../helpers/listing';
import { filtersProperty, readFilters } from '../../helpers/recordParts';
import { pageSizeOptions, readManyForItem } from '../../helpers/records';
import { PRICE_LISTS, PRICE_LIST_FILTERS } from '../../helpers/tenantRecords';
import { flowTimeZone } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['priceList'], operation: ['getAll'] } },
	[
		...returnAllAndLimit(),
		...sortProperties(NAMED_SORT_FIELDS),
		filtersProperty(PRICE_LIST_FILTERS),
		pageSizeOptions,
	],
);

/** `GET /tenants/{t}/pricelists` with the filters, page by page, sorted as asked. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const filters = readFilters(this, PRICE_LIST_FILTERS, itemIndex);
	const sort = readSort(this, NAMED_SORT_FIELDS, itemIndex);
	const qs = { ...filters, ...sort };
	const records = await readManyForItem(this, PRICE_LISTS, itemIndex, { qs });
	const timeZone = await flowTimeZone(this, itemIndex);
	checkDateOrder(this, records, sort, timeZone, 'price lists', itemIndex);
	return records;
}
