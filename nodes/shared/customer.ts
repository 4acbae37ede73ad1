import type { IDataObject } from 'n8n-workflow';

/**
 * The package's one customer shape. "Simplify" returns it from every system and every operation
 * that yields a customer, so a workflow that moves customers between two systems needs no mapping
 * of its own. Every key is always present; a value the system does not hold is null.
 */
export interface CommonCustomer extends IDataObject {
	/**
	 * The customer's ID in the system's current API (JTL-Wawi: the REST v2 UUID), whichever API
	 * answered; null only when that API could not tell it.
	 */
	id: string | null;
	/**
	 * The same customer's ID in the system's older API, where it has one (JTL-Wawi: the REST v1
	 * whole number, as text); null for systems with one ID and where it could not be found.
	 */
	legacyId: string | null;
	/** The customer number people use (the shared business key). */
	number: string | null;
	type: 'person' | 'company' | null;
	company: string | null;
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	phone: string | null;
	/** The main address: street with house number, postal code, city, ISO 3166 alpha-2 country. */
	street: string | null;
	postalCode: string | null;
	city: string | null;
	countryIso: string | null;
	groupId: string | null;
	/** ISO 639-1, lower case. */
	languageIso: string | null;
	/** ISO 8601 date-times in UTC. */
	createdAt: string | null;
	updatedAt: string | null;
	isLocked: boolean | null;
	/** Which system the record came from, e.g. `jtlWawi`. */
	source: string;
}

/** The keys of the common shape, in the order they are output and documented. */
export const COMMON_CUSTOMER_KEYS = [
	'id',
	'legacyId',
	'number',
	'type',
	'company',
	'firstName',
	'lastName',
	'email',
	'phone',
	'street',
	'postalCode',
	'city',
	'countryIso',
	'groupId',
	'languageIso',
	'createdAt',
	'updatedAt',
	'isLocked',
	'source',
] as const;

/** What a vendor mapping reads out of its record; anything left out becomes null. */
export type CustomerValues = { [K in Exclude<keyof CommonCustomer, 'source'>]?: unknown };

/** Text or null: numbers become text, blank text and objects become null. */
export function textOrNull(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

/** An ISO 8601 UTC date-time, or null for anything that is not a date. */
export function isoDateOrNull(value: unknown): string | null {
	const text = textOrNull(value);
	if (text === null) return null;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function codeOrNull(value: unknown, letters: number, upper: boolean): string | null {
	const text = textOrNull(value);
	if (text === null || !new RegExp(`^[A-Za-z]{${letters}}$`).test(text)) return null;
	return upper ? text.toUpperCase() : text.toLowerCase();
}

/**
 * Builds the common shape from what a vendor mapping read. Values are normalised the same way for
 * every system: trimmed text, UTC dates, upper-case countries, lower-case languages. The type is
 * taken as given, or else derived: a company name makes a company, a person's name a person.
 */
export function toCommonCustomer(source: string, values: CustomerValues): CommonCustomer {
	const company = textOrNull(values.company);
	const firstName = textOrNull(values.firstName);
	const lastName = textOrNull(values.lastName);
	const givenType = values.type === 'person' || values.type === 'company' ? values.type : null;
	const derivedType = company ? 'company' : firstName || lastName ? 'person' : null;
	return {
		id: textOrNull(values.id),
		legacyId: textOrNull(values.legacyId),
		number: textOrNull(values.number),
		type: givenType ?? derivedType,
		company,
		firstName,
		lastName,
		email: textOrNull(values.email),
		phone: textOrNull(values.phone),
		street: textOrNull(values.street),
		postalCode: textOrNull(values.postalCode),
		city: textOrNull(values.city),
		countryIso: codeOrNull(values.countryIso, 2, true),
		groupId: textOrNull(values.groupId),
		languageIso: codeOrNull(values.languageIso, 2, false),
		createdAt: isoDateOrNull(values.createdAt),
		updatedAt: isoDateOrNull(values.updatedAt),
		isLocked: typeof values.isLocked === 'boolean' ? values.isLocked : null,
		source,
	};
}
