import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { paginateByPageNumber } from '../../shared/pagination';
import {
	pageOf,
	XENTRAL_PAGE_CONCURRENCY,
	XENTRAL_PAGE_SIZE,
	xentralApiRequest,
	xentralPath,
} from '../transport';

export const MATCH_ON: FieldSpec = {
	name: 'matchOn',
	displayName: 'Match On',
	kind: 'choice',
	description: 'The field that identifies the customer',
	choices: [
		{ name: 'Customer Number', value: 'number' },
		{ name: 'Email', value: 'email' },
	],
};

/**
 * The most customers Match On Email compares in the node, on an instance whose filters compare
 * e-mails with their case: 200 pages, two minutes of Xentral's 100 requests a minute.
 */
export const EMAIL_SCAN_LIMIT = 10_000;

/** One page of the v2 customer list with these filters. */
export async function customerPage(
	ctx: IExecuteFunctions,
	qs: IDataObject,
	itemIndex: number,
	pageNumber = 1,
	pageSize = 10,
) {
	const response = await xentralApiRequest(ctx, 'GET', xentralPath`/api/v2/customers`, {
		qs: { ...qs, 'page[number]': pageNumber, 'page[size]': pageSize },
		itemIndex,
	});
	return pageOf(ctx, response.body, 'a list of customers', itemIndex);
}

const equalsFilter = (key: string, value: string): IDataObject => ({
	'filter[0][key]': key,
	'filter[0][op]': 'equals',
	'filter[0][value]': value,
});

/** The documented `in` filter: `filter[0][value][j]` for each value. */
export function inFilter(key: string, values: string[]): IDataObject {
	const qs: IDataObject = { 'filter[0][key]': key, 'filter[0][op]': 'in' };
	values.forEach((value, j) => (qs[`filter[0][value][${j}]`] = value));
	return qs;
}

export const emailOf = (record: IDataObject): string | undefined => {
	const details = record.contactDetails as IDataObject | undefined;
	const value = details?.email ?? record.email;
	return typeof value === 'string' ? value : undefined;
};
export const folded = (email: string) => email.trim().toLowerCase();

const swapCase = (text: string) =>
	[...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');

/** Per node run: whether the instance's filter ignores the case of e-mails. */
const caseReadingByRun = new WeakMap<object, Promise<boolean>>();

/**
 * Whether the instance's filters ignore case, which Xentral's documents do not say: a customer of
 * the first page with an e-mail is looked up by that e-mail in swapped case (two requests, once
 * per run), with the `in` operator every e-mail lookup of the node uses. No such customer on the first page: taken as "with case", the
 * safe reading.
 */
export function filterIgnoresCase(ctx: IExecuteFunctions, itemIndex: number): Promise<boolean> {
	let reading = caseReadingByRun.get(ctx);
	if (!reading) {
		reading = (async () => {
			const { items } = await customerPage(ctx, {}, itemIndex, 1, XENTRAL_PAGE_SIZE);
			const probe = items.find((c) => {
				const email = emailOf(c);
				return email !== undefined && swapCase(email) !== email && c.id !== undefined;
			});
			if (!probe) return false;
			const swapped = swapCase(emailOf(probe)!);
			const found = await customerPage(ctx, inFilter('email', [swapped]), itemIndex);
			return found.items.some((c) => String(c.id) === String(probe.id));
		})();
		caseReadingByRun.set(ctx, reading);
		// A failed probe is not remembered: the next item asks again.
		reading.catch(() => caseReadingByRun.delete(ctx));
	}
	return reading;
}

/** Per node run: every customer by folded e-mail, for instances whose filters keep case. */
const emailIndexByRun = new WeakMap<object, Promise<Map<string, IDataObject[]>>>();

/**
 * All customers by e-mail in lower case, read once per run (pages of 50, three side by side).
 * More than EMAIL_SCAN_LIMIT customers stop the item with what to do instead.
 */
export function emailIndex(ctx: IExecuteFunctions, itemIndex: number) {
	let index = emailIndexByRun.get(ctx);
	if (!index) {
		index = (async () => {
			const first = await customerPage(ctx, {}, itemIndex, 1, XENTRAL_PAGE_SIZE);
			if (first.total !== undefined && first.total > EMAIL_SCAN_LIMIT)
				throw new NodeOperationError(
					ctx.getNode(),
					`Match On Email (item ${itemIndex}): this Xentral instance compares e-mails with their case, and with ${first.total} customers the node cannot compare them all itself`,
					{
						itemIndex,
						description: `Xentral's filter would miss a customer whose e-mail differs only in upper and lower case, so the node compares e-mails itself, for up to ${EMAIL_SCAN_LIMIT.toLocaleString('en-US')} customers. Match on the Customer Number instead.`,
					},
				);
			const all = await paginateByPageNumber(
				async (pageNumber, pageSize) =>
					pageNumber === 1 && pageSize === XENTRAL_PAGE_SIZE
						? first
						: await customerPage(ctx, {}, itemIndex, pageNumber, pageSize),
				{
					max: EMAIL_SCAN_LIMIT,
					pageSizeMax: XENTRAL_PAGE_SIZE,
					concurrency: XENTRAL_PAGE_CONCURRENCY,
					keyOf: (c) => String((c as IDataObject).id),
				},
			);
			const byEmail = new Map<string, IDataObject[]>();
			for (const customer of all) remember(byEmail, customer);
			return byEmail;
		})();
		emailIndexByRun.set(ctx, index);
		index.catch(() => emailIndexByRun.delete(ctx));
	}
	return index;
}

function remember(byEmail: Map<string, IDataObject[]>, customer: IDataObject) {
	for (const list of byEmail.values()) {
		const at = list.findIndex((c) => String(c.id) === String(customer.id));
		if (at >= 0) list.splice(at, 1);
	}
	const email = emailOf(customer);
	if (email === undefined || email.trim() === '') return;
	const key = folded(email);
	byEmail.set(key, [...(byEmail.get(key) ?? []), customer]);
}

/**
 * After the node wrote a customer in this run: the per-run e-mail index (where one was read) knows
 * it, so a later item with the same e-mail finds it and creates no second one.
 */
export async function rememberCustomer(ctx: IExecuteFunctions, customer: IDataObject) {
	const index = emailIndexByRun.get(ctx);
	if (index) remember(await index, customer);
}

/**
 * The customers whose e-mail is `email`, in any upper and lower case. Xentral's filter is asked
 * first; where the instance's filters keep case (which its documents leave open), the
 * node compares every customer's e-mail itself, so a customer stored as `Info@Firma.de` is found
 * for `info@firma.de` on every instance.
 */
async function findCustomersByEmail(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const wanted = folded(email);
	const { items } = await customerPage(ctx, inFilter('email', [email.trim()]), itemIndex);
	const found = items.filter((c) => folded(emailOf(c) ?? '') === wanted);
	if (await filterIgnoresCase(ctx, itemIndex)) return found;
	return (await emailIndex(ctx, itemIndex)).get(wanted) ?? [];
}

/**
 * The customers whose number (exactly) or e-mail (in any case) is `value`; for a number, one page
 * is read: two matches are enough to know the key is not unique.
 */
export async function findCustomersBy(
	ctx: IExecuteFunctions,
	key: 'number' | 'email',
	value: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	if (key === 'email') return await findCustomersByEmail(ctx, value, itemIndex);
	return (await customerPage(ctx, equalsFilter('number', value), itemIndex)).items;
}
