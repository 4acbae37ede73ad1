import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readSimplify, returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { text, validateField } from '../../../shared/validation';
import { CUSTOMER_SORT_FIELDS, readSort, sortProperties } from '../../helpers/listing';
import { readManyForItem } from '../../helpers/records';
import { simplifyCustomer } from '../../helpers/simplify';
import { flowPath } from '../../transport';

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
	const qs = {
		...readSort(this, CUSTOMER_SORT_FIELDS, itemIndex),
		...(externalId ? { customerExternalId: externalId } : {}),
	};
	const records = await readManyForItem(this, flowPath`/customers`, itemIndex, {
		qs,
		keyOf: (c) => String((c as { customerUid?: unknown }).customerUid),
	});
	return readSimplify(this, itemIndex) ? records.map(simplifyCustomer) : records;
}
