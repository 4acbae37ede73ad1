/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON */
/**
 * Random histories under the Flow Retail Poll Trigger (fast-check): customers created, changed and
 * deleted between polls and while a poll walks the pages, several sharing one millisecond, failed
 * polls, and n8n's clock away from the API's. Flow Retail's list has no date filter, so the trigger
 * walks it newest first; the model below is that list (sorted DESC by the date, then by UID), with
 * the API's clock in the `Date` header. Every change after activation must be emitted once and only
 * once; the records made before it (some in the second the activation's answer names) never.
 */
import fc from 'fast-check';

import { pollCustomers } from '../../../nodes/FlowRetailPollTrigger/customerPoll';
import { clock } from '../../../nodes/shared/clock';
import { flowApiRequest } from '../../../nodes/FlowRetail/transport';

jest.mock('../../../nodes/FlowRetail/transport', () => ({
	...jest.requireActual('../../../nodes/FlowRetail/transport'),
	flowApiRequest: jest.fn(),
	// The credential's zone for times without an offset; the transport is mocked here.
	flowTimeZone: async () => 'Europe/Oslo',
}));
const request = flowApiRequest as jest.MockedFunction<typeof flowApiRequest>;

interface Rec {
	customerUid: string;
	createdAt: string;
	lastModifiedAt: string;
}

type Step =
	| { kind: 'create'; n: number }
	| { kind: 'update'; pick: number }
	| { kind: 'delete'; pick: number }
	| { kind: 'poll'; fail: boolean; during: Array<{ kind: 'update' | 'delete'; pick: number }> }
	| { kind: 'wait'; seconds: number };

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: 1, max: 60 }) }),
	fc.record({ kind: fc.constant('update' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
	fc.record({
		kind: fc.constant('poll' as const),
		fail: fc.boolean(),
		during: fc.array(
			fc.record({ kind: fc.constantFrom('update' as const, 'delete' as const), pick: fc.nat() }),
			{ maxLength: 4 },
		),
	}),
	fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 0, max: 900 }) }),
);

afterEach(() => jest.restoreAllMocks());

describe('Flow Retail Poll Trigger under random histories', () => {
	it.each(['updatedCustomer', 'newCustomer'])(
		'%s: every event once, none missed',
		async (event) => {
			const field = event === 'newCustomer' ? 'createdAt' : 'lastModifiedAt';
			let runs = 0;
			let checked = 0;
			await fc.assert(
				fc.asyncProperty(
					fc.array(step, { minLength: 3, maxLength: 25 }),
					fc.integer({ min: -600, max: 600 }),
					async (steps, skewSeconds) => {
						runs++;
						let serverNow = Date.UTC(2026, 0, 1);
						let counter = 0;
						const records: Rec[] = [];
						const iso = () => new Date(serverNow).toISOString();
						// Several writes share one millisecond; the clock moves only now and then.
						const tick = () => {
							if (counter++ % 3 === 0) serverNow += 1;
						};
						const create = () => {
							tick();
							records.push({
								customerUid: `c-${String(counter).padStart(5, '0')}`,
								createdAt: iso(),
								lastModifiedAt: iso(),
							});
						};
						const mutate = (kind: 'update' | 'delete', pick: number) => {
							if (!records.length) return;
							const r = records[pick % records.length];
							tick();
							if (kind === 'update') r.lastModifiedAt = iso();
							else records.splice(records.indexOf(r), 1);
						};
						for (let i = 0; i < 5; i++) create();
						let during: Array<{ kind: 'update' | 'delete'; pick: number }> = [];
						let failNext = false;
						request.mockImplementation(async (_ctx, _method, _path, req = {}) => {
							const qs = req.qs as any;
							if (failNext) {
								failNext = false;
								throw new Error('Flow Retail answered with HTTP 503');
							}
							const sorted = [...records].sort((a, b) =>
								a[qs.sortBy as keyof Rec] === b[qs.sortBy as keyof Rec]
									? b.customerUid.localeCompare(a.customerUid)
									: String(b[qs.sortBy as keyof Rec]).localeCompare(
											String(a[qs.sortBy as keyof Rec]),
										),
							);
							const start = (qs.pageNumber - 1) * qs.pageSize;
							const page = sorted.slice(start, start + qs.pageSize).map((r) => ({ ...r }));
							const answer = {
								statusCode: 200,
								headers: { date: new Date(serverNow).toUTCString() },
								body: {
									items: page,
									paging: {
										pageNumber: qs.pageNumber,
										pageSize: qs.pageSize,
										totalCount: records.length,
									},
								},
							};
							// Changes that land while the poll walks the pages.
							const now = during.shift();
							if (now) mutate(now.kind, now.pick);
							return answer as any;
						});
						const staticData: Record<string, unknown> = {};
						const ctx = {
							getMode: () => 'trigger',
							getWorkflowStaticData: () => staticData,
							getNodeParameter: (name: string) => (name === 'event' ? event : { simplify: false }),
							getNode: () => ({ name: 'Trigger' }),
							helpers: { returnJsonArray: (items: any[]) => items.map((json) => ({ json })) },
						} as any;
						jest.spyOn(clock, 'now').mockImplementation(() => serverNow + skewSeconds * 1000);
						const emitted: string[] = [];
						const poll = async () => {
							const out = await pollCustomers.call(ctx);
							for (const item of out?.[0] ?? [])
								emitted.push(`${item.json.customerUid}@${item.json[field]}`);
						};
						// Activation: records the API's time, and the records already made in its second
						const keyOf = (r: Rec) => `${r.customerUid}@${r[field as keyof Rec]}`;
						const before = new Set(records.map(keyOf));
						await poll();
						const startedAt = Date.parse(String(staticData.startedAt));
						for (const s of steps) {
							if (s.kind === 'create') for (let i = 0; i < s.n; i++) create();
							else if (s.kind === 'update' || s.kind === 'delete') mutate(s.kind, s.pick);
							else if (s.kind === 'wait') serverNow += s.seconds * 1000;
							else {
								during = [...s.during];
								failNext = s.fail;
								await poll().catch(() => undefined);
								during = [];
							}
							serverNow += 1000;
						}
						// Quiet polls at the end emit whatever is still due.
						serverNow += 1000;
						await poll();
						serverNow += 1000;
						await poll();
						expect(new Set(emitted).size).toBe(emitted.length);
						expect(emitted.filter((key) => before.has(key))).toEqual([]);
						for (const r of records) {
							const date = Date.parse(r[field as keyof Rec]);
							if (date < startedAt || before.has(keyOf(r))) continue;
							if (event === 'updatedCustomer' && r.createdAt === r.lastModifiedAt) continue;
							checked++;
							expect(emitted).toContain(keyOf(r));
						}
					},
				),
				{ numRuns: 60, seed: 11 },
			);
			expect(runs).toBe(60);
			expect(checked).toBeGreaterThan(50);
		},
	);
});
