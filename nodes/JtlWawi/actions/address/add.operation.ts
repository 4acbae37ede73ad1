import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readCollection, readField, toProperties, toProperty } from '../../../shared/fieldSpecs';
import { customerLocator } from '../../helpers/customerLocator';
import { resolveV2CustomerId } from '../../helpers/customerId';
import { sendUnlessApplied } from '../../../shared/writes';
import { jtlApiRequest, jtlPath } from '../../transport';
import { ADDRESS_TYPE_SPEC, EDITABLE_ADDRESS_FIELDS } from '../../helpers/addressFields';
import { addressesOf, readV2Addresses, readV2Customer } from '../../helpers/customerAddresses';
import { guardAddressKinds } from '../../helpers/addressTypeGuard';
import { ASSUMED_KIND, learnedTypeName, numberToSend } from '../../helpers/addressTypes';
import { readSimplify, simplifyField } from '../../../shared/parameters';
import { jtlExtraBodyFieldsProperty, withExtraBodyFields } from '../../helpers/extraFields';
import { simplifyAddress } from '../../helpers/simplify';
import { customerRefOf } from '../../helpers/knownCustomers';
import { undocumentedNotice } from '../../helpers/undocumented';

const properties: INodeProperties[] = [
	undocumentedNotice('addressTypes'),
	customerLocator('v2', {
		description: 'The customer to add the address to',
	}),
	toProperty(ADDRESS_TYPE_SPEC, { required: true }),
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: toProperties(EDITABLE_ADDRESS_FIELDS),
	},
	jtlExtraBodyFieldsProperty(
		'v2',
		"camelCase names of an address of JTL's customer update command; not addressType or customerAddressId",
	),
	simplifyField('address'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['address'], operation: ['add'] } },
	properties,
);

/**
 * Adds one address through the customer update command (`PATCH /v2/customer/update` with a single
 * address without ID), so nothing else of the customer is sent, and returns the new address.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const wanted = readField(this, ADDRESS_TYPE_SPEC, 'addressType', itemIndex) as number;
	// The type is checked against the tenant's data (addressTypes.ts): extra fields may not set it.
	const fields = withExtraBodyFields(
		this,
		readCollection(this, EDITABLE_ADDRESS_FIELDS, 'fields', 'Fields > ', itemIndex),
		itemIndex,
		{ reserved: ['addressType', 'customerAddressId'] },
	);
	const customerId = await resolveV2CustomerId(this, itemIndex);

	const customer = await readV2Customer(this, customerId, itemIndex);
	const before = new Set(addressesOf(customer).map((a) => a.customerAddressId));
	// JTL does not document the addressType numbers: check them against the customer's v1 record
	// before the write, and that the address landed among the addresses of its kind after it.
	const guard = await guardAddressKinds(this, customerId, customer, itemIndex);
	const addressType = numberToSend(this, wanted, ADDRESS_TYPE_SPEC.displayName, itemIndex);
	const addedSinceBefore = async () =>
		(await readV2Addresses(this, customerId, itemIndex)).filter(
			(a) => !before.has(a.customerAddressId),
		);
	const send = async () =>
		await jtlApiRequest(this, 'PATCH', jtlPath`/v2/customer/update`, {
			body: { customerId, addresses: [{ addressType, ...fields }] },
			itemIndex,
			// Adding is not idempotent: a blind repeat after a lost answer would add it twice.
			idempotent: false,
		});
	// The answer may be lost on the way back, or a server error may follow the write: then read
	// first, and repeat only if nothing was added.
	await sendUnlessApplied(this.getNode(), send, async () => (await addedSinceBefore()).length > 0, {
		what: 'the address',
		check: `Look at the addresses of customer ${customerId} in JTL-Wawi.`,
		itemIndex,
	});
	const added = await addedSinceBefore();
	await guard.verify(
		[{ number: addressType, kind: ASSUMED_KIND[wanted], label: ADDRESS_TYPE_SPEC.displayName }],
		added.map((a) => String(a.customerAddressId)),
	);
	const out = added.length
		? added.map((a) => ({ customerId, ...a }))
		: [{ customerId, addressType, ...fields }];
	if (!readSimplify(this, itemIndex)) return out;
	const ref = await customerRefOf(this, { surface: 'v2', id: customerId }, itemIndex);
	return out.map((a) => simplifyAddress(a, customerId, ref, learnedTypeName(this, a)));
}
