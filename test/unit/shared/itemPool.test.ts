import type { IDataObject } from 'n8n-workflow';

import { runItemsSideBySide } from '../../../nodes/shared/itemPool';

/** Lets pending promise callbacks run: a few microtask turns. */
const turn = async () => await new Promise<void>((resolve) => queueMicrotask(() => resolve()));
const flush = async () => {
	for (let i = 0; i < 20; i++) await turn();
};

/** A run whose items finish in the order the test releases them. */
function items(keys: Array<string | undefined>, fails: number[] = []) {
	const started: number[] = [];
	const release = new Map<number, () => void>();
	let running = 0;
	let most = 0;
	const run = async (i: number): Promise<IDataObject[]> => {
		started.push(i);
		running++;
		most = Math.max(most, running);
		await new Promise<void>((resolve) => release.set(i, resolve));
		running--;
		if (fails.includes(i)) throw new Error(`item ${i} failed`);
		return [{ item: i }];
	};
	const settle = async () => {
		// Releases whatever has started, until every item that will start has finished.
		for (let rounds = 0; rounds < 100; rounds++) {
			await flush();
			for (const [i, resolve] of release) {
				release.delete(i);
				resolve();
			}
		}
	};
	return { started, run, settle, keyOf: (i: number) => keys[i], most: () => most };
}

describe('runItemsSideBySide', () => {
	it('runs up to `concurrency` items at once, in item order, and gives the outcomes in item order', async () => {
		const run = items([undefined, undefined, undefined, undefined, undefined, undefined]);
		const done = runItemsSideBySide(6, { concurrency: 4, continueOnFail: false, ...run });
		await flush();
		expect(run.started).toEqual([0, 1, 2, 3]);
		await run.settle();
		expect(await done).toEqual([0, 1, 2, 3, 4, 5].map((i) => [{ item: i }]));
		expect(run.most()).toBe(4);
	});

	it('runs items with the same key one after another, in item order', async () => {
		const run = items(['a', 'a', 'b', 'a']);
		const done = runItemsSideBySide(4, { concurrency: 4, continueOnFail: false, ...run });
		await flush();
		// Item 1 and 3 wait for item 0; item 2 has a key of its own.
		expect(run.started).toEqual([0, 2]);
		await run.settle();
		expect(run.started).toEqual([0, 2, 1, 3]);
		expect((await done).map((o) => (o as IDataObject[])[0].item)).toEqual([0, 1, 2, 3]);
	});

	it('starts no item after a failure without Continue On Fail', async () => {
		const run = items([undefined, undefined, undefined, undefined, undefined], [0]);
		const done = runItemsSideBySide(5, { concurrency: 2, continueOnFail: false, ...run });
		await run.settle();
		const outcomes = await done;
		expect(outcomes[0]).toBeInstanceOf(Error);
		// Item 1 was on its way already; items 2 to 4 never started.
		expect(run.started).toEqual([0, 1]);
		expect(outcomes[2]).toBeUndefined();
	});

	it("goes on after a failure with Continue On Fail, the failure as its item's outcome", async () => {
		const run = items([undefined, undefined, undefined], [1]);
		const done = runItemsSideBySide(3, { concurrency: 2, continueOnFail: true, ...run });
		await run.settle();
		const outcomes = await done;
		expect(outcomes[1]).toEqual(new Error('item 1 failed'));
		expect(outcomes[2]).toEqual([{ item: 2 }]);
	});
});
