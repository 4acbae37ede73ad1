import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { mapConcurrently, paginateByPageNumber } from '../../shared/pagination';
import { oncePerRun, runCache } from '../../shared/runCache';
import {
	JTL_PAGE_CONCURRENCY,
	JTL_PAGE_SIZE_MAX,
	jtlApiRequest,
	jtlPath,
	readV1Page,
} from '../transport';
import type { CustomerRef } from './simplify';

/**
 * What the node has seen of each customer in this run, by v1 ID, by v2 UUID and by customer number
 * (the number links a customer's v1 and v2 records). Every customer record that passes through the
 * node (a lookup, a read, a list page) is remembered, so that the other API's ID, the customer's
 * number, its v1 CustomerSince or its v2 group UUID cost a request only for a customer the run has
 * not seen yet. Only these few values are kept, never whole records.
 */
export interface KnownCustomer {
	v1: number | null;
	v2: string | null;
	number: string | null;
	/** v1 `CustomerSince` as JTL sent it; undefined until the v1 record was seen. */
	customerSince?: unknown;
	/** v2 `customerGroupId` (a UUID); undefined until the v2 record was seen. */
	groupV2?: string | null;
	/** v2 `lastChanged` as JTL sent it; undefined until the v2 record was seen. */
	lastChanged?: unknown;
}

interface Known {
	byV1: Map<number, KnownCustomer>;
	byV2: Map<string, KnownCustomer>;
	byNumber: Map<string, KnownCustomer>;
}

function known(ctx: object): Known {
	const cache = runCache(ctx);
	let store = cache.get('jtl:knownCustomers') as Known | undefined;
	if (!store) {
		store = { byV1: new Map(), byV2: new Map(), byNumber: new Map() };
		cache.set('jtl:knownCustomers', store);
	}
	return store;
}

const numberText = (value: unknown) =>
	typeof value === 'string' && value !== ''
		? value
		: typeof value === 'number'
			? String(value)
			: null;

/** Remembers a customer record from either API (v1 PascalCase, v2 camelCase). */
export function rememberCustomer(ctx: object, record: IDataObject): void {
	const store = known(ctx);
	const isV1 = record.Id !== undefined && record.Id !== null;
	if (!isV1 && typeof record.id !== 'string') return;
	const number = numberText(isV1 ? record.Number : record.customerNumber);
	const v1 = isV1 ? Number(record.Id) : null;
	if (isV1 && !Number.isInteger(v1)) return;
	const v2 = isV1 ? null : (record.id as string).toLowerCase();
	const entry =
		(v1 !== null ? store.byV1.get(v1) : store.byV2.get(v2 as string)) ??
		(number !== null ? store.byNumber.get(number) : undefined) ??
		({ v1: null, v2: null, number } as KnownCustomer);
	entry.number = number;
	if (v1 !== null) {
		entry.v1 = v1;
		entry.customerSince = record.CustomerSince ?? null;
		store.byV1.set(v1, entry);
	} else {
		entry.v2 = v2;
		entry.groupV2 = typeof record.customerGroupId === 'string' ? record.customerGroupId : null;
		entry.lastChanged = record.lastChanged ?? null;
		store.byV2.set(v2 as string, entry);
	}
	if (number !== null) store.byNumber.set(number, entry);
}

/** A customer by the ID of either API. */
export type CustomerKey = { surface: 'v1'; id: number } | { surface: 'v2'; id: string };

/** What the run has seen of a customer, by either ID or by number; undefined if nothing. */
export function knownCustomer(
	ctx: object,
	key: CustomerKey | { number: string },
): KnownCustomer | undefined {
	const store = known(ctx);
	if ('number' in key) return store.byNumber.get(key.number);
	return key.surface === 'v1' ? store.byV1.get(key.id) : store.byV2.get(key.id.toLowerCase());
}

function knownNumber(ctx: object, customer: CustomerKey): string | null | undefined {
	const entry = knownCustomer(ctx, customer);
	return entry ? entry.number : undefined;
}

/**
 * The customer a contact, address or price belongs to, with its number: from what the run has seen,
 * else one read of the customer (once per run). A customer that cannot be read (deleted since, say)
 * gives a null number; the record it belongs to is still returned.
 */
export async function customerRefOf(
	ctx: RequestContext,
	customer: CustomerKey,
	itemIndex?: number,
): Promise<CustomerRef> {
	const seen = knownNumber(ctx, customer);
	if (seen !== undefined) return { number: seen };
	const path =
		customer.surface === 'v1'
			? jtlPath`/customers/${customer.id}`
			: jtlPath`/v2/customers/${customer.id}`;
	const number = await oncePerRun(
		ctx,
		`jtl:customerRef:${customer.surface}:${customer.id}`,
		async () => {
			try {
				const { body } = await jtlApiRequest(ctx, 'GET', path, { itemIndex });
				if (body && typeof body === 'object' && !Array.isArray(body))
					rememberCustomer(ctx, body as IDataObject);
			} catch {
				// The record stands without its customer's number.
			}
			return knownNumber(ctx, customer) ?? null;
		},
	);
	return { number };
}

/**
 * Every customer of the v1 list, read once per run (page 1 tells the total, the rest 4 pages at a
 * time); their numbers are remembered.
 */
export async function allV1Customers(
	ctx: RequestContext,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await oncePerRun(ctx, 'jtl:v1CustomerList', async () => {
		const all = await paginateByPageNumber(
			async (pageNumber, pageSize) =>
				readV1Page(
					(
						await jtlApiRequest(ctx, 'GET', jtlPath`/customers`, {
							qs: { pageNumber, pageSize },
							itemIndex,
						})
					).body,
				),
			{
				max: Number.POSITIVE_INFINITY,
				pageSizeMax: JTL_PAGE_SIZE_MAX,
				concurrency: JTL_PAGE_CONCURRENCY,
				keyOf: (c) => String((c as IDataObject).Id),
			},
		);
		for (const record of all) rememberCustomer(ctx, record);
		return all;
	});
}

/**
 * Up to this many customers not seen yet are read one by one (4 at a time); more cost one read of
 * the whole v1 customer list instead (about one request per 100 customers).
 */
export const CUSTOMER_READS_ONE_BY_ONE = 25;

/**
 * The customers of many v1 records (the prices of an item), with their numbers, at the fewest
 * requests: those the run has seen cost nothing; a few others one read each; many others one read
 * of the whole v1 list.
 */
export async function customerRefsOfV1(
	ctx: RequestContext,
	ids: number[],
	itemIndex?: number,
): Promise<Map<number, CustomerRef>> {
	const unknown = [...new Set(ids)].filter(
		(id) => knownNumber(ctx, { surface: 'v1', id }) === undefined,
	);
	if (unknown.length > CUSTOMER_READS_ONE_BY_ONE) {
		try {
			await allV1Customers(ctx, itemIndex);
		} catch {
			// Each unknown customer is read on its own below.
		}
	}
	const out = new Map<number, CustomerRef>();
	await mapConcurrently([...new Set(ids)], JTL_PAGE_CONCURRENCY, async (id) => {
		out.set(id, await customerRefOf(ctx, { surface: 'v1', id }, itemIndex));
	});
	return out;
}
