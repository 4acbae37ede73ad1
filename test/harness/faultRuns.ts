/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The fault runs of issues 8 and 22, for any vendor's sandbox: seeded random faults at 20% (server
 * errors, 429 with Retry-After, dropped connections, answers delayed beyond the node's timeout,
 * writes applied whose answer is lost, writes applied and then answered 500/502/503/504), the
 * node's waits on a virtual clock, and a tally that must end with nothing lost, doubled, reported
 * failed though applied, or leaked. `ERP_FAULT_TALLY=1` prints the tally of each suite.
 */
import type { IDataObject } from 'n8n-workflow';

import { clock } from '../../nodes/shared/clock';
import type { NodeChange } from './jtlSuite';
import { continueOnFail } from './jtlSuite';
import type { WorkflowResult } from './runWorkflow';
import { expectLoudFailure } from './runWorkflow';
import type { RunningSandbox } from './sandbox';

/** The node's request timeout in the fault runs; a delayed answer comes after 1.2 s, so a busy machine answering slowly is not taken for a fault. */
const TIMEOUT_SECONDS = 0.5;

/** What the fault runs of one suite saw; `afterAll` checks the last four stay 0. */
export interface FaultTally {
	failedLoudly: number;
	runs: number;
	faults: number;
	/** Faults of the write runs where the write was applied and then answered 5xx. */
	appliedThen5xx: number;
	records: number;
	/** Items of keyless writes that failed saying the write may have been applied. */
	unknownOutcomes: number;
	/** Of those, the ones whose write had in fact been applied. */
	unknownButApplied: number;
	lost: number;
	doubled: number;
	appliedButFailed: number;
	leaked: number;
}

/** The words every system's error uses when a write may have been applied and cannot be checked. */
export const MAY_HAVE_BEEN_APPLIED = /^Outcome unknown: the write may have been applied/;

/** Faults of some kinds only, on the requests of one method: `{method: 'POST', kinds: [...]}`. */
export interface FaultFocus {
	method: string;
	kinds: string[];
}

/** Every fifth write applied, then answered 500, 502, 503 or 504. */
export const APPLIED_THEN_5XX: FaultFocus = { method: 'POST', kinds: ['appliedThen5xx'] };

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
		appliedThen5xx: 0,
		records: 0,
		unknownOutcomes: 0,
		unknownButApplied: 0,
		lost: 0,
		doubled: 0,
		appliedButFailed: 0,
		leaked: 0,
	};
	afterAll(() => {
		// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test harness only
		if (process.env.ERP_FAULT_TALLY) {
			// eslint-disable-next-line no-console -- the tally is the measurement docs/testing.md reports
			console.log(`fault tally ${nodeName}`, tally);
		}
		expect(tally.lost + tally.doubled + tally.appliedButFailed + tally.leaked).toBe(0);
	});

	/**
	 * 20% of the node's API requests get a fault, drawn from `seed`: of every kind, or of the kinds
	 * of `only` on the requests of its method.
	 */
	const randomFaults = (seed: number, only?: FaultFocus) =>
		suite.sandbox.fault({
			pathRegex: options.pathRegex,
			...(only ? { method: only.method } : {}),
			random: { rate: 0.2, seed, delayMs: 1200, retryAfterMax: 1, kinds: only?.kinds },
		});

	/** How many faults the sandbox injected since the last reset, and how many by kind. */
	async function injectedFaults(): Promise<{ all: number; byKind: Record<string, number> }> {
		const res = await fetch(`${suite.sandbox.url}/__sandbox/faults`);
		const faults = (await res.json()) as Array<{
			injected?: number;
			injectedByKind?: Record<string, number>;
		}>;
		const byKind: Record<string, number> = {};
		for (const f of faults)
			for (const [kind, n] of Object.entries(f.injectedByKind ?? {}))
				byKind[kind] = (byKind[kind] ?? 0) + n;
		return { all: faults.reduce((sum, f) => sum + (f.injected ?? 0), 0), byKind };
	}
	const injected = async () => (await injectedFaults()).all;

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

	/**
	 * Runs `items` through `file` with Continue On Fail and random faults (all kinds, or those of
	 * `only`); returns the outputs.
	 */
	async function writeAll(
		file: string,
		items: object[],
		seed: number,
		change?: NodeChange,
		only?: FaultFocus,
	) {
		await randomFaults(seed, only);
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
		const faults = await injectedFaults();
		tally.faults += faults.all;
		// Every write run meets writes that were applied and then answered with a server error.
		expect(faults.byKind.appliedThen5xx ?? 0).toBeGreaterThan(0);
		tally.appliedThen5xx += faults.byKind.appliedThen5xx ?? 0;
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
		const wrong: object[] = [];
		out.forEach((json, i) => {
			const count = countOf(i);
			if (count > 1) tally.doubled += count - 1;
			if (!failed(json) && count === 0) tally.lost++;
			if (failed(json) && count > 0) tally.appliedButFailed++;
			tally.records++;
			if (count !== (failed(json) ? 0 : 1))
				wrong.push({ item: i, count, failed: failed(json), error: json.error });
		});
		// Every item is tallied first, so a failing run reports how many went wrong.
		expect(wrong).toEqual([]);
	}

	/**
	 * Keyless writes, whose outcome may be unknown: some items say the write may have been applied,
	 * no failure advises a retry, a success exists once (`countOf`), and a failure that does not say
	 * "may have been applied" was not applied (else it counts as applied but reported failed).
	 */
	function checkUnknownOutcomes(out: any[], countOf: (i: number) => number) {
		const unknown = out.filter((o) => MAY_HAVE_BEEN_APPLIED.test(String(o.error ?? '')));
		for (const o of out.filter((x) => x.error !== undefined))
			expect(`${o.error} ${o.description ?? ''}`).not.toMatch(/retry|try again/i);
		const wrong: object[] = [];
		out.forEach((json, i) => {
			const count = countOf(i);
			if (count > 1) tally.doubled += count - 1;
			const mayBeApplied = MAY_HAVE_BEEN_APPLIED.test(String(json.error ?? ''));
			if (mayBeApplied) tally.unknownOutcomes++;
			if (mayBeApplied && count > 0) tally.unknownButApplied++;
			if (json.error !== undefined && !mayBeApplied && count > 0) tally.appliedButFailed++;
			if (json.error === undefined && count === 0) tally.lost++;
			tally.records++;
			const expected = json.error === undefined ? 1 : mayBeApplied ? Math.min(count, 1) : 0;
			if (count !== expected) wrong.push({ item: i, count, error: json.error });
		});
		expect(wrong).toEqual([]);
		expect(unknown.length).toBeGreaterThan(0);
		// Among the unknown outcomes are writes that were applied and then answered 5xx.
		expect(tally.unknownButApplied).toBeGreaterThan(0);
	}

	return { tally, withTimeout, readRuns, writeAll, check, checkUnknownOutcomes };
}
