import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	IPairedItemData,
} from 'n8n-workflow';

import type { OperationModule } from '../../../nodes/shared/router';
import { createRouter, resourceModule } from '../../../nodes/shared/router';
import { mockExecuteContext } from '../../harness/mockContext';

const field = (name: string): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
});

const operation = (...names: string[]): OperationModule => ({
	description: names.map(field),
	execute: async () => [],
});

describe('resourceModule', () => {
	it('lists the dropdown first, then the fields of each operation in the order of the operations', () => {
		const create = operation('a', 'b');
		const del = operation('c');
		const get = operation();
		const resource = resourceModule(field('operation'), { create, delete: del, get });
		expect(resource.description.map((p) => p.name)).toEqual(['operation', 'a', 'b', 'c']);
		expect(resource.operations).toEqual({ create, delete: del, get });
	});
});

describe('createRouter running items side by side', () => {
	/** A context of `count` input items for the resource `r`, operation `op`. */
	function context(count: number) {
		return {
			getInputData: () => Array.from({ length: count }, (_, i) => ({ json: { i } })),
			getNodeParameter: (name: string) => (name === 'resource' ? 'r' : 'op'),
			getNode: () => ({ name: 'Test', type: 'test', typeVersion: 1, parameters: {} }),
			helpers: {
				returnJsonArray: (records: IDataObject[]) => records.map((json) => ({ json })),
				constructExecutionMetaData: (
					items: INodeExecutionData[],
					{ itemData }: { itemData: { item: number } },
				) => items.map((item) => ({ ...item, pairedItem: itemData })),
			},
		} as unknown as IExecuteFunctions;
	}

	/**
	 * An operation whose items finish in reverse order (later items sooner), that records how many
	 * run at once and in which order items of one key run. `fails` lists items that throw.
	 */
	function tracked(keyOf: (i: number) => string | undefined, fails: number[] = []) {
		let running = 0;
		const seen = { peak: 0, started: [] as number[], finished: [] as number[] };
		const module: OperationModule = {
			description: [],
			itemKey: (i) => keyOf(i),
			execute: async (i) => {
				seen.started.push(i);
				running++;
				seen.peak = Math.max(seen.peak, running);
				for (let t = 0; t < 20 - i; t++) await Promise.resolve();
				running--;
				seen.finished.push(i);
				if (fails.includes(i)) throw new Error(`item ${i} failed`);
				return [{ item: i }];
			},
		};
		const router = createRouter({ r: resourceModule(field('operation'), { op: module }) });
		return { router, seen };
	}

	it('runs up to `concurrency` items at once and keeps the output in item order', async () => {
		const { router, seen } = tracked(() => undefined);
		const [out] = await router.call(context(12), { continueOnFail: false, concurrency: 4 });
		expect(seen.peak).toBe(4);
		expect(out.map((o) => o.json.item)).toEqual(Array.from({ length: 12 }, (_, i) => i));
		expect(out.map((o) => o.pairedItem)).toEqual(
			Array.from({ length: 12 }, (_, i) => ({ item: i })),
		);
	});

	it('runs items one after another without a concurrency', async () => {
		const { router, seen } = tracked(() => undefined);
		await router.call(context(5), { continueOnFail: false });
		expect(seen.peak).toBe(1);
		expect(seen.finished).toEqual([0, 1, 2, 3, 4]);
	});

	it('runs items that share a key one after another, in item order', async () => {
		const { router, seen } = tracked((i) => (i % 3 === 0 ? 'same' : undefined));
		const [out] = await router.call(context(10), { continueOnFail: false, concurrency: 10 });
		expect(seen.finished.filter((i) => i % 3 === 0)).toEqual([0, 3, 6, 9]);
		// The others did not wait for them.
		expect(seen.finished.indexOf(8)).toBeLessThan(seen.finished.indexOf(0));
		expect(out).toHaveLength(10);
	});

	it('gives each failed item its error item under Continue On Fail', async () => {
		const { router } = tracked(() => undefined, [2, 5]);
		const [out] = await router.call(context(8), { continueOnFail: true, concurrency: 3 });
		expect(out.map((o) => o.json.error ?? o.json.item)).toEqual([
			0,
			1,
			'item 2 failed',
			3,
			4,
			'item 5 failed',
			6,
			7,
		]);
		expect(out.map((o) => o.pairedItem)).toEqual(
			Array.from({ length: 8 }, (_, i) => ({ item: i })),
		);
	});

	it('without Continue On Fail fails with the first failed item and starts none after it', async () => {
		const { router, seen } = tracked(() => undefined, [3]);
		await expect(
			router.call(context(20), { continueOnFail: false, concurrency: 4 }),
		).rejects.toThrow('item 3 failed');
		expect(Math.max(...seen.started)).toBeLessThan(10);
		// Every item before the failed one ran.
		expect(seen.finished).toEqual(expect.arrayContaining([0, 1, 2]));
	});
});

describe('createRouter with an operation that has a finish step', () => {
	/** A context with `count` items whose helpers pair records with their item as n8n does. */
	function context(count: number) {
		const ctx = mockExecuteContext(
			Array.from({ length: count }, () => ({ resource: 'thing', operation: 'make' })),
		);
		ctx.helpers = {
			returnJsonArray: (records: IDataObject[]) => records.map((json) => ({ json })),
			constructExecutionMetaData: (
				items: INodeExecutionData[],
				meta: { itemData: IPairedItemData },
			) => items.map((item) => ({ ...item, pairedItem: meta.itemData })),
		} as unknown as IExecuteFunctions['helpers'];
		return ctx;
	}
	const seen: Array<Array<IDataObject[] | Error>> = [];
	const make: OperationModule = {
		description: [],
		execute: async (i: number) => {
			if (i === 1) throw new Error('item 1 is bad');
			return [{ n: i }];
		},
		finish: async (outcomes) => {
			seen.push(outcomes);
			return outcomes.map((o) => (o instanceof Error ? o : o.map((r) => ({ ...r, done: true }))));
		},
	};
	const router = createRouter({ thing: resourceModule(field('operation'), { make }) });

	beforeEach(() => (seen.length = 0));

	it("runs once after every item, with each item's records or its error, and its output is the output", async () => {
		const [out] = await router.call(context(3), { continueOnFail: true });
		expect(seen).toHaveLength(1);
		expect(seen[0][1]).toBeInstanceOf(Error);
		expect(out.map((o) => [o.json, o.pairedItem])).toEqual([
			[{ n: 0, done: true }, { item: 0 }],
			[{ error: 'item 1 is bad' }, { item: 1 }],
			[{ n: 2, done: true }, { item: 2 }],
		]);
	});

	it('does not run when an item fails without Continue On Fail', async () => {
		await expect(router.call(context(3), { continueOnFail: false })).rejects.toThrow(
			'item 1 is bad',
		);
		expect(seen).toHaveLength(0);
	});
});
