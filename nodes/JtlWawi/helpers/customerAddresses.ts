import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { unexpectedShape, jtlApiRequest, jtlPath } from '../transport';
import { rememberCustomer } from './knownCustomers';

/** Reads the addresses of a v2 customer (`GET /v2/customers/{id}`), each with its customerAddressId. */
export async function readV2Addresses(
	ctx: IExecuteFunctions,
	customerId: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { body } = await jtlApiRequest<IDataObject>(
		ctx,
		'GET',
		jtlPath`/v2/customers/${customerId}`,
		{
			itemIndex,
		},
	);
	if (!body || typeof body !== 'object') throw unexpectedShape(ctx, body, 'a customer', itemIndex);
	rememberCustomer(ctx, body);
	return Array.isArray(body.addresses) ? (body.addresses as IDataObject[]) : [];
}
