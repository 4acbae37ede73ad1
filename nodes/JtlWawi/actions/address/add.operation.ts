import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readCollection, readField, toProperties, toProperty } from '../../../shared/fieldSpecs';
import { customerLocator } from '../../helpers/customerLocator';
import { resolveV2CustomerId } from '../../helpers/customerId';
import { sendUnlessApplied } from '../../../shared/writes';
import { jtlApiRequest, jtlPath } from '../../transport';
import { ADDRESS_TYPE_SPEC, EDITABLE_ADDRESS_FIELDS } from '../../helpers/addressCatalog';
import { readV2Addresses } from '../../helpers/customerAddresses';
import { readSimplify, simplifyField } from '../../../shared/parameters';
import { simplifyAddress } from '../../helpers/recordShapes';

const properties: INodeProperties[] = [
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
	const customerId = await resolveV2CustomerId(this, itemIndex);
	const addressType = readField(this, ADDRESS_TYPE_SPEC, 'addressType', itemIndex) as number;
	const fields = readCollection(this, EDITABLE_ADDRESS_FIELDS, 'fields', 'Fields > ', itemIndex);

	const before = new Set(
		(await readV2Addresses(this, customerId, itemIndex)).map((a) => a.customerAddressId),
	);
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
	const out = added.length
		? added.map((a) => ({ customerId, ...a }))
		: [{ customerId, addressType, ...fields }];
	return readSimplify(this, itemIndex) ? out.map((a) => simplifyAddress(a, customerId)) : out;
}
