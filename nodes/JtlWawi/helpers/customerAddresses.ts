import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { unexpectedShape, jtlApiRequest, jtlPath } from '../transport';
import { rememberCustomer } from './knownCustomers';

/** Reads a v2 customer (`GET /v2/customers/{id}`), remembering its number for the run. */
export async function readV2Customer(
	ctx: IExecuteFunctions,
	customerId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const { body } = await jtlApiRequest<IDataObject>(
		ctx,
		'GET',
		jtlPath`/v2/customers/${customerId}`,
		{ itemIndex },
	);
	if (!body || typeof body !== 'object') throw unexpectedShape(ctx, body, 'a customer', itemIndex);
	rememberCustomer(ctx, body);
	return body;
}

/** The addresses of a v2 customer record, each with its customerAddressId. */
export function addressesOf(customer: IDataObject): IDataObject[] {
	return Array.isArray(customer.addresses) ? (customer.addresses as IDataObject[]) : [];
}

/** Reads the addresses of a v2 customer (`GET /v2/customers/{id}`), each with its customerAddressId. */
export async function readV2Addresses(
	ctx: IExecuteFunctions,
	customerId: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	return addressesOf(await readV2Customer(ctx, customerId, itemIndex));
}
