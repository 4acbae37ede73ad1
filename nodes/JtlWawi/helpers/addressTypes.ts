import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runCache } from '../../shared/runCache';
import { jtlApiRequest, jtlPath, unexpectedShape } from '../transport';
import { idsOfRecord } from './customerId';
import { rememberCustomer } from './knownCustomers';

/**
 * What kind of address an `addressType` number is. JTL documents the v2 `addressType` only as an
 * integer (example 0) of an enum `CustomerAddressType` whose GraphQL form has the values
 * SHIPMENT_ADDRESS, BILLING_ADDRESS, OTHER; which number is which is not documented. The package
 * assumes 0 billing, 1 shipping, 2 other billing, 3 other shipping, 4 custom, and never writes on
 * that assumption alone where the tenant's own data says otherwise:
 *
 * - REST v1 names every address by its slot (BillingAddress, Shipmentaddress, CustomAddress and the
 *   OtherAddresses lists): documented kinds. Matching a customer's v2 addresses to its v1
 *   addresses by their content tells which kind each v2 number is in this tenant. What a run
 *   learns this way serves all its items.
 * - Before a typed address is written, that evidence is checked: a number this tenant uses for
 *   another kind is replaced by the number it uses for this kind, or the item is refused when no
 *   such number is known.
 * - After the write, the customer's v1 record is read again: the kind that gained the address must
 *   be the kind asked for. Otherwise the item fails, naming the address that was added and the kind
 *   JTL gave it, and the run remembers the tenant's number for the next items.
 */
export type AddressKind = 'billing' | 'shipping' | 'custom';

/** The package's assumed kind of each v2 number. */
export const ASSUMED_KIND: Readonly<Record<number, AddressKind>> = {
	0: 'billing',
	1: 'shipping',
	2: 'billing',
	3: 'shipping',
	4: 'custom',
};

const KIND_LABEL: Record<AddressKind, string> = {
	billing: 'a billing address',
	shipping: 'a shipping address',
	custom: 'a custom address',
};

/**
 * Where REST v1 keeps each kind of address inside the customer record: the single slots and the
 * lists of further addresses, with the kind and the compact shape's `type` name of each.
 */
export const V1_ADDRESS_SLOTS: ReadonlyArray<{
	slot: string;
	list: boolean;
	kind: AddressKind;
	name: string;
}> = [
	{ slot: 'BillingAddress', list: false, kind: 'billing', name: 'billing' },
	{ slot: 'Shipmentaddress', list: false, kind: 'shipping', name: 'shipping' },
	{ slot: 'CustomAddress', list: false, kind: 'custom', name: 'custom' },
	{ slot: 'OtherBillingAddresses', list: true, kind: 'billing', name: 'otherBilling' },
	{ slot: 'OtherShippingAddresses', list: true, kind: 'shipping', name: 'otherShipping' },
	{ slot: 'OtherCustomerAddresses', list: true, kind: 'custom', name: 'otherCustom' },
];

/** The addresses of a v1 customer record, each with its slot. */
export function v1AddressesBySlot(
	customer: IDataObject,
): Array<{ address: IDataObject; kind: AddressKind; name: string }> {
	const out: Array<{ address: IDataObject; kind: AddressKind; name: string }> = [];
	const others = (customer.OtherAddresses ?? {}) as IDataObject;
	for (const { slot, list, kind, name } of V1_ADDRESS_SLOTS) {
		const value = list ? others[slot] : customer[slot];
		const entries = list ? (Array.isArray(value) ? value : []) : value ? [value] : [];
		for (const address of entries as unknown[])
			if (address && typeof address === 'object')
				out.push({ address: address as IDataObject, kind, name });
	}
	return out;
}

/** The content fields of an address: v1 name, v2 name. */
const CONTENT: Array<[string, string]> = [
	['Company', 'companyName'],
	['Company2', 'additionalCompanyLine'],
	['FormOfAddress', 'salutation'],
	['Title', 'title'],
	['FirstName', 'firstName'],
	['LastName', 'lastName'],
	['Street', 'street'],
	['Address2', 'additionalAddressLine'],
	['PostalCode', 'postalCode'],
	['City', 'city'],
	['State', 'state'],
	['CountryIso', 'countryIso'],
	['VatID', 'vatId'],
	['PhoneNumber', 'phoneNumber'],
	['MobilePhoneNumber', 'mobilePhoneNumber'],
	['EmailAddress', 'emailAddress'],
	['Fax', 'faxNumber'],
];

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** An address's content as one comparable key, from either API's field names. */
function contentKey(address: IDataObject, api: 0 | 1): string {
	return JSON.stringify(CONTENT.map((names) => text(address[names[api]]).toLowerCase()));
}

/** The addresses of a v1 customer with their kind and content key. */
export function v1Addresses(customer: IDataObject): Array<{ kind: AddressKind; key: string }> {
	return v1AddressesBySlot(customer).map(({ address, kind }) => ({
		kind,
		key: contentKey(address, 0),
	}));
}

/** How many addresses of each kind a v1 customer has. */
export function kindCounts(customer: IDataObject): Record<AddressKind, number> {
	const counts: Record<AddressKind, number> = { billing: 0, shipping: 0, custom: 0 };
	for (const { kind } of v1Addresses(customer)) counts[kind]++;
	return counts;
}

/** The kinds the run has seen for each v2 number; a number with two kinds is left out. */
function learned(ctx: object): Map<number, AddressKind | null> {
	const cache = runCache(ctx);
	let map = cache.get('jtl:addressKinds') as Map<number, AddressKind | null> | undefined;
	if (!map) {
		map = new Map();
		cache.set('jtl:addressKinds', map);
	}
	return map;
}

function learn(ctx: object, number: number, kind: AddressKind): void {
	const map = learned(ctx);
	const before = map.get(number);
	map.set(number, before === undefined || before === kind ? kind : null);
}

/**
 * Learns from one customer's two records which kind its v2 numbers are: a v2 address whose content
 * matches v1 addresses of one kind only is evidence for its number.
 */
export function learnAddressKinds(ctx: object, v1: IDataObject, v2: IDataObject): void {
	const v1List = v1Addresses(v1);
	const addresses = Array.isArray(v2.addresses) ? (v2.addresses as IDataObject[]) : [];
	for (const address of addresses) {
		const number = Number(address.addressType);
		if (!Number.isInteger(number)) continue;
		const key = contentKey(address, 1);
		const kinds = new Set(v1List.filter((a) => a.key === key).map((a) => a.kind));
		if (kinds.size === 1) learn(ctx, number, [...kinds][0]);
	}
}

/** The kind of a v2 number: what the run learned, else the package's assumption. */
export function kindOfNumber(ctx: object, number: number): AddressKind | undefined {
	return learned(ctx).get(number) ?? ASSUMED_KIND[number];
}

const NAMES: Record<AddressKind, [string, string]> = {
	billing: ['billing', 'otherBilling'],
	shipping: ['shipping', 'otherShipping'],
	custom: ['custom', 'otherCustom'],
};

/**
 * The compact shape's `type` of a v2 address where the run learned that this tenant uses its
 * number for another kind than the package assumes; undefined where the assumed name stands.
 */
export function learnedTypeName(ctx: object, address: IDataObject): string | undefined {
	const number = Number(address.addressType);
	const kind = Number.isInteger(number) ? learned(ctx).get(number) : undefined;
	if (!kind || kind === ASSUMED_KIND[number]) return undefined;
	return NAMES[kind][address.isDefaultAddress === false ? 1 : 0];
}

/**
 * The number to send for an address of the kind the assumed number `wanted` stands for: `wanted`
 * itself unless the run learned that this tenant uses it for another kind; then the one number
 * the run learned for the kind asked for. Refuses (naming the field and the item) when there is
 * none.
 */
export function numberToSend(
	ctx: IExecuteFunctions,
	wanted: number,
	label: string,
	itemIndex: number,
): number {
	const kind = ASSUMED_KIND[wanted];
	const map = learned(ctx);
	const seen = map.get(wanted);
	if (kind === undefined || seen === undefined || seen === null || seen === kind) return wanted;
	const others = [...map.entries()].filter(([, k]) => k === kind).map(([n]) => n);
	if (others.length === 1) return others[0];
	throw new NodeOperationError(
		ctx.getNode(),
		`${label} (item ${itemIndex}) cannot be written safely: this JTL-Wawi uses addressType ${wanted} for ${KIND_LABEL[seen]}, not for ${KIND_LABEL[kind]}, and its number for ${KIND_LABEL[kind]} is not known`,
		{
			itemIndex,
			description:
				"JTL does not document the addressType numbers. The customer's REST v1 record, which names each address, shows that this tenant numbers them differently from the package's assumption (0 billing, 1 shipping, 2 other billing, 3 other shipping, 4 custom). Nothing was written. Address > Get Many with the customer's UUID (Simplify off) shows the numbers its addresses have.",
		},
	);
}

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
