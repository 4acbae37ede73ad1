import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	JTL_PAGE_CONCURRENCY,
	JTL_PAGE_SIZE_MAX,
	jtlApiRequest,
	jtlPath,
	unexpectedShape, asArray, readV1Page
} from '../transport';
import { mapConcurrently } from '../../shared/pagination';
import { oncePerRun, runCache } from '../../shared/runCache';
import type { PriceKey } from './customerPriceParameters';

/**
 * Looks records up by their natural key: to match (Create or Update), and to learn whether a
 * create whose answer was lost was applied.
 */

/** The customers whose number is exactly `number` (`GET /customers?number=` may match by prefix). */
export async function customersByNumber(
	ctx: IExecuteFunctions,
	number: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { body } = await jtlApiRequest(ctx, 'GET', jtlPath`/customers`, {
		qs: { number, pageNumber: 1, pageSize: 10 },
		itemIndex,
	});
	return readV1Page(body).items.filter((c) => String(c.Number) === number);
}

/**
 * Create or Update over many items matches every item against one read of the whole v1 customer
 * list (the directory) instead of one `GET /customers?number=` per item, when that read is cheaper:
 * when the list has at most half as many pages as the run has items. Page 1 tells the total; the
 * other pages are read 4 at a time. Below that, or when the first page gives no total, or when
 * the read fails, items are looked up one by one as before.
 */
const DIRECTORY_KEY = 'jtl:customerDirectory';

/** Below this many items the saving is small, and the probe of page 1 may be wasted. */
export const DIRECTORY_MIN_ITEMS = 10;

type Directory = Map<string, IDataObject[]> | null;

async function readDirectory(ctx: IExecuteFunctions, itemIndex: number): Promise<Directory> {
	const items = ctx.getInputData().length;
	if (items < DIRECTORY_MIN_ITEMS) return null;
	const page = async (pageNumber: number) =>
		readV1Page(
			(
				await jtlApiRequest(ctx, 'GET', jtlPath`/customers`, {
					qs: { pageNumber, pageSize: JTL_PAGE_SIZE_MAX },
					itemIndex,
				})
			).body,
		);
	try {
		const first = await page(1);
		if (first.total === undefined) return null;
		const pages = Math.max(1, Math.ceil(first.total / JTL_PAGE_SIZE_MAX));
		if (pages > items / 2) return null;
		const rest = await mapConcurrently(
			Array.from({ length: pages - 1 }, (_, i) => i + 2),
			JTL_PAGE_CONCURRENCY,
			page,
		);
		const byNumber = new Map<string, IDataObject[]>();
		for (const c of [first, ...rest].flatMap((p) => p.items)) {
			const number = String(c.Number);
			byNumber.set(number, [...(byNumber.get(number) ?? []), c]);
		}
		return byNumber;
	} catch {
		// No directory: each item is looked up on its own, and fails on its own if JTL does.
		return null;
	}
}

/**
 * The customers with exactly this number, for Create or Update: from the run's directory when there
 * is one (see above), else by `GET /customers?number=`.
 */
export async function customersByNumberForUpsert(
	ctx: IExecuteFunctions,
	number: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const directory = await oncePerRun(ctx, DIRECTORY_KEY, async () => readDirectory(ctx, itemIndex));
	if (!directory) return await customersByNumber(ctx, number, itemIndex);
	return directory.get(number) ?? [];
}

/** Records what Create or Update wrote, so that a later item of the run with that number finds it. */
export async function rememberUpserted(ctx: IExecuteFunctions, saved: IDataObject): Promise<void> {
	const directory = (await runCache(ctx).get(DIRECTORY_KEY)) as Directory | undefined;
	if (directory && typeof saved.Number === 'string') directory.set(saved.Number, [saved]);
}

/** The customer with this number, when there is exactly one. */
export async function customerByNumber(
	ctx: IExecuteFunctions,
	number: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const found = await customersByNumber(ctx, number, itemIndex);
	return found.length === 1 ? found[0] : undefined;
}

/** The price of an item for a customer from a quantity (JTL has no GET for a single price). */
export async function priceByKey(
	ctx: IExecuteFunctions,
	key: PriceKey,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const response = await jtlApiRequest(ctx, 'GET', jtlPath`/items/${key.itemId}/customerPrices`, {
		itemIndex,
	});
	const prices = asArray(response.body);
	if (!prices) throw unexpectedShape(ctx, response.body, 'a list of customer prices', itemIndex);
	return prices.find(
		(p) =>
			Number(p.CustomerId) === key.customerId && Number(p.FromQuantity ?? 0) === key.fromQuantity,
	);
}
