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
