import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customerPath, readAnyCustomerId } from '../../helpers/customerId';
import { unexpectedShape, jtlApiRequest } from '../../transport';
import { customerLocator } from '../../helpers/customerLocator';
import { readSimplify, simplifyField } from '../../../shared/parameters';
import { simplifyAddress } from '../../helpers/simplify';
import { v1AddressesBySlot } from '../../helpers/addressTypes';

const properties: INodeProperties[] = [
	customerLocator('any', {
		description:
			'The customer whose addresses to return: a numeric ID reads them through REST v1, a UUID through REST v2 (which also returns the address IDs needed to update one)',
	}),
	simplifyField('address'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['getAll'] } },
	properties,
);

/** Flattens a v1 customer's addresses into one list, each marked with its type. */
function flattenV1Addresses(customer: IDataObject): IDataObject[] {
	return v1AddressesBySlot(customer).map(({ address, name }) => ({
		customerId: customer.Id,
		type: name,
		...address,
	}));
}

/** One item per address of the customer. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customer = readAnyCustomerId(this, itemIndex);
	const { body } = await jtlApiRequest<IDataObject>(this, 'GET', customerPath(customer), {
		itemIndex,
	});
	if (!body || typeof body !== 'object') throw unexpectedShape(this, body, 'a customer', itemIndex);
	const addresses =
		customer.surface === 'v1'
			? flattenV1Addresses(body)
			: (Array.isArray(body.addresses) ? (body.addresses as IDataObject[]) : []).map((a) => ({
					customerId: body.id ?? customer.id,
					...a,
				}));
	if (!readSimplify(this, itemIndex)) return addresses;
	// The customer record just read carries the number: no further request.
	const number = customer.surface === 'v1' ? body.Number : body.customerNumber;
	const ref = { number: typeof number === 'string' && number !== '' ? number : null };
	return addresses.map((a) => simplifyAddress(a, a.customerId, ref));
}
