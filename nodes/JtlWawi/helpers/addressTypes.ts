import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runCache } from '../../shared/runCache';

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

export const KIND_LABEL: Record<AddressKind, string> = {
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
export function contentKey(address: IDataObject, api: 0 | 1): string {
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

export function learn(ctx: object, number: number, kind: AddressKind): void {
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
