import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jtlApiRequest, jtlPath, unexpectedShape } from '../transport';
import type { AddressKind } from './addressTypes';
import {
	KIND_LABEL,
	contentKey,
	kindCounts,
	learn,
	learnAddressKinds,
	v1Addresses,
} from './addressTypes';
import { idsOfRecord } from './customerId';
import { rememberCustomer } from './knownCustomers';

/*
 * The check around a write of typed addresses (see addressTypes.ts for why JTL's addressType
 * numbers need one): what the tenant's REST v1 record says before the write, and after it.
 */

/** The customer's v1 record, read fresh. */
async function readV1(ctx: IExecuteFunctions, v1Id: number, itemIndex: number) {
	const { body } = await jtlApiRequest(ctx, 'GET', jtlPath`/customers/${v1Id}`, { itemIndex });
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw unexpectedShape(ctx, body, 'a customer', itemIndex);
	rememberCustomer(ctx, body as IDataObject);
	return body as IDataObject;
}

/** A typed address about to be written: the number the node sends and the kind it means. */
export interface TypedAddress {
	number: number;
	kind: AddressKind;
	label: string;
}

/** An existing address whose type a write changed, as read back (v2), and the kind asked for. */
export interface RetypedAddress {
	address: IDataObject;
	kind: AddressKind;
	label: string;
}

/**
 * Guards a write of typed addresses to a customer (v2 UUID and its v2 record as read before the
 * write): learns from the customer's v1 record, then gives a check to run after the write. It reads
 * the v1 record again and fails the item unless each kind grew by the addresses added, and each
 * address whose type was changed sits among the v1 addresses of the kind asked for (where its
 * content tells).
 */
export async function guardAddressKinds(
	ctx: IExecuteFunctions,
	customerUuid: string,
	v2Before: IDataObject,
	itemIndex: number,
): Promise<{
	verify: (added: TypedAddress[], newIds: string[], retyped?: RetypedAddress[]) => Promise<void>;
}> {
	const { v1 } = await idsOfRecord(ctx, v2Before, itemIndex);
	if (v1 === null) {
		// No v1 twin to check against (REST v1 does not know the customer): say so, write nothing.
		throw new NodeOperationError(
			ctx.getNode(),
			`Address Type (item ${itemIndex}) cannot be checked: customer ${customerUuid} was not found on JTL-Wawi's REST v1 API`,
			{
				itemIndex,
				description:
					'JTL does not document the addressType numbers; the node checks them against the REST v1 record of the customer, which names each address, and found none. Nothing was written.',
			},
		);
	}
	const before = await readV1(ctx, v1, itemIndex);
	learnAddressKinds(ctx, before, v2Before);
	const countsBefore = kindCounts(before);
	const fail = (label: string, message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), `${label} (item ${itemIndex}): ${message}`, {
			itemIndex,
			description: `${description} This tenant numbers address types differently from the package's assumption (0 billing, 1 shipping, 2 other billing, 3 other shipping, 4 custom); further items of this run use what was learned.`,
		});
	return {
		verify: async (added, newIds, retyped = []) => {
			if (added.length === 0 && retyped.length === 0) return;
			const after = await readV1(ctx, v1, itemIndex);
			const countsAfter = kindCounts(after);
			const expected = { ...countsBefore };
			for (const a of added) expected[a.kind]++;
			const kinds = Object.keys(expected) as AddressKind[];
			if (added.length && !kinds.every((k) => countsAfter[k] === expected[k])) {
				const grew = kinds.filter((k) => countsAfter[k] > countsBefore[k]);
				if (added.length === 1 && grew.length === 1) learn(ctx, added[0].number, grew[0]);
				const what = added
					.map((a) => `addressType ${a.number} (meant as ${KIND_LABEL[a.kind]})`)
					.join(', ');
				throw fail(
					added[0].label,
					`JTL-Wawi filed the new address as ${grew.length ? grew.map((k) => KIND_LABEL[k]).join(' and ') : 'no kind it names'}, not as asked`,
					`The node sent ${what}. The REST v1 record of customer ${v1} now has ${countsAfter.billing} billing, ${countsAfter.shipping} shipping and ${countsAfter.custom} custom addresses (before: ${countsBefore.billing}, ${countsBefore.shipping}, ${countsBefore.custom}). Added: ${newIds.join(', ') || 'unknown'}; change its type or remove it in JTL-Wawi.`,
				);
			}
			for (const a of added) learn(ctx, a.number, a.kind);
			const v1List = v1Addresses(after);
			for (const r of retyped) {
				const key = contentKey(r.address, 1);
				const found = new Set(v1List.filter((a) => a.key === key).map((a) => a.kind));
				if (found.size !== 1 || found.has(r.kind)) continue;
				const [kind] = [...found];
				learn(ctx, Number(r.address.addressType), kind);
				throw fail(
					r.label,
					`JTL-Wawi made address ${String(r.address.customerAddressId)} ${KIND_LABEL[kind]}, not ${KIND_LABEL[r.kind]}`,
					`The node sent addressType ${String(r.address.addressType)}; the REST v1 record of customer ${v1} shows that address among its ${kind} addresses. Change its type in JTL-Wawi.`,
				);
			}
		},
	};
}
