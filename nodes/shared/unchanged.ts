import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isoDateOrNull } from './customer';
import type { Shape } from './shapes';
import { readCollectionParameter } from './parameters';
import { booleanValue, validateField } from './validation';

/**
 * Skip Unchanged of Create or Update: the request body the node would send is compared with the
 * record the lookup found, and when the record already holds every value the body sets, no write
 * goes out. One comparison for every system; a system says only where the record shows a body
 * path when that is not the same path (its adapter, {@link CompareRules.readAt}).
 *
 * The values are compared after the normalisation the request would get:
 * - text is trimmed; e-mail addresses (a key that names an e-mail) in any upper and lower case;
 * - ISO codes of countries, languages and currencies (a key ending in `Iso`, `countryCode`,
 *   `languageCode` or `currencyCode`, a value of two or three letters) in any case, as the
 *   standard reads them: the node sends `DE` where the vendor may have stored `de`;
 * - numbers by value, whatever their form: `"10"`, `10` and `10.0` are one number (only where one
 *   side is a number: two texts are compared as text, so the postal code "01234" is not "1234");
 * - dates and date-times as instants in UTC; a time without an offset, on either side, is read in
 *   the vendor's zone (the credential's Time Zone), as the vendor reads it;
 * - null, an empty text and a text of blanks are the same (the vendors render an unset text
 *   either way);
 * - objects field by field, only for the fields the body sets; lists entry by entry, in order
 *   (lists the adapter names as sets: as sets).
 *
 * Never a skip on doubt: a body field the record does not show, or a value of another kind,
 * counts as a difference.
 */

/** What a record shows at a path it does not have. */
export const NOT_SHOWN: unique symbol = Symbol('not shown');

export interface CompareRules {
	/** The vendor's zone, in which times without an offset are read (IANA name). */
	timeZone: string;
	/**
	 * Where the record shows the value of a body path, for paths the vendor writes under one name
	 * and reads under another (Flow Retail: `defaultStoreUid` reads as `defaultStore.storeUid`).
	 * Return undefined to read at the same path; {@link NOT_SHOWN} when the record cannot show it.
	 */
	readAt?: (path: string[], record: IDataObject) => unknown;
	/** Dotted body paths of lists whose order and repeats mean nothing (IDs of groups). */
	unorderedLists?: string[];
}

export interface Difference {
	/** The body path, dotted, with list positions in brackets: `BillingAddress.City`. */
	path: string;
	/** `differs`: the record holds another value; `not shown`: the record does not show it. */
	reason: 'differs' | 'not shown';
}

const isPlainObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/** The value at `path` in `record`, walking own keys only; {@link NOT_SHOWN} when absent. */
export function valueAt(record: unknown, path: Array<string | number>): unknown {
	let at: unknown = record;
	for (const key of path) {
		if (typeof key === 'number') {
			if (!Array.isArray(at) || key >= at.length) return NOT_SHOWN;
			at = at[key];
		} else {
			if (!isPlainObject(at) || !Object.prototype.hasOwnProperty.call(at, key)) return NOT_SHOWN;
			at = at[key];
		}
		if (at === undefined) return NOT_SHOWN;
	}
	return at;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_TEXT =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s*(?:[zZ]|[+-]\d{2}:?\d{2})?)?$/;
const EMAIL_KEY = /e-?mail/i;
const ISO_CODE_KEY = /(?:iso|countrycode|languagecode|currencycode)$/i;
const ISO_CODE = /^[a-z]{2,3}$/i;

const isBlank = (value: unknown) =>
	value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const asNumber = (value: unknown): number | undefined => {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
	return undefined;
};

/** Whether two leaf values are the same after the request's normalisation. */
export function sameValue(sent: unknown, current: unknown, key: string, timeZone: string): boolean {
	if (isBlank(sent) || isBlank(current)) return isBlank(sent) && isBlank(current);
	if (typeof sent === 'boolean' || typeof current === 'boolean') {
		const bool = (v: unknown) =>
			typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
		const a = bool(sent);
		return a !== undefined && a === bool(current);
	}
	if (typeof sent === 'number' || typeof current === 'number') {
		const a = asNumber(sent);
		return a !== undefined && a === asNumber(current);
	}
	if (typeof sent !== 'string' || typeof current !== 'string') return false;
	const a = sent.trim();
	const b = current.trim();
	if (a === b) return true;
	if (EMAIL_KEY.test(key) && a.includes('@')) return a.toLowerCase() === b.toLowerCase();
	if (ISO_CODE_KEY.test(key) && ISO_CODE.test(a) && ISO_CODE.test(b))
		return a.toUpperCase() === b.toUpperCase();
	if (DATE_TEXT.test(a) && DATE_TEXT.test(b)) {
		const instant = isoDateOrNull(a, timeZone);
		return instant !== null && instant === isoDateOrNull(b, timeZone);
	}
	return false;
}

const join = (path: Array<string | number>) =>
	path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');

/**
 * The body paths whose values the record does not already hold; empty when a write of `body` would
 * change nothing. See the top of this file for the normalisation.
 */
export function differences(
	body: IDataObject,
	record: IDataObject,
	rules: CompareRules,
): Difference[] {
	const found: Difference[] = [];
	const unordered = new Set(rules.unorderedLists ?? []);
	const read = (path: string[]) => {
		const mapped = rules.readAt?.(path, record);
		return mapped === undefined ? valueAt(record, path) : mapped;
	};

	// Inside a list the record's entry is walked directly: the adapter maps body paths only.
	const compareIn = (sent: unknown, current: unknown, path: Array<string | number>): void => {
		const key = String([...path].reverse().find((k) => typeof k === 'string') ?? '');
		if (current === NOT_SHOWN) {
			found.push({ path: join(path), reason: 'not shown' });
		} else if (isPlainObject(sent)) {
			if (!isPlainObject(current)) {
				found.push({ path: join(path), reason: isBlank(current) ? 'not shown' : 'differs' });
				return;
			}
			for (const [k, v] of Object.entries(sent))
				if (v !== undefined) compareIn(v, valueAt(current, [k]), [...path, k]);
		} else if (Array.isArray(sent)) {
			if (!Array.isArray(current)) {
				const bothEmpty = sent.length === 0 && isBlank(current);
				if (!bothEmpty) found.push({ path: join(path), reason: 'differs' });
				return;
			}
			if (unordered.has(join(path)) && sent.every((v) => !isPlainObject(v) && !Array.isArray(v))) {
				const has = (list: unknown[], v: unknown) =>
					list.some((w) => sameValue(v, w, key, rules.timeZone));
				if (!sent.every((v) => has(current, v)) || !current.every((w) => has(sent, w)))
					found.push({ path: join(path), reason: 'differs' });
				return;
			}
			if (sent.length !== current.length) {
				found.push({ path: join(path), reason: 'differs' });
				return;
			}
			sent.forEach((v, i) => compareIn(v, current[i], [...path, i]));
		} else if (!sameValue(sent, current, key, rules.timeZone)) {
			found.push({ path: join(path), reason: 'differs' });
		}
	};

	const walk = (sent: IDataObject, path: string[]): void => {
		for (const [key, value] of Object.entries(sent)) {
			if (value === undefined) continue;
			const at = [...path, key];
			if (isPlainObject(value) && Object.keys(value).length > 0) {
				const mapped = rules.readAt?.(at, record);
				if (mapped === undefined) walk(value, at);
				else compareIn(value, mapped, at);
			} else {
				compareIn(value, read(at), at);
			}
		}
	};
	walk(body, []);
	return found;
}

/** Whether the record already holds every value the body would set. */
export const isUnchanged = (body: IDataObject, record: IDataObject, rules: CompareRules) =>
	differences(body, record, rules).length === 0;

/** The node version from which Skip Unchanged is on when the Options collection does not hold it. */
export const SKIP_UNCHANGED_SINCE = 1.1;

/** The Skip Unchanged switch of a Create or Update's Options collection. */
export function skipUnchangedOption(): INodeProperties {
	return {
		displayName: 'Skip Unchanged',
		name: 'skipUnchanged',
		type: 'boolean',
		default: true,
		description:
			'Whether to send no write when the record found already holds every value this item would set (text trimmed, e-mails in any case, numbers and dates by value). The output is then the record as read, with unchanged: true; with this on, every item says unchanged: true or false. On by default in nodes added from version 1.1; older nodes write as before until this is added.',
	};
}

/**
 * Whether Skip Unchanged is on for the item: the option when the Options collection holds it,
 * else on for nodes of version 1.1 and later, off for older ones (so a saved workflow keeps writing
 * as it did).
 */
export function readSkipUnchanged(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const options = readCollectionParameter(ctx, 'options', 'Options', itemIndex);
	if (options.skipUnchanged === undefined) return ctx.getNode().typeVersion >= SKIP_UNCHANGED_SINCE;
	return validateField(
		ctx,
		booleanValue,
		options.skipUnchanged,
		'Options > Skip Unchanged',
		itemIndex,
	);
}

/**
 * The output items of a Create or Update with Skip Unchanged on: each with `unchanged` (true when
 * no write was sent). With it off, the items go out as they are, without the key.
 */
export function markUnchanged(
	items: IDataObject[],
	skipUnchanged: boolean,
	unchanged: boolean,
): IDataObject[] {
	return skipUnchanged ? items.map((item) => ({ ...item, unchanged })) : items;
}

/**
 * The output shapes of a node version that has Skip Unchanged on by default: Customer > Create or
 * Update also says `unchanged` (the source of that version's output schemas).
 */
export function withUnchangedOutput(
	shapes: Record<string, Record<string, Shape>>,
): Record<string, Record<string, Shape>> {
	const customer = shapes.customer;
	if (!customer?.upsert) return shapes;
	return {
		...shapes,
		customer: { ...customer, upsert: { ...customer.upsert, unchanged: 'boolean' } },
	};
}
