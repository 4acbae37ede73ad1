import type { IDataObject } from 'n8n-workflow';

/** How the items of a run go side by side (see `runItemsSideBySide`). */
export interface ItemPool {
	/** Items on their way at once. */
	concurrency: number;
	/** Whether a failed item becomes its error and the others go on (n8n's Continue On Fail). */
	continueOnFail: boolean;
	/**
	 * The record an item writes (a customer number, say): items with the same key run one after
	 * another, in item order. Undefined: no order with other items.
	 */
	keyOf(itemIndex: number): string | undefined;
	/** One item's records; throws when the item fails. */
	run(itemIndex: number): Promise<IDataObject[]>;
}

/**
 * Runs the items of a run a few at a time, for operations whose items each send their own
 * requests: the requests of different items, and so of different endpoints, go out side by side,
 * each paced by its endpoint's rate-limit gate, instead of one after another. Items start in item
 * order; items with the same key run in item order. Without Continue On Fail no item after a failed
 * one starts (those before it all finish, as when items run one after another), and the items
 * never started have no outcome. Returns each item's records or its error, in item order.
 */
export async function runItemsSideBySide(
	itemCount: number,
	pool: ItemPool,
): Promise<Array<IDataObject[] | Error>> {
	const outcomes = new Array<IDataObject[] | Error>(itemCount);
	const lastOfKey = new Map<string, Promise<void>>();
	let firstFailure = Infinity;
	let next = 0;
	const stopped = (itemIndex: number) => !pool.continueOnFail && itemIndex > firstFailure;
	const runOne = async (itemIndex: number, before: Promise<void> | undefined) => {
		if (before) await before;
		if (stopped(itemIndex)) return;
		try {
			outcomes[itemIndex] = await pool.run(itemIndex);
		} catch (error) {
			outcomes[itemIndex] = error instanceof Error ? error : new Error(String(error));
			firstFailure = Math.min(firstFailure, itemIndex);
		}
	};
	const worker = async () => {
		while (next < itemCount && !stopped(next)) {
			const itemIndex = next++;
			let key: string | undefined;
			try {
				key = pool.keyOf(itemIndex);
			} catch {
				// The item's own run reports what is wrong with it.
				key = undefined;
			}
			const done = runOne(itemIndex, key === undefined ? undefined : lastOfKey.get(key));
			if (key !== undefined) lastOfKey.set(key, done);
			await done;
		}
	};
	const workers = Math.max(1, Math.min(pool.concurrency, itemCount));
	await Promise.all(Array.from({ length: workers }, worker));
	return outcomes;
}
