import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import fc from 'fast-check';

import { runWatermarkPoll } from '../../../nodes/shared/watermarkPoll';

interface Rec {
	id: number;
}

/** A list whose IDs only grow, read in pages of `pageSize` after an ID. */
function source(records: Rec[], pageSize = 3, failOn?: () => boolean) {
	const reads: number[] = [];
	return {
		reads,
		src: {
			pageSize,
			readAfter: async (afterId: number) => {
				if (failOn?.()) throw new Error('down');
				reads.push(afterId);
				return records.filter((r) => r.id > afterId).slice(0, pageSize);
			},
			readNewest: async () => [...records].sort((a, b) => b.id - a.id).slice(0, 1),
			idOf: (r: Rec) => r.id,
		},
	};
}

function ctx(mode = 'trigger', state: IDataObject = {}) {
	return {
		getMode: () => mode,
		getWorkflowStaticData: () => state,
	} as unknown as IPollFunctions;
}

describe('ID watermark poll', () => {
	it('records the highest ID first, then emits what is above it once, by keyset', async () => {
		const records = [{ id: 1 }, { id: 2 }];
		const state: IDataObject = {};
		const { src, reads } = source(records);
		expect(await runWatermarkPoll(ctx('trigger', state), src)).toBeNull();
		expect(state).toEqual({ watermark: 2 });
		records.push({ id: 3 }, { id: 4 }, { id: 5 }, { id: 7 });
		expect(await runWatermarkPoll(ctx('trigger', state), src)).toEqual([
			{ id: 3 },
			{ id: 4 },
			{ id: 5 },
			{ id: 7 },
		]);
		expect(reads).toEqual([2, 5]);
		expect(state).toEqual({ watermark: 7 });
		expect(await runWatermarkPoll(ctx('trigger', state), src)).toBeNull();
	});

	it('leaves the watermark alone when a page fails, and the manual run leaves the state alone', async () => {
		const records = [{ id: 1 }];
		const state: IDataObject = { watermark: 1 };
		let fail = false;
		const { src } = source(records, 2, () => fail);
		records.push({ id: 2 }, { id: 3 }, { id: 4 });
		fail = true;
		await expect(runWatermarkPoll(ctx('trigger', state), src)).rejects.toThrow('down');
		expect(state).toEqual({ watermark: 1 });
		fail = false;
		expect(await runWatermarkPoll(ctx('manual', state), src)).toEqual([{ id: 4 }]);
		expect(state).toEqual({ watermark: 1 });
		expect((await runWatermarkPoll(ctx('trigger', state), src))?.map((r) => r.id)).toEqual([
			2, 3, 4,
		]);
	});

	it('emits every record created after activation exactly once, over random histories', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.nat(6), { minLength: 1, maxLength: 12 }),
				fc.integer({ min: 1, max: 5 }),
				async (batches, pageSize) => {
					const records: Rec[] = [{ id: 1 }];
					let next = 2;
					const state: IDataObject = {};
					const { src } = source(records, pageSize);
					await runWatermarkPoll(ctx('trigger', state), src);
					const emitted: number[] = [];
					for (const n of batches) {
						for (let i = 0; i < n; i++) records.push({ id: next++ });
						emitted.push(
							...((await runWatermarkPoll(ctx('trigger', state), src)) ?? []).map((r) => r.id),
						);
					}
					expect(emitted).toEqual(records.slice(1).map((r) => r.id));
				},
			),
			{ numRuns: 100, seed: 3 },
		);
	});
});
