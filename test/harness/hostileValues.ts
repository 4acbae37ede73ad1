/**
 * Hostile parameter values for any vendor's operations (issue 8): what an expression could hand a
 * parameter, and the check every sent request must pass. A vendor's test supplies valid
 * parameters per operation, its routes and plausible answers; `fuzzOperation` does the rest.
 */
import fc from 'fast-check';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Params } from './mockContext';
import { mockExecuteContext } from './mockContext';

/** Control characters, bidi controls and separators: none may reach a request. */
export const UNSAFE_TEXT = /[\p{Cc}\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u;

export const HUGE_TEXT = 'x'.repeat(100_000);

const shortText = fc.string({ maxLength: 12 });
const injected = fc.constantFrom(
	'\u0000',
	'\r\n',
	'\t',
	'\u001b',
	'\u007f',
	'\u0085',
	'\u202e',
	'\u2066',
	'\u2028',
	'\ufeff',
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(
		HUGE_TEXT,
		'',
		' ',
		'../x',
		'..',
		'1/..',
		'1?x=2',
		'1#f',
		'%2e%2e',
		' 12 ',
		NaN,
		Infinity,
		-Infinity,
		1e308,
		-1,
		1.5,
		2 ** 31,
		0,
		null,
		true,
		{},
		[],
		{ __rl: true, mode: 'id', value: '../1' },
	),
	fc.tuple(shortText, injected, shortText).map(([a, c, b]) => a + c + b),
	fc.double(),
	fc.integer(),
	fc.object({ maxDepth: 1, maxKeys: 3 }),
	fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
	shortText,
);

/** One parameter to fuzz (and the key inside a collection), with the labels a refusal may name. */
export interface FuzzTarget {
	parameter: string;
	inner?: string;
	labels: string[];
}

/** Every top-level field of an operation and every option of its collections. */
export function fuzzTargets(fields: INodeProperties[]): FuzzTarget[] {
	return fields.flatMap((field) => [
		{ parameter: field.name, labels: [field.displayName] },
		...(field.type === 'collection'
			? ((field.options ?? []) as INodeProperties[]).map((option) => ({
					parameter: field.name,
					inner: option.name,
					labels: [`${field.displayName} > ${option.displayName}`, field.displayName],
				}))
			: []),
	]);
}

/** Strings and numbers anywhere in a JSON value, keys included. */
function leaves(value: unknown, out: Array<string | number> = []): Array<string | number> {
	if (typeof value === 'string' || typeof value === 'number') out.push(value);
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) out.push(k, ...leaves(v));
	return out;
}

export interface SentRequest {
	method: string;
	path: string;
	qs?: unknown;
	body?: unknown;
}

export interface FuzzTally {
	tried: number;
	refused: number;
	sent: number;
}

/**
 * Runs one operation with each target set to hostile values (the other parameters valid). Each run
 * must end in a NodeOperationError naming the field and `(item N)` with no request sent, or in
 * requests on the operation's routes that carry no unsafe, overlong or `[object` text and no number
 * beyond 1e12. `capture` installs the vendor's mocked transport and collects the requests.
 */
export async function fuzzOperation(options: {
	key: string;
	op: { execute(this: IExecuteFunctions, i: number): Promise<unknown> };
	valid: Params;
	targets: FuzzTarget[];
	routes: RegExp[];
	capture: (calls: SentRequest[]) => void;
	tally: FuzzTally;
	numRuns?: number;
}): Promise<void> {
	const { key, op, valid, targets, routes, capture, tally } = options;
	for (const target of targets) {
		await fc.assert(
			fc.asyncProperty(hostileValue, fc.nat(3), async (value, itemIndex) => {
				tally.tried++;
				const params: Params = { ...valid };
				params[target.parameter] = target.inner
					? { ...((valid[target.parameter] as object) ?? {}), [target.inner]: value }
					: value;
				const calls: SentRequest[] = [];
				capture(calls);
				let failure: unknown;
				try {
					await op.execute.call(mockExecuteContext([params, params, params, params]), itemIndex);
				} catch (error) {
					failure = error;
				}
				const where = `${key} ${target.parameter}${target.inner ? `.${target.inner}` : ''} = ${String(JSON.stringify(value)).slice(0, 80)}`;
				if (calls.length === 0) {
					if (!(failure instanceof NodeOperationError))
						throw new Error(`${where}: no request and ${String(failure)}`);
					if (!failure.message.includes(`(item ${itemIndex})`))
						throw new Error(`${where}: "${failure.message}" names no item`);
					if (!target.labels.some((label) => failure.message.includes(label)))
						throw new Error(`${where}: "${failure.message}" names none of ${target.labels}`);
					tally.refused++;
					return;
				}
				tally.sent++;
				if (failure && !(failure instanceof NodeOperationError || failure instanceof NodeApiError))
					throw new Error(`${where}: ${String(failure)}`);
				for (const call of calls) {
					if (!routes.some((r) => r.test(`${call.method} ${call.path}`)))
						throw new Error(`${where}: unexpected request ${call.method} ${call.path}`);
					for (const leaf of leaves({ qs: call.qs, body: call.body })) {
						if (typeof leaf === 'number') {
							if (!Number.isFinite(leaf) || Math.abs(leaf) >= 1e12)
								throw new Error(`${where}: sent the number ${leaf}`);
						} else if (UNSAFE_TEXT.test(leaf) || leaf.length > 255 || leaf.includes('[object'))
							throw new Error(`${where}: sent ${JSON.stringify(leaf).slice(0, 80)}`);
					}
				}
			}),
			{ numRuns: options.numRuns ?? 30, seed: 10 },
		);
	}
}
