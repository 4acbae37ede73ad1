import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { CONTACT_KIND, childOutput, parentLocator, readParent } from '../../helpers/children';
import { CHILD_SORT_FIELDS, checkDateOrder, readSort, sortProperties } from '../../helpers/listing';
import { pageSizeOptions, readManyForItem } from '../../helpers/records';
import { flowTimeZone } from '../../transport';

const kind = CONTACT_KIND;

export const description = updateDisplayOptions(
	{ show: { resource: ['customerContact'], operation: ['getAll'] } },
	[
		parentLocator(kind),
		...returnAllAndLimit(),
		...sortProperties(CHILD_SORT_FIELDS),
		pageSizeOptions,
		simplifyField(kind.record),
	],
);

/** `GET …/customers/{customerUid}/contacts`, page by page, sorted as asked. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { customerUid, collection } = readParent(this, kind, itemIndex);
	const sort = readSort(this, CHILD_SORT_FIELDS, itemIndex);
	const records = await readManyForItem(this, collection, itemIndex, { qs: sort });
	const timeZone = await flowTimeZone(this, itemIndex);
	checkDateOrder(this, records, sort, timeZone, kind.segment, itemIndex);
	return records.map((record) => childOutput(this, kind, record, customerUid, itemIndex));
}
