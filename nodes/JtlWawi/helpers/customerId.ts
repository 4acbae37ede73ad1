import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import type { RequestContext } from '../../shared/http';
import { oncePerRun, runCache } from '../../shared/runCache';
import { int32Id, uuid, validateField } from '../../shared/validation';
import type { JtlPath } from '../transport';
import {
	JTL_PAGE_CONCURRENCY,
	JTL_PAGE_SIZE_MAX,
	jtlApiRequest,
	jtlPath,
	unexpectedShape,
} from '../transport';
import { mapConcurrently } from '../../shared/pagination';
import { allV1Customers, rememberCustomerNumber } from './customerNumbers';
import { locatorValue } from '../../shared/parameters';
import { readV1Page, readV2Page } from './paging';
import { requestV2CustomerList } from './v2Lists';
import { isV1Record } from './simplify';

/** A customer ID in either JTL ID space: v1 whole number or v2 UUID. */
export type AnyCustomerId = { surface: 'v1'; id: number } | { surface: 'v2'; id: string };

/** Both IDs of one customer and the number that links them; null where JTL has none. */
export interface CustomerIds {
	v1: number | null;
	v2: string | null;
	number: string | null;
}

const neither = z.custom<never>(() => false, {
	message: 'must be a positive whole number (v1) or a UUID (v2)',
});

/** Reads and validates a customer locator that accepts both ID spaces. */
export function readAnyCustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'customerId',
	label = 'Customer',
): AnyCustomerId {
	return parseAnyCustomerId(ctx, locatorValue(ctx, name, itemIndex), itemIndex, label);
}

/** Validates a value as a customer ID of either space. */
export function parseAnyCustomerId(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	value: unknown,
	itemIndex: number,
	label = 'Customer',
): AnyCustomerId {
	const asUuid = uuid.safeParse(value);
	if (asUuid.success) return { surface: 'v2', id: asUuid.data };
	// Digits are meant as a v1 ID: say what is wrong with the number (0, too large).
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value))) {
		return { surface: 'v1', id: validateField(ctx, int32Id, value, label, itemIndex) };
	}
	return validateField(ctx, neither, value, label, itemIndex);
}

/** The customer's path on its API: `/customers/12` or `/v2/customers/<uuid>`. */
export function customerPath(customer: AnyCustomerId): JtlPath {
	return customer.surface === 'v1'
		? jtlPath`/customers/${customer.id}`
		: jtlPath`/v2/customers/${customer.id}`;
}

function notFound(
	ctx: RequestContext,
	label: string,
	itemIndex: number,
	tried: string,
	detail: string,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`${label} (item ${itemIndex}) was not found: JTL-Wawi has no customer ${tried}`,
		{ itemIndex, description: detail },
	);
}

/** The v1 customer with exactly this number (`GET /customers?number=`), once per run. */
async function v1IdByNumber(
	ctx: RequestContext,
	number: string,
	itemIndex: number,
): Promise<number | null> {
	return await oncePerRun(ctx, `jtl:v1ByNumber:${number}`, async () => {
		const { body } = await jtlApiRequest(ctx, 'GET', jtlPath`/customers`, {
			qs: { number, pageNumber: 1, pageSize: 10 },
			itemIndex,
		});
		const items = readV1Page(body).items;
		for (const c of items) rememberCustomerNumber(ctx, c);
		// JTL may match by prefix: only an exact number counts.
		const exact = items.filter((c) => String(c.Number) === number);
		return exact.length === 1 ? Number(exact[0].Id) : null;
	});
}

interface V2NumberIndex {
	byNumber: Map<string, string>;
	nextPage: number;
	done: boolean;
	/** The list failed (an older JTL-Wawi has none): not asked again in this run. */
	failed: boolean;
}

/**
 * The v2 UUID of the customer with this number. The v2 list has no number filter (JTL documents
 * only date filters and sorting), so the list is read page by page, sorted by number, until the
 * number turns up. What was read is kept for the run: the whole list costs one pass at most.
 */
async function v2IdByNumber(
	ctx: RequestContext,
	number: string,
	itemIndex: number,
): Promise<string | null> {
	const cache = runCache(ctx);
	let index = cache.get('jtl:v2NumberIndex') as V2NumberIndex | undefined;
	if (!index) {
		index = { byNumber: new Map(), nextPage: 1, done: false, failed: false };
		cache.set('jtl:v2NumberIndex', index);
	}
	const readPage = async (qs: IDataObject) => {
		const page = readV2Page(
			await requestV2CustomerList(ctx, { pageSize: JTL_PAGE_SIZE_MAX, ...qs }, itemIndex),
		);
		for (const c of page.items) {
			rememberCustomerNumber(ctx, c);
			const key = typeof c.customerNumber === 'string' ? c.customerNumber : null;
			if (key !== null && !index.byNumber.has(key)) index.byNumber.set(key, String(c.id));
		}
		return page;
	};
	if (index.failed) return index.byNumber.get(number) ?? null;
	const wasComplete = index.done;
	while (!index.byNumber.has(number) && !index.done) {
		// A failing or missing v2 list (an older JTL-Wawi) ends the search for the run, so that it
		// is not asked again for every customer; a page that arrives clears the mark.
		index.failed = true;
		const page = await readPage({
			pageNumber: index.nextPage,
			sortBy: 'customerNumber,id',
			sortDescending: false,
		});
		index.failed = false;
		index.nextPage++;
		index.done = page.hasMore === false || page.items.length < JTL_PAGE_SIZE_MAX;
	}
	// Read completely earlier in this run: a customer created since then is among the newest.
	if (!index.byNumber.has(number) && wasComplete) {
		await readPage({ pageNumber: 1, sortBy: 'createdDate,id', sortDescending: true });
	}
	return index.byNumber.get(number) ?? null;
}

/**
 * Up to this many v2 customers of a list have their v1 IDs looked up one number at a time; a longer
 * list reads the whole v1 list once instead (about one request per 100 customers).
 */
export const LIST_LOOKUPS_ONE_BY_ONE = 25;

/** Number → v1 ID of every v1 customer, from one read of the whole v1 list (pages in parallel). */
async function v1NumberIndex(ctx: RequestContext, itemIndex: number): Promise<Map<string, number>> {
	const byNumber = new Map<string, number>();
	for (const c of await allV1Customers(ctx, itemIndex)) {
		if (typeof c.Number === 'string' && c.Number !== '') byNumber.set(c.Number, Number(c.Id));
	}
	return byNumber;
}

/**
 * Both IDs of every customer of a list, in the list's order. The IDs the list's API gave are kept;
 * the other ones are looked up by customer number: one by one for a short v2 list, from one read
 * of the whole other list otherwise (the v2 list is read sorted by number, once per run). A lookup
 * that fails leaves the other ID null and the list as it is.
 */
export async function idsOfList(
	ctx: RequestContext,
	records: IDataObject[],
	itemIndex: number,
): Promise<CustomerIds[]> {
	const own = records.map((record): CustomerIds => {
		const isV1 = isV1Record(record);
		const rawNumber = isV1 ? record.Number : record.customerNumber;
		const number = typeof rawNumber === 'string' && rawNumber !== '' ? rawNumber : null;
		return isV1
			? { v1: Number(record.Id), v2: null, number }
			: { v1: null, v2: String(record.id).toLowerCase(), number };
	});
	const needV1 = own.filter((ids) => ids.v1 === null && ids.number !== null);
	const needV2 = own.filter((ids) => ids.v2 === null && ids.number !== null);
	try {
		if (needV1.length > LIST_LOOKUPS_ONE_BY_ONE) {
			const index = await v1NumberIndex(ctx, itemIndex);
			for (const ids of needV1) ids.v1 = index.get(ids.number as string) ?? null;
		} else if (needV1.length) {
			await mapConcurrently(needV1, JTL_PAGE_CONCURRENCY, async (ids) => {
				ids.v1 = await v1IdByNumber(ctx, ids.number as string, itemIndex);
			});
		}
		// The v2 index is one sorted pass shared by all numbers: asked one after another.
		for (const ids of needV2) ids.v2 = await v2IdByNumber(ctx, ids.number as string, itemIndex);
	} catch {
		// The list stands with the IDs its API gave; the others stay null.
	}
	return own;
}

/** Both IDs of a customer record from either API; the missing one is looked up by number. */
export async function idsOfRecord(
	ctx: RequestContext,
	record: IDataObject,
	itemIndex: number,
): Promise<CustomerIds> {
	const isV1 = isV1Record(record);
	const rawNumber = isV1 ? record.Number : record.customerNumber;
	const number = typeof rawNumber === 'string' && rawNumber !== '' ? rawNumber : null;
	if (isV1) {
		const v1 = Number(record.Id);
		return { v1, number, v2: number === null ? null : await v2IdByNumber(ctx, number, itemIndex) };
	}
	const v2 = String(record.id).toLowerCase();
	return { v2, number, v1: number === null ? null : await v1IdByNumber(ctx, number, itemIndex) };
}

/** Both IDs of the customer with this ID (its record, then the other API by number), once per run. */
export async function customerIdsOf(
	ctx: RequestContext,
	customer: AnyCustomerId,
	itemIndex: number,
	label = 'Customer',
): Promise<CustomerIds> {
	return await oncePerRun(
		ctx,
		`jtl:customer:${customer.surface}:${String(customer.id).toLowerCase()}`,
		async () => {
			const response = await jtlApiRequest(ctx, 'GET', customerPath(customer), {
				itemIndex,
			}).catch((error: unknown) => {
				if (error instanceof NodeApiError && error.httpCode === '404') {
					return notFound(
						ctx,
						label,
						itemIndex,
						`with the ${customer.surface === 'v1' ? 'ID' : 'UUID'} ${customer.id}`,
						`JTL-Wawi answered 404 for ${customer.surface === 'v1' ? 'GET /customers' : 'GET /v2/customers'}/${customer.id}.`,
					);
				}
				throw error;
			});
			if (response instanceof NodeOperationError) throw response;
			const body = response.body;
			if (!body || typeof body !== 'object' || Array.isArray(body)) {
				throw unexpectedShape(ctx, body, 'a customer', itemIndex);
			}
			rememberCustomerNumber(ctx, body as IDataObject);
			return await idsOfRecord(ctx, body as IDataObject, itemIndex);
		},
	);
}

/**
 * The customer parameter as the ID the API of an operation takes. Either ID is accepted: one of
 * the other space is resolved through the customer number, once per run. Only a customer that
 * cannot be found fails, and the message names the ID that was tried.
 */
async function customerIdFor(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	value: unknown,
	itemIndex: number,
	want: 'v1' | 'v2',
	label: string,
): Promise<number | string> {
	const customer = parseAnyCustomerId(ctx, value, itemIndex, label);
	if (customer.surface === want) return customer.id;
	const ids = await customerIdsOf(ctx, customer, itemIndex, label);
	const id = ids[want];
	if (id === null) {
		const other = want === 'v1' ? 'REST v1 ID (whole number)' : 'REST v2 UUID';
		throw notFound(
			ctx,
			label,
			itemIndex,
			`with a ${other} for ${customer.surface === 'v1' ? 'ID' : 'UUID'} ${customer.id}`,
			`The customer ${customer.id} has the customer number ${ids.number ?? '(none)'}; no customer with that number was found on JTL-Wawi's ${want === 'v1' ? 'REST v1' : 'REST v2'} API.`,
		);
	}
	return id;
}

/** The customer as a v1 (whole-number) ID; a UUID is resolved to it. */
export async function resolveV1CustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label = 'Customer',
	value: unknown = locatorValue(ctx, 'customerId', itemIndex),
): Promise<number> {
	return (await customerIdFor(ctx, value, itemIndex, 'v1', label)) as number;
}

/** The customer as a v2 UUID; a whole-number ID is resolved to it. */
export async function resolveV2CustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label = 'Customer',
	value: unknown = locatorValue(ctx, 'customerId', itemIndex),
): Promise<string> {
	return (await customerIdFor(ctx, value, itemIndex, 'v2', label)) as string;
}
