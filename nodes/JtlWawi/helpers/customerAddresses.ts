import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { unexpectedShape, jtlApiRequest } from '../../transport';
import type { FieldSpec } from '../../../shared/fieldSpecs';
import { ADDRESS_FIELDS } from '../customer/update.operation';

/** Address fields that can be set on one address (the type is fixed once it exists). */
export const EDITABLE_ADDRESS_FIELDS: FieldSpec[] = ADDRESS_FIELDS.filter(
	(f) => f.name !== 'addressType',
);

/** Reads the v2 customer's addresses. */
export async function readV2Addresses(
	ctx: IExecuteFunctions,
	customerId: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { body } = await jtlApiRequest<IDataObject>(ctx, 'GET', `/v2/customers/${customerId}`, {
		itemIndex,
	});
	if (!body || typeof body !== 'object') throw unexpectedShape(ctx, body, 'a customer', itemIndex);
	return Array.isArray(body.addresses) ? (body.addresses as IDataObject[]) : [];
}
