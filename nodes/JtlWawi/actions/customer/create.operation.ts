import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildCustomerV1Body, customerV1Properties } from '../../helpers/customerV1Body';
import { unexpectedShape, jtlApiRequest, jtlPath } from '../../transport';
import { readSimplify, simplifyField } from '../../../shared/parameters';
import { customerOutput } from '../../helpers/customerOutput';

const properties: INodeProperties[] = [...customerV1Properties('create'), simplifyField()];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	properties,
);

/** `POST /customers` (v1): answers 201 with the created customer. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { body, qs } = await buildCustomerV1Body(this, itemIndex, 'create');
	const response = await jtlApiRequest(this, 'POST', jtlPath`/customers`, { body, qs, itemIndex });
	if (!response.body || typeof response.body !== 'object') {
		throw unexpectedShape(this, response.body, 'the created customer', itemIndex);
	}
	return await customerOutput(
		this,
		[response.body as IDataObject],
		readSimplify(this, itemIndex),
		itemIndex,
	);
}
