import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { text, validateField } from '../../../shared/validation';
import {
	CUSTOMER_SORT_FIELDS,
	checkDateOrder,
	readSort,
	sortProperties,
} from '../../helpers/listing';
import { customersOutput } from '../../helpers/output';
import { pageSizeOptions, readManyForItem } from '../../helpers/records';
import { flowPath, flowTimeZone } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		description: 'Only the customer with this external ID (the key in another system)',
	},
	...sortProperties(CUSTOMER_SORT_FIELDS),
	pageSizeOptions,
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getAll'] } },
	properties,
);

/** `GET /tenants/{t}/customers` with `customerExternalId`, paging and sort. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const externalId = validateField(
		this,
		text(255),
		this.getNodeParameter('externalId', itemIndex, ''),
		'External ID',
		itemIndex,
	).trim();
	const sort = readSort(this, CUSTOMER_SORT_FIELDS, itemIndex);
	const qs = { ...sort, ...(externalId ? { customerExternalId: externalId } : {}) };
	const records = await readManyForItem(this, flowPath`/customers`, itemIndex, {
		qs,
		keyOf: (c) => String((c as { customerUid?: unknown }).customerUid),
	});
	checkDateOrder(this, records, sort, await flowTimeZone(this, itemIndex), 'customers', itemIndex);
	return await customersOutput(this, records, itemIndex);
}
