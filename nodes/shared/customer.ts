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
	/**
	 * The system's own customer number, the one people use; null where the system has none (Flow
	 * Retail). Never another system's key: that is `externalId`.
	 */
	number: string | null;
	/** A key the customer carries from another system (Flow Retail's `externalId`), else null. */
	externalId: string | null;
	type: 'person' | 'company' | null;
	company: string | null;
	firstName: string | null;
	lastName: string | null;
	email: string | null;
	/** The landline number; never a mobile number. */
	phone: string | null;
	/** The mobile number. */
	mobile: string | null;
	/** The main address: street with house number, postal code, city, ISO 3166 alpha-2 country. */
	street: string | null;
	postalCode: string | null;
	city: string | null;
	countryIso: string | null;
	groupId: string | null;
	/** ISO 639-1, lower case. */
	languageIso: string | null;
	/**
	 * When the record was created and last changed in the system: ISO 8601 date-times in UTC. A
	 * business date a user can edit is never `createdAt`: that is `customerSince`.
	 */
	createdAt: string | null;
	updatedAt: string | null;
	/** The date since when the customer is a customer, as a business date (YYYY-MM-DD), else null. */
	customerSince: string | null;
	isLocked: boolean | null;
	/** Which system the record came from, e.g. `jtlWawi`. */
	source: string;
}

/** The keys of the common shape, in the order they are output and documented. */
export const COMMON_CUSTOMER_KEYS = [
	'id',
	'legacyId',
	'number',
	'externalId',
	'type',
	'company',
	'firstName',
	'lastName',
	'email',
	'phone',
	'mobile',
	'street',
	'postalCode',
	'city',
	'countryIso',
	'groupId',
	'languageIso',
	'createdAt',
	'updatedAt',
	'customerSince',
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

/** A date-time text that names its offset (`Z`, `+02:00`, `-0500`) and so needs no zone. */
const HAS_OFFSET = /\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Whether the runtime knows `zone` as an IANA time zone name. */
export function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** The offset of a time zone from UTC at an instant, in milliseconds (Europe/Berlin in summer: +2 h). */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * An ISO 8601 UTC date-time, or null for anything that is not a date. A time without an offset is
 * a wall-clock time of the vendor: it is read in `timeZone` (an IANA zone such as Europe/Berlin),
 * never in the zone of the n8n server. Without a zone, such a time is read as UTC.
 */
export function isoDateOrNull(value: unknown, timeZone = 'UTC'): string | null {
	const text = textOrNull(value);
	if (text === null) return null;
	const local = HAS_OFFSET.test(text) ? null : LOCAL_DATE_TIME.exec(text);
	if (!local) {
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? null : new Date(ms).toISOString();
	}
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = local;
	const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.floor(+`0.${frac}` * 1000));
	const check = new Date(wall);
	// Date.UTC rolls a 13th month or a 25th hour over; such a text is no date.
	if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || check.getUTCHours() !== +h)
		return null;
	// The zone's offset at the wall time, corrected once for a change of offset in between (DST).
	let utc = wall - zoneOffsetMs(wall, timeZone);
	utc = wall - zoneOffsetMs(utc, timeZone);
	return new Date(utc).toISOString();
}

/** A calendar date (YYYY-MM-DD) as the system states it, or null; a time part is dropped. */
export function dateOnlyOrNull(value: unknown): string | null {
	const text = textOrNull(value);
	const match = text === null ? null : /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
	return match ? match[1] : null;
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
 * `timeZone` is the vendor's zone for date-times that carry no offset.
 */
export function toCommonCustomer(
	source: string,
	values: CustomerValues,
	timeZone = 'UTC',
): CommonCustomer {
	const company = textOrNull(values.company);
	const firstName = textOrNull(values.firstName);
	const lastName = textOrNull(values.lastName);
	const givenType = values.type === 'person' || values.type === 'company' ? values.type : null;
	const derivedType = company ? 'company' : firstName || lastName ? 'person' : null;
	return {
		id: textOrNull(values.id),
		legacyId: textOrNull(values.legacyId),
		number: textOrNull(values.number),
		externalId: textOrNull(values.externalId),
		type: givenType ?? derivedType,
		company,
		firstName,
		lastName,
		email: textOrNull(values.email),
		phone: textOrNull(values.phone),
		mobile: textOrNull(values.mobile),
		street: textOrNull(values.street),
		postalCode: textOrNull(values.postalCode),
		city: textOrNull(values.city),
		countryIso: codeOrNull(values.countryIso, 2, true),
		groupId: textOrNull(values.groupId),
		languageIso: codeOrNull(values.languageIso, 2, false),
		createdAt: isoDateOrNull(values.createdAt, timeZone),
		updatedAt: isoDateOrNull(values.updatedAt, timeZone),
		customerSince: dateOnlyOrNull(values.customerSince),
		isLocked: typeof values.isLocked === 'boolean' ? values.isLocked : null,
		source,
	};
}
