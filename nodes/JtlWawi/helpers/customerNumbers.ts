import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { mapConcurrently, paginateByPageNumber } from '../../shared/pagination';
import { oncePerRun, runCache } from '../../shared/runCache';
import { JTL_PAGE_CONCURRENCY, JTL_PAGE_SIZE_MAX, jtlApiRequest, jtlPath } from '../transport';
import { readV1Page } from './paging';
import type { CustomerRef } from './recordShapes';

/**
 * The customer numbers the node has seen in this run, by v1 ID and by v2 UUID. Every customer
 * record that passes through the node (a lookup, a read, a list) is remembered, so that naming
 * the customer of a contact, an address or a price costs a request only for a customer the run
 * has not seen yet.
 */
interface KnownNumbers {
	byV1: Map<number, string | null>;
	byV2: Map<string, string | null>;
}

function known(ctx: object): KnownNumbers {
	const cache = runCache(ctx);
	let numbers = cache.get('jtl:customerNumbers') as KnownNumbers | undefined;
	if (!numbers) {
		numbers = { byV1: new Map(), byV2: new Map() };
		cache.set('jtl:customerNumbers', numbers);
	}
	return numbers;
}

const numberText = (value: unknown) =>
	typeof value === 'string' && value !== ''
		? value
		: typeof value === 'number'
			? String(value)
			: null;

/** Remembers the number of a customer record from either API (v1 PascalCase, v2 camelCase). */
export function rememberCustomerNumber(ctx: object, record: IDataObject): void {
	const numbers = known(ctx);
	if (record.Id !== undefined && record.Id !== null) {
		const id = Number(record.Id);
		if (Number.isInteger(id)) numbers.byV1.set(id, numberText(record.Number));
	} else if (typeof record.id === 'string') {
		numbers.byV2.set(record.id.toLowerCase(), numberText(record.customerNumber));
	}
}

/** A customer by the ID of either API. */
export type CustomerKey = { surface: 'v1'; id: number } | { surface: 'v2'; id: string };

function knownNumber(ctx: object, customer: CustomerKey): string | null | undefined {
	const numbers = known(ctx);
	return customer.surface === 'v1'
		? numbers.byV1.get(customer.id)
		: numbers.byV2.get(customer.id.toLowerCase());
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
					rememberCustomerNumber(ctx, body as IDataObject);
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
		for (const record of all) rememberCustomerNumber(ctx, record);
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
