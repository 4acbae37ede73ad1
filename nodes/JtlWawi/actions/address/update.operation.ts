import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	requireSomethingToSend,
	UUID_REGEX,
	uuid,
	validateField,
} from '../../../shared/validation';
import { readCollection, toProperties } from '../../../shared/fieldSpecs';
import { customerLocator } from '../../helpers/customerLocator';
import { resolveV2CustomerId } from '../../helpers/customerId';
import { jtlApiRequest, jtlPath } from '../../transport';
import { EDITABLE_ADDRESS_FIELDS } from '../../helpers/addressFields';
import { readV2Addresses } from '../../helpers/customerAddresses';
import {
	locatorValue,
	readSimplify,
	recordLocator,
	simplifyField,
} from '../../../shared/parameters';
import { simplifyAddress } from '../../helpers/simplify';
import { jtlExtraBodyFieldsProperty, withExtraBodyFields } from '../../helpers/extraFields';
import { customerRefOf } from '../../helpers/knownCustomers';
import { undocumentedNotice } from '../../helpers/undocumented';

const properties: INodeProperties[] = [
	undocumentedNotice('addressMerge'),
	customerLocator('v2', {
		description: 'The customer the address belongs to',
	}),
	recordLocator(
		{
			displayName: 'Address',
			name: 'addressId',
			searchListMethod: 'searchAddresses',
			record: 'address',
			idPlaceholder: 'b45f6432-2462-4c6f-b00f-1d9d01000000',
			idRegex: UUID_REGEX,
			idError: 'The address ID must be a UUID',
		},
		{
			hint: "From List shows the addresses of the customer above; By ID takes the address's UUID (the id Address > Get Many returns)",
		},
	),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; the rest of the address stays as it is',
		options: toProperties(EDITABLE_ADDRESS_FIELDS),
	},
	jtlExtraBodyFieldsProperty(
		'v2',
		"camelCase names of an address of JTL's customer update command; not addressType or customerAddressId",
	),
	simplifyField('address'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['update'] } },
	properties,
);

/**
 * Changes one address through the documented customer update command (`PATCH /v2/customer/update`
 * with one `addresses[]` entry carrying its `customerAddressId`, seed 001), the same command
 * Address > Add uses, so each editor field goes out under its documented name. The address is
 * checked on the customer first and read back afterwards.
 *
 * Not `PATCH /v2/customers/{id}/addresses/{addressId}`: JTL's 2.0 spec gives it a nested body
 * (Address, Identity, ContactDetails, FinancialDetails) in PascalCase, with no default flag.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const customerId = await resolveV2CustomerId(this, itemIndex);
	const addressId = validateField(
		this,
		uuid,
		locatorValue(this, 'addressId', itemIndex),
		'Address',
		itemIndex,
	) as string;
	const fields = withExtraBodyFields(
		this,
		readCollection(this, EDITABLE_ADDRESS_FIELDS, 'updateFields', 'Update Fields > ', itemIndex),
		itemIndex,
		{ reserved: ['addressType', 'customerAddressId'] },
	);
	requireSomethingToSend(this, [fields], itemIndex, {
		nothingTo: 'update',
		under: 'Update Fields or Extra Body Fields',
		field: 'address field',
	});
	const sameId = (a: IDataObject) =>
		String(a.customerAddressId ?? '').toLowerCase() === addressId.toLowerCase();
	if (!(await readV2Addresses(this, customerId, itemIndex)).some(sameId)) {
		throw new NodeOperationError(
			this.getNode(),
			`Address (item ${itemIndex}) ${addressId} is not an address of customer ${customerId}`,
			{
				itemIndex,
				description:
					'Address > Get Many with the customer UUID lists its addresses with their customerAddressId.',
			},
		);
	}
	await jtlApiRequest(this, 'PATCH', jtlPath`/v2/customer/update`, {
		body: { customerId, addresses: [{ customerAddressId: addressId, ...fields }] },
		itemIndex,
	});
	const address = (await readV2Addresses(this, customerId, itemIndex)).find(sameId);
	const out = { customerId, ...(address ?? { customerAddressId: addressId, ...fields }) };
	if (!readSimplify(this, itemIndex)) return [out];
	const customer = await customerRefOf(this, { surface: 'v2', id: customerId }, itemIndex);
	return [simplifyAddress(out, customerId, customer)];
}
