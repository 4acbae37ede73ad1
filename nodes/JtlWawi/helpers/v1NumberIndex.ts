import type { RequestContext } from '../../shared/http';
import { oncePerRun } from '../../shared/runCache';
import { jtlApiRequest, jtlPath, readV1Page } from '../transport';
import { allV1Customers, rememberCustomer } from './knownCustomers';

// Customer number → REST v1 ID: one number at a time, or the whole v1 list at once (the v2 side
// is in v2NumberIndex.ts).

/** The v1 customer with exactly this number (`GET /customers?number=`), once per run. */
export async function v1IdByNumber(
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
		for (const c of items) rememberCustomer(ctx, c);
		// JTL may match by prefix: only an exact number counts.
		const exact = items.filter((c) => String(c.Number) === number);
		return exact.length === 1 ? Number(exact[0].Id) : null;
	});
}

/** Number → v1 ID of every v1 customer, from one read of the whole v1 list (pages in parallel). */
export async function v1NumberIndex(
	ctx: RequestContext,
	itemIndex: number,
): Promise<Map<string, number>> {
	const byNumber = new Map<string, number>();
	for (const c of await allV1Customers(ctx, itemIndex)) {
		if (typeof c.Number === 'string' && c.Number !== '') byNumber.set(c.Number, Number(c.Id));
	}
	return byNumber;
}
