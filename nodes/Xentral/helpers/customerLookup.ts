import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { XENTRAL_PAGE_SIZE } from '../transport';
import {
	customerPage,
	emailIndex,
	emailOf,
	filterIgnoresCase,
	folded,
	inFilter,
} from './customerMatch';

/** How Create or Update identifies a customer. */
export type MatchOn = 'number' | 'email';

/** What a key is compared as: a number exactly, an e-mail in any upper and lower case. */
export const matchKeyOf = (matchOn: MatchOn, value: string) =>
	matchOn === 'email' ? folded(value) : value;

/** The customers found per match key, or the error of the lookup that should have found them. */
export type Lookup = Map<string, IDataObject[] | Error>;

/**
 * Every customer of the list with `key in values`, page after page (a customer number may be
 * shared, so one key can bring more than one customer).
 */
async function customersIn(
	ctx: IExecuteFunctions,
	key: string,
	values: string[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let pageNumber = 1; ; pageNumber++) {
		const page = await customerPage(
			ctx,
			inFilter(key, values),
			itemIndex,
			pageNumber,
			XENTRAL_PAGE_SIZE,
		);
		all.push(...page.items);
		const more =
			page.total !== undefined ? all.length < page.total : page.items.length === XENTRAL_PAGE_SIZE;
		if (!more || page.items.length === 0) return all;
	}
}

/**
 * The customers of the run's match keys, with Xentral's documented `in` filter on the v2 customer
 * list: one request per 50 keys (the page size), instead of one per item. Keys are compared as
 * {@link matchKeyOf} says. E-mails: where the instance's filter compares them with their case
 * (probed once per run), the run's index of every customer's e-mail answers instead, as for a
 * single lookup. A failed request fails the keys it asked for, and only those.
 */
export async function lookUpCustomers(
	ctx: IExecuteFunctions,
	matchOn: MatchOn,
	keys: Array<{ value: string; itemIndex: number }>,
): Promise<Lookup> {
	const found: Lookup = new Map();
	const byKey = new Map<string, { value: string; itemIndex: number }>();
	for (const k of keys)
		if (!byKey.has(matchKeyOf(matchOn, k.value))) byKey.set(matchKeyOf(matchOn, k.value), k);
	const wanted = [...byKey.entries()];
	if (wanted.length === 0) return found;
	if (matchOn === 'email') {
		try {
			if (!(await filterIgnoresCase(ctx, wanted[0][1].itemIndex))) {
				const index = await emailIndex(ctx, wanted[0][1].itemIndex);
				for (const [key] of wanted) found.set(key, index.get(key) ?? []);
				return found;
			}
		} catch (error) {
			for (const [key] of wanted) found.set(key, error as Error);
			return found;
		}
	}
	for (let start = 0; start < wanted.length; start += XENTRAL_PAGE_SIZE) {
		const chunk = wanted.slice(start, start + XENTRAL_PAGE_SIZE);
		try {
			const customers = await customersIn(
				ctx,
				matchOn,
				chunk.map(([, k]) => (matchOn === 'email' ? k.value.trim() : k.value)),
				chunk[0][1].itemIndex,
			);
			for (const [key] of chunk) found.set(key, []);
			for (const customer of customers) {
				const value = matchOn === 'email' ? emailOf(customer) : customer.number;
				if (value === undefined || value === null) continue;
				const list = found.get(matchKeyOf(matchOn, String(value)));
				if (Array.isArray(list)) list.push(customer);
			}
		} catch (error) {
			for (const [key] of chunk) found.set(key, error as Error);
		}
	}
	return found;
}
