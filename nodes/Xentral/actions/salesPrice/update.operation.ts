import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection, simplifyField } from '../../../shared/parameters';
import { readId, salesPriceLocator } from '../../helpers/locators';
import { getRecord } from '../../helpers/records';
import { readUpdateBody, updateProperties } from '../../helpers/salesPriceFields';
import { salesPriceOutput } from '../../helpers/output';
import { readReturnFullRecord, returnFullRecordOption, written } from '../../helpers/writeResults';
import { xentralApiRequest, xentralPath } from '../../transport';

const properties: INodeProperties[] = [
	salesPriceLocator({ description: 'The sales price to change' }),
	...updateProperties(),
	optionsCollection([returnFullRecordOption('fields not sent are missing (with Simplify: empty)')]),
	simplifyField('sales price'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['salesPrice'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const id = readId(this, 'salesPriceId', 'Sales Price', itemIndex);
	const path = xentralPath`/api/v1/salesPrices/${id}`;
	const fullRecord = readReturnFullRecord(this, itemIndex);
	const body = await readUpdateBody(
		this,
		itemIndex,
		async () => await getRecord(this, path, 'the sales price', itemIndex),
	);
	await xentralApiRequest(this, 'PATCH', path, { body, itemIndex });
	const price = fullRecord
		? await getRecord(this, path, 'the sales price', itemIndex)
		: written(id, body);
	return await salesPriceOutput(this, [price], itemIndex);
}
