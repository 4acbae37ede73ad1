/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The fault runs of issue 8, for any vendor's sandbox: seeded random faults at 20% (server errors,
 * 429 with Retry-After, dropped connections, answers delayed beyond the node's timeout, writes
 * applied whose answer is lost), the node's waits on a virtual clock, and a tally that must end
 * with nothing lost, doubled, reported failed though applied, or leaked.
 */
import type { IDataObject } from 'n8n-workflow';

import { clock } from '../../nodes/shared/clock';
import type { NodeChange } from './jtlSuite';
import { continueOnFail } from './jtlSuite';
import type { WorkflowResult } from './runWorkflow';
import { expectLoudFailure } from './runWorkflow';
import type { RunningSandbox } from './sandbox';

/** The node's request timeout in the fault runs; a delayed answer comes after 0.4 s. */
const TIMEOUT_SECONDS = 0.15;

/** What the fault runs of one suite saw; `afterAll` checks the last four stay 0. */
export interface FaultTally {
	failedLoudly: number;
	runs: number;
	faults: number;
	records: number;
	lost: number;
	doubled: number;
	appliedButFailed: number;
	leaked: number;
}

/** A sandbox suite (`useJtlSandbox` and the like): its sandbox and a workflow runner. */
interface SandboxSuite {
	readonly sandbox: RunningSandbox;
	run(file: string, items: object[], change?: NodeChange): Promise<WorkflowResult>;
}

/**
 * Registers the hooks of a fault-run suite (virtual clock per test, the tally checked after all)
 * on a sandbox suite whose hooks are already registered. `pathRegex` selects the node's API
 * requests that get faults; `nodeName` is the node under test in the workflow files.
 */
export function useFaultRuns(
	suite: SandboxSuite,
	options: {
		pathRegex: string;
		nodeName: string;
		/** Checks a write run's result and output further (after their length is checked). */
		afterWrite?: (result: WorkflowResult, items: object[], out: IDataObject[]) => void;
	},
) {
	const { nodeName } = options;

	let virtualMs = 0;
	beforeEach(() => {
		virtualMs = 0;
		jest.spyOn(clock, 'now').mockImplementation(() => Date.now() + virtualMs);
		jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
			virtualMs += Math.max(0, ms);
		});
	});
	afterEach(() => jest.restoreAllMocks());

	const tally: FaultTally = {
		failedLoudly: 0,
		runs: 0,
		faults: 0,
		records: 0,
		lost: 0,
		doubled: 0,
		appliedButFailed: 0,
		leaked: 0,
	};
	afterAll(() => {
		expect(tally.lost + tally.doubled + tally.appliedButFailed + tally.leaked).toBe(0);
	});

	/** 20% of the node's API requests get a fault, drawn from `seed`. */
	const randomFaults = (seed: number) =>
		suite.sandbox.fault({
			pathRegex: options.pathRegex,
			random: { rate: 0.2, seed, delayMs: 400, retryAfterMax: 1 },
		});

	/** How many faults the sandbox injected since the last reset. */
	async function injected(): Promise<number> {
		const res = await fetch(`${suite.sandbox.url}/__sandbox/faults`);
		const faults = (await res.json()) as Array<{ injected?: number }>;
		return faults.reduce((sum, f) => sum + (f.injected ?? 0), 0);
	}

	/** A NodeChange that also sets the fault runs' request timeout. */
	const withTimeout =
		(change?: NodeChange): NodeChange =>
		(p, node) => {
			p.requestTimeout = TIMEOUT_SECONDS;
			change?.(p, node);
		};

	/**
	 * Reads a whole list once per seed (1 to `seeds`), each on a freshly reset sandbox with random
	 * faults: every run returns `expected` (sorted IDs) exactly once, or, when five faults in a row
	 * on one request used up its retries (0.2^5 per request), fails loudly with no partial list.
	 * At most two runs may end so.
	 */
	async function readRuns(read: {
		seeds: number;
		expected: string[];
		file: string;
		items: object[];
		change?: NodeChange;
		idOf: (json: IDataObject) => string;
	}) {
		for (let seed = 1; seed <= read.seeds; seed++) {
			await suite.sandbox.reset();
			await randomFaults(seed);
			const result = await suite.run(read.file, read.items, withTimeout(read.change));
			if (result.error) {
				expectLoudFailure(result, nodeName);
				tally.failedLoudly++;
				continue;
			}
			const ids = result.output(nodeName).map(read.idOf);
			const distinct = new Set(ids);
			tally.doubled += ids.length - distinct.size;
			tally.lost += read.expected.filter((n) => !distinct.has(n)).length;
			expect(ids.sort()).toEqual(read.expected);
			tally.runs++;
			tally.records += ids.length;
			tally.faults += await injected();
		}
		expect(tally.failedLoudly).toBeLessThanOrEqual(2);
	}

	/** Runs `items` through `file` with Continue On Fail and random faults; returns the outputs. */
	async function writeAll(file: string, items: object[], seed: number, change?: NodeChange) {
		await randomFaults(seed);
		const result = await suite.run(
			file,
			items,
			withTimeout((p, n) => {
				continueOnFail(p, n);
				change?.(p, n);
			}),
		);
		expect(result.error).toBeUndefined();
		const out: any[] = result.output(nodeName);
		expect(out).toHaveLength(items.length);
		options.afterWrite?.(result, items, out);
		tally.faults += await injected();
		await fetch(`${suite.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
		tally.runs++;
		return out;
	}

	/**
	 * Each item either succeeded and exists once (`countOf`), or failed and was not applied.
	 * `failed` tells a failed output item (default: it has an error).
	 */
	function check(
		out: any[],
		countOf: (i: number) => number,
		failed = (json: any) => json.error !== undefined,
	) {
		out.forEach((json, i) => {
			const count = countOf(i);
			if (count > 1) tally.doubled += count - 1;
			if (!failed(json) && count === 0) tally.lost++;
			if (failed(json) && count > 0) tally.appliedButFailed++;
			tally.records++;
			expect({ item: i, count, failed: failed(json), error: json.error }).toEqual({
				error: json.error,
				item: i,
				count: failed(json) ? 0 : 1,
				failed: failed(json),
			});
		});
	}

	/**
	 * Writes whose outcome may be unknown: some items say `Outcome unknown`, no failure advises a
	 * retry, a success exists once (`countOf`), and a failure that is not "outcome unknown" was
	 * not applied.
	 */
	function checkUnknownOutcomes(out: any[], countOf: (i: number) => number) {
		const unknown = out.filter((o) => /^Outcome unknown/.test(String(o.error ?? '')));
		expect(unknown.length).toBeGreaterThan(0);
		for (const o of out.filter((x) => x.error !== undefined))
			expect(`${o.error} ${o.description ?? ''}`).not.toMatch(/retry|try again/i);
		out.forEach((json, i) => {
			const count = countOf(i);
			if (count > 1) tally.doubled += count - 1;
			if (json.error === undefined) expect(count).toBe(1);
			else if (!/^Outcome unknown/.test(String(json.error))) expect(count).toBe(0);
		});
	}

	return { tally, withTimeout, readRuns, writeAll, check, checkUnknownOutcomes };
}
