import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { uuid, validateField } from '../../../shared/validation';
import { readCollection, toProperties } from '../../../shared/fieldSpecs';
import { customerLocator } from '../../helpers/customerLocator';
import { readV2CustomerId } from '../../helpers/customerId';
import { jtlApiRequest } from '../../transport';
import { EDITABLE_ADDRESS_FIELDS } from '../../helpers/addressCatalog';
import { readV2Addresses } from '../../helpers/customerAddresses';

const properties: INodeProperties[] = [
	customerLocator('v2', {
		description: 'The customer the address belongs to, by its UUID (REST v2)',
	}),
	{
		displayName: 'Address ID',
		name: 'addressId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'b45f6432-2462-4c6f-b00f-1d9d01000000',
		description:
			'The UUID of the address (customerAddressId), as returned by Address > Get Many with a customer UUID',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; the rest of the address stays as it is',
		options: toProperties(EDITABLE_ADDRESS_FIELDS),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['update'] } },
	properties,
);

/**
 * `PATCH /v2/customers/{customerId}/addresses/{addressId}` with only the changed fields, then
 * re-reads the customer and returns the updated address.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = readV2CustomerId(this, itemIndex);
	const addressId = validateField(
		this,
		uuid,
		this.getNodeParameter('addressId', itemIndex),
		'Address ID',
		itemIndex,
	);
	const body = readCollection(
		this,
		EDITABLE_ADDRESS_FIELDS,
		'updateFields',
		'Update Fields > ',
		itemIndex,
	);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Nothing to update (item ${itemIndex}): add at least one address field`,
			{ itemIndex },
		);
	}
	await jtlApiRequest(this, 'PATCH', `/v2/customers/${customerId}/addresses/${addressId}`, {
		body,
		itemIndex,
	});
	const address = (await readV2Addresses(this, customerId, itemIndex)).find(
		(a) => a.customerAddressId === addressId,
	);
	return [{ customerId, ...(address ?? { customerAddressId: addressId, ...body }) }];
}
