import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireSomethingToSend } from '../../../shared/validation';
import { toProperties } from '../../../shared/fieldSpecs';
import { ADDRESS_FIELDS } from '../../helpers/addressFields';
import { CUSTOMER_FIELDS } from '../../helpers/customerFields';
import { specsFor, validateFields } from '../../helpers/apiFields';
import { PAYMENT_FIELDS } from '../../helpers/paymentFields';
import { customerLocator } from '../../helpers/customerLocator';
import { resolveV2CustomerId } from '../../helpers/customerId';
import { jtlApiRequest, jtlPath } from '../../transport';
import { addressesOf, readV2Customer } from '../../helpers/customerAddresses';
import { guardAddressKinds } from '../../helpers/addressTypeGuard';
import { numberToSend } from '../../helpers/addressTypes';
import { readAddressEntries, verifyAddressTypes } from '../../helpers/customerUpdateAddresses';
import { readCollectionParameter, readSimplify, simplifyField } from '../../../shared/parameters';
import { customerOutput } from '../../helpers/output';
import {
	jtlExtraBodyFieldsProperty,
	readJtlExtraBodyFields,
	withExtraBodyFields,
} from '../../helpers/extraFields';
import { undocumentedNotice } from '../../helpers/undocumented';
import { sendUnlessApplied } from '../../../shared/writes';

const properties: INodeProperties[] = [
	undocumentedNotice('addressTypes'),
	customerLocator('v2', {
		description: 'The customer to update',
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; everything else stays as it is',
		options: toProperties(specsFor(CUSTOMER_FIELDS, 'v2')),
	},
	{
		displayName: 'Payment Settings',
		name: 'paymentSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		options: toProperties(specsFor(PAYMENT_FIELDS, 'v2')),
	},
	{
		displayName: 'Addresses',
		name: 'addresses',
		type: 'fixedCollection',
		placeholder: 'Add Address',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'Addresses to change (give the address ID) or to add (leave the ID empty and set Address Type)',
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					{
						displayName: 'Address ID',
						name: 'customerAddressId',
						type: 'string',
						default: '',
						placeholder: 'b45f6432-2462-4c6f-b00f-1d9d01000000',
						description: 'UUID of the address to change. Leave empty to add a new address.',
						hint: 'The id Address > Get Many returns. Empty adds a new address of the Address Type set under Fields.',
					},
					{
						displayName: 'Fields',
						name: 'fields',
						type: 'collection',
						placeholder: 'Add Address Field',
						default: {},
						options: toProperties(specsFor(ADDRESS_FIELDS, 'v2')),
					},
				],
			},
		],
	},
	jtlExtraBodyFieldsProperty(
		'v2',
		'camelCase names of JTL\'s customer update command, e.g. {"ebayName": "shop_42"}; addresses go under Addresses',
	),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['update'] } },
	properties,
);

/** Builds the `PATCH /v2/customer/update` body from the item's parameters, validating each field. */
async function buildUpdateBody(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const updateFields = readCollectionParameter(this, 'updateFields', 'Update Fields', itemIndex);
	const paymentSettings = readCollectionParameter(
		this,
		'paymentSettings',
		'Payment Settings',
		itemIndex,
	);
	const addressInput = readCollectionParameter(this, 'addresses', 'Addresses', itemIndex);

	const body: IDataObject = {
		...validateFields(this, CUSTOMER_FIELDS, 'v2', updateFields, 'Update Fields > ', itemIndex),
	};
	if (Object.keys(paymentSettings).length > 0) {
		body.paymentSettings = validateFields(
			this,
			PAYMENT_FIELDS,
			'v2',
			paymentSettings,
			'Payment Settings > ',
			itemIndex,
		);
	}

	const addresses = readAddressEntries(this, addressInput, itemIndex);
	if (addresses.length > 0) body.addresses = addresses;

	const extra = readJtlExtraBodyFields(this, itemIndex);
	requireSomethingToSend(this, [body, extra], itemIndex, {
		nothingTo: 'update',
		under: 'Update Fields, Payment Settings, Addresses or Extra Body Fields',
	});
	// Addresses are typed and checked (addressTypes.ts): none may slip in unchecked.
	const merged = withExtraBodyFields(
		this,
		body,
		itemIndex,
		{ reserved: ['customerId', 'addresses'] },
		extra,
	);
	// Every field is checked first; only then may finding the customer's UUID cost a request.
	return { customerId: await resolveV2CustomerId(this, itemIndex), ...merged };
}

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = await buildUpdateBody.call(this, itemIndex);
	const customerId = body.customerId as string;
	const addresses = (body.addresses as IDataObject[] | undefined) ?? [];
	const addsAddress = addresses.some((address) => address.customerAddressId === undefined);
	const typed = addresses.filter((address) => address.addressType !== undefined);
	// JTL does not document the addressType numbers: typed addresses are checked against the
	// customer's v1 record before the write, and where they landed after it (addressTypes.ts).
	let guard: Awaited<ReturnType<typeof guardAddressKinds>> | undefined;
	let idsBefore = new Set<string>();
	const meant = new Map<IDataObject, number>();
	if (typed.length || addsAddress) {
		const before = await readV2Customer(this, customerId, itemIndex);
		idsBefore = new Set(addressesOf(before).map((a) => String(a.customerAddressId)));
		if (typed.length) guard = await guardAddressKinds(this, customerId, before, itemIndex);
		for (const address of typed) {
			const wanted = address.addressType as number;
			meant.set(address, wanted);
			address.addressType = numberToSend(
				this,
				wanted,
				`Addresses > Address ${addresses.indexOf(address) + 1} > Address Type`,
				itemIndex,
			);
		}
	}
	const send = async () =>
		await jtlApiRequest(this, 'PATCH', jtlPath`/v2/customer/update`, {
			body,
			itemIndex,
			// Setting fields twice is harmless; adding an address twice is not.
			idempotent: !addsAddress,
		});
	if (addsAddress) {
		// A command that adds addresses is sent again only when a read shows none was added, after a
		// lost answer or a server error that may have followed the write (it is applied as a whole).
		await sendUnlessApplied(
			this.getNode(),
			send,
			async () =>
				addressesOf(await readV2Customer(this, customerId, itemIndex)).some(
					(a) => !idsBefore.has(String(a.customerAddressId)),
				),
			{
				what: 'the new address',
				check: `Look at the addresses of customer ${customerId} in JTL-Wawi.`,
				itemIndex,
			},
		);
	} else {
		await send();
	}
	// The command answers without the customer: read it back, as Contact > Update does.
	const saved = await readV2Customer(this, customerId, itemIndex);
	if (guard) await verifyAddressTypes(guard, typed, addresses, meant, saved, idsBefore);
	return await customerOutput(this, [saved], readSimplify(this, itemIndex), itemIndex);
}
