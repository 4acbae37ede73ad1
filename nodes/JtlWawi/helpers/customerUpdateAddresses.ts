import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import { uuid, validateField } from '../../shared/validation';
import { ADDRESS_FIELDS } from './addressFields';
import type { guardAddressKinds } from './addressTypeGuard';
import { ASSUMED_KIND } from './addressTypes';
import { addressesOf } from './customerAddresses';
import { validateFields } from './apiFields';

/**
 * The addresses of a customer update (`PATCH /v2/customer/update`): the entries to send, and the
 * check after the write that each typed address landed where it was meant (addressTypes.ts).
 */

/**
 * The Addresses entries of the item, each checked: one with an Address ID changes that address,
 * one without adds an address and needs an Address Type.
 */
export function readAddressEntries(
	ctx: IExecuteFunctions,
	addressInput: IDataObject,
	itemIndex: number,
): IDataObject[] {
	const entries = validateField(
		ctx,
		z.array(z.record(z.unknown()), { invalid_type_error: 'must be a list of addresses' }),
		addressInput.address ?? [],
		'Addresses',
		itemIndex,
	) as IDataObject[];
	return entries.map((entry, position) => {
		const label = `Addresses > Address ${position + 1} > `;
		const fields = validateFields(
			ctx,
			ADDRESS_FIELDS,
			'v2',
			(entry.fields as IDataObject) ?? {},
			label,
			itemIndex,
		);
		const id = String(entry.customerAddressId ?? '').trim();
		if (id)
			return {
				customerAddressId: validateField(ctx, uuid, id, `${label}Address ID`, itemIndex),
				...fields,
			};
		if (fields.addressType === undefined) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${label}Address Type (item ${itemIndex}) is required to add an address`,
				{
					itemIndex,
					description:
						'Give the Address ID of an existing address to change it, or set Address Type to add a new one.',
				},
			);
		}
		return fields;
	});
}

type AddressGuard = Awaited<ReturnType<typeof guardAddressKinds>>;

/**
 * After the write: the typed addresses (`meant`: the type the user chose) checked against the saved
 * customer; new ones are those whose IDs were not there before.
 */
export async function verifyAddressTypes(
	guard: AddressGuard,
	typed: IDataObject[],
	addresses: IDataObject[],
	meant: Map<IDataObject, number>,
	saved: IDataObject,
	idsBefore: Set<string>,
): Promise<void> {
	const label = (address: IDataObject) =>
		`Addresses > Address ${addresses.indexOf(address) + 1} > Address Type`;
	const kindOf = (address: IDataObject) => ASSUMED_KIND[meant.get(address) as number];
	await guard.verify(
		typed
			.filter((a) => a.customerAddressId === undefined)
			.map((a) => ({ number: a.addressType as number, kind: kindOf(a), label: label(a) })),
		addressesOf(saved)
			.map((a) => String(a.customerAddressId))
			.filter((id) => !idsBefore.has(id)),
		typed
			.filter((a) => a.customerAddressId !== undefined)
			.map((a) => ({
				address:
					addressesOf(saved).find(
						(s) =>
							String(s.customerAddressId).toLowerCase() ===
							String(a.customerAddressId).toLowerCase(),
					) ?? a,
				kind: kindOf(a),
				label: label(a),
			})),
	);
}
