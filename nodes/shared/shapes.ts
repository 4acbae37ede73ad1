import type { IDataObject } from 'n8n-workflow';

import { COMMON_CUSTOMER_KEYS, textOrNull } from './customer';

/**
 * The package's compact record shapes besides the customer: what Simplify returns for contacts,
 * addresses and prices, the same from every system and API. Each shape is a list of camelCase keys
 * with their type, defined once here; the vendor mappings fill them, and the output schemas the
 * editor shows are generated from them (scripts/generate-schemas.mjs), so they cannot drift.
 * Every key is always present; a value the system does not hold is null.
 */
export type ShapeFieldType = 'string' | 'number' | 'boolean';

export type Shape = Readonly<Record<string, ShapeFieldType>>;

export const CONTACT_SHAPE = {
	id: 'string',
	customerId: 'string',
	customerNumber: 'string',
	salutation: 'string',
	firstName: 'string',
	lastName: 'string',
	email: 'string',
	phone: 'string',
	mobilePhone: 'string',
	fax: 'string',
	department: 'string',
} as const satisfies Shape;

export const ADDRESS_SHAPE = {
	id: 'string',
	customerId: 'string',
	customerNumber: 'string',
	type: 'string',
	isDefault: 'boolean',
	company: 'string',
	salutation: 'string',
	firstName: 'string',
	lastName: 'string',
	street: 'string',
	additionalAddressLine: 'string',
	postalCode: 'string',
	city: 'string',
	state: 'string',
	countryIso: 'string',
	email: 'string',
	phone: 'string',
} as const satisfies Shape;

export const PRICE_SHAPE = {
	itemId: 'string',
	customerId: 'string',
	customerNumber: 'string',
	fromQuantity: 'number',
	netPrice: 'number',
	percentReduction: 'number',
} as const satisfies Shape;

/** The common customer shape (customer.ts) in the same terms, for the output schemas. */
export const CUSTOMER_SHAPE: Shape = Object.fromEntries(
	COMMON_CUSTOMER_KEYS.map((key) => [key, key === 'isLocked' ? 'boolean' : 'string']),
);

/** A record of a shape: one entry per key, in the shape's order. */
export type ShapeRecord<S extends Shape> = {
	[K in keyof S]:
		| (S[K] extends 'number' ? number : S[K] extends 'boolean' ? boolean : string)
		| null;
};

function valueOf(type: ShapeFieldType, value: unknown): string | number | boolean | null {
	if (type === 'boolean') return typeof value === 'boolean' ? value : null;
	if (type === 'number') {
		const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		return typeof n === 'number' && Number.isFinite(n) ? n : null;
	}
	return textOrNull(value);
}

/** Builds a record of a shape from what a vendor mapping read; anything left out becomes null. */
export function toShape<S extends Shape>(
	shape: S,
	values: Partial<Record<keyof S, unknown>>,
): ShapeRecord<S> & IDataObject {
	const out: IDataObject = {};
	for (const [key, type] of Object.entries(shape)) {
		out[key] = valueOf(type, values[key as keyof S]);
	}
	if (typeof out.countryIso === 'string') out.countryIso = out.countryIso.toUpperCase();
	return out as ShapeRecord<S> & IDataObject;
}
