import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/parameters';
import { NAMED_SORT_FIELDS, checkDateOrder, readSort, sortProperties } from '../../helpers/listing';
import { pageSizeOptions, readManyForItem } from '../../helpers/records';
import { GROUPS } from '../../helpers/tenantRecords';
import { flowTimeZone } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['customerGroup'], operation: ['getAll'] } },
	[...returnAllAndLimit(), ...sortProperties(NAMED_SORT_FIELDS), pageSizeOptions],
);

/** `GET /tenants/{t}/customer-groups`, page by page, sorted as asked. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const sort = readSort(this, NAMED_SORT_FIELDS, itemIndex);
	const records = await readManyForItem(this, GROUPS, itemIndex, { qs: sort });
	const timeZone = await flowTimeZone(this, itemIndex);
	checkDateOrder(this, records, sort, timeZone, 'customer groups', itemIndex);
	return records;
}
