import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerPath, readAnyCustomerId } from '../../helpers/customerId';
import { unexpectedShape, jtlApiRequest } from '../../transport';
import { readSimplify, simplifyField } from '../../../shared/parameters';
import { customerLocator } from '../../helpers/customerLocator';
import { customerOutput } from '../../helpers/output';

const properties: INodeProperties[] = [customerLocator('any'), simplifyField()];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['get'] } },
	properties,
);

/** `GET /customers/{id}` for a numeric ID, `GET /v2/customers/{uuid}` for a UUID. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customer = readAnyCustomerId(this, itemIndex);
	const simplify = readSimplify(this, itemIndex);
	const response = await jtlApiRequest<IDataObject>(this, 'GET', customerPath(customer), {
		itemIndex,
	});
	if (!response.body || typeof response.body !== 'object') {
		throw unexpectedShape(this, response.body, 'a customer', itemIndex);
	}
	return await customerOutput(this, [response.body], simplify, itemIndex);
}
