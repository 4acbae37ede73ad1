import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FieldSpec } from '../../../shared/fieldSpecs';
import { toProperties, validateCollection } from '../../../shared/fieldSpecs';
import { returnAllAndLimit, simplifyField } from '../../../shared/parameters';
import { validateField } from '../../../shared/validation';
import {
	CUSTOMER_SORT_FIELDS,
	checkDateOrder,
	readSort,
	sortProperties,
} from '../../helpers/listing';
import { customersOutput } from '../../helpers/output';
import { pageSizeOptions, readManyForItem } from '../../helpers/records';
import { uidSchema } from '../../helpers/uid';
import { flowNotice } from '../../helpers/undocumented';
import { flowPath, flowTimeZone } from '../../transport';

/** The search body's criteria [verified: SEED]; `createdAt` is named Created After here. */
const CRITERIA: FieldSpec[] = [
	{
		name: 'query',
		displayName: 'Query',
		kind: 'string',
		description:
			'Text matched against first and last name, city, postal code, company name, mobile, email and VAT number',
	},
	{
		name: 'exactMatch',
		displayName: 'Exact Match',
		kind: 'boolean',
		description: 'Whether values must match exactly instead of partly',
	},
	{ name: 'mobile', displayName: 'Mobile', kind: 'string', description: 'Mobile number' },
	{ name: 'email', displayName: 'Email', kind: 'string', description: 'Email address' },
	{ name: 'vatNumber', displayName: 'VAT Number', kind: 'string', description: 'VAT number' },
	{
		name: 'storeUid',
		displayName: 'Store ID',
		kind: 'string',
		loadOptionsMethod: 'getStores',
		description: 'Only customers of this store',
	},
	{
		name: 'createdAt',
		displayName: 'Created After',
		kind: 'dateTime',
		description: 'Only customers created at or after this time',
	},
];

const properties: INodeProperties[] = [
	flowNotice(
		'what Created After and Store mean exactly (the seed names createdAt and storeUid only)',
		'The node assumes createdAt finds customers created at or after the time, and storeUid the customers whose default store it is. Query is matched in part unless Exact Match is on.',
	),
	{
		displayName: 'Criteria',
		name: 'criteria',
		type: 'collection',
		placeholder: 'Add Criterion',
		default: {},
		options: toProperties(CRITERIA),
	},
	...returnAllAndLimit(),
	...sortProperties(CUSTOMER_SORT_FIELDS),
	pageSizeOptions,
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['search'] } },
	properties,
);

/** `POST /tenants/{t}/customers/search`: criteria in the body, paging and sort in the query. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body: IDataObject = validateCollection(
		this,
		CRITERIA,
		this.getNodeParameter('criteria', itemIndex, {}) as IDataObject,
		'Criteria > ',
		itemIndex,
	);
	if (body.storeUid !== undefined)
		body.storeUid = validateField(
			this,
			uidSchema,
			body.storeUid,
			'Criteria > Store Name or ID',
			itemIndex,
		);
	for (const key of Object.keys(body)) if (body[key] === '') delete body[key];
	const sort = readSort(this, CUSTOMER_SORT_FIELDS, itemIndex);
	const records = await readManyForItem(this, flowPath`/customers/search`, itemIndex, {
		qs: sort,
		body,
		keyOf: (c) => String((c as { customerUid?: unknown }).customerUid),
	});
	checkDateOrder(this, records, sort, await flowTimeZone(this, itemIndex), 'customers', itemIndex);
	return await customersOutput(this, records, itemIndex);
}
