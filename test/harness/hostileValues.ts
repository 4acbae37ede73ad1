/* eslint-disable @typescript-eslint/no-explicit-any -- mocked transports of any vendor */
/**
 * Hostile parameter values for any vendor's operations (issue 8): what an expression could hand a
 * parameter, and the check every sent request must pass. A vendor's test supplies valid
 * parameters per operation, its routes and plausible answers; `fuzzOperation` does the rest.
 */
import fc from 'fast-check';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ResourceMap } from '../../nodes/shared/router';
import type { Params } from './mockContext';
import { mockExecuteContext } from './mockContext';

/** Control characters, bidi controls and separators: none may reach a request. */
export const UNSAFE_TEXT = /[\p{Cc}\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u;

export const HUGE_TEXT = 'x'.repeat(100_000);

/**
 * Values an expression could hand a parameter: each of `constants`, short text with one of
 * `injected` inside, doubles, integers, UUIDs if asked for, small objects and arrays, short text.
 */
export function hostileValues(
	constants: unknown[],
	injected: string[],
	options: { uuids?: boolean } = {},
): fc.Arbitrary<unknown> {
	const shortText = fc.string({ maxLength: 12 });
	return fc.oneof(
		fc.constantFrom(...constants),
		fc.tuple(shortText, fc.constantFrom(...injected), shortText).map(([a, c, b]) => a + c + b),
		fc.double(),
		fc.integer(),
		...(options.uuids ? [fc.uuid()] : []),
		fc.object({ maxDepth: 1, maxKeys: 3 }),
		fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
		shortText,
	);
}

export const hostileValue = hostileValues(
	[
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
	],
	['\u0000', '\r\n', '\t', '\u001b', '\u007f', '\u0085', '\u202e', '\u2066', '\u2028', '\ufeff'],
);

/** Every operation of a node's resources, as `{ resource, operation }`. */
export function operationsOf(
	resources: ResourceMap,
): Array<{ resource: string; operation: string }> {
	return Object.entries(resources).flatMap(([resource, module]) =>
		Object.keys(module.operations).map((operation) => ({ resource, operation })),
	);
}

/** The editor fields shown for one operation. */
export function fieldsOf(
	resources: ResourceMap,
	resource: string,
	operation: string,
): INodeProperties[] {
	return resources[resource].description.filter(
		(p) =>
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
}

/** One parameter to fuzz (and the key inside a collection), with the labels a refusal may name. */
export interface FuzzTarget {
	parameter: string;
	inner?: string;
	labels: string[];
}

/**
 * Every top-level field of an operation and every option of its collections. With
 * `mergeSameName`, fields that share a name (shown under different conditions) are one target
 * whose refusal may name any of their labels; the options are those of the first.
 */
export function fuzzTargets(
	fields: INodeProperties[],
	options: { mergeSameName?: boolean } = {},
): FuzzTarget[] {
	const first = options.mergeSameName
		? fields.filter((field, i) => fields.findIndex((f) => f.name === field.name) === i)
		: fields;
	return first.flatMap((field) => [
		{
			parameter: field.name,
			labels: options.mergeSameName
				? fields.filter((f) => f.name === field.name).map((f) => f.displayName)
				: [field.displayName],
		},
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

/** Every value tried was refused or sent, and some of each. */
export function expectRefusedOrSent(tally: FuzzTally): void {
	expect(tally.refused + tally.sent).toBe(tally.tried);
	expect(tally.refused).toBeGreaterThan(0);
	expect(tally.sent).toBeGreaterThan(0);
}

/** A vendor's request function as jest mocks it: `(context, method, path, { qs, body })`. */
export interface MockedTransport {
	mockReset(): void;
	mockImplementation(fn: (ctx: any, method: any, path: any, req?: any) => Promise<any>): unknown;
}

/** How one vendor's operations are fuzzed. */
export interface FuzzSuite extends FuzzOptions {
	resources: ResourceMap;
	/** Valid parameters per `resource.operation`, as the editor stores them. */
	valid: Record<string, Params>;
	transport: MockedTransport;
	/** A plausible answer, so that an accepted value runs the operation to its end. */
	respond: (method: string, path: string, body?: unknown) => unknown;
	/** Every operation of `resources`. */
	operations: Array<{ resource: string; operation: string }>;
	tally: FuzzTally;
}

/** A vendor's choices for `fuzzSuite`. */
export interface FuzzOptions {
	/** The routes an operation may call: `METHOD path` as regular expressions. */
	routes: (key: string, resource: string) => string[];
	/** The values to try (default `hostileValue`), with fast-check's seed (default 10). */
	values?: fc.Arbitrary<unknown>;
	seed?: number;
	/** Values per target (default 30). */
	numRuns?: number;
	/** The longest text a request may carry (default 255). */
	maxText?: number;
	/** See `fuzzTargets`. */
	mergeSameName?: boolean;
	/** A refusal may name item 0 instead of the item run. */
	item0Too?: boolean;
	/** Runs the valid parameters once first, which must not fail. */
	validFirst?: boolean;
	/** The execute context of four items (default `mockExecuteContext`). */
	context?: (items: Params[]) => IExecuteFunctions;
}

/**
 * A vendor's fuzz suite: its resources, valid parameters per operation, mocked transport and the
 * answers it gives, with a fresh tally.
 */
export function fuzzSuite(
	resources: ResourceMap,
	valid: Record<string, Params>,
	transport: MockedTransport,
	respond: FuzzSuite['respond'],
	options: FuzzOptions,
): FuzzSuite {
	return {
		...options,
		resources,
		valid,
		transport,
		respond,
		operations: operationsOf(resources),
		tally: { tried: 0, refused: 0, sent: 0 },
	};
}

/**
 * Runs one operation with each target set to hostile values (the other parameters valid). Each run
 * must end in a NodeOperationError naming the field and `(item N)` with no request sent, or in
 * requests on the operation's routes that carry no unsafe, overlong or `[object` text and no number
 * beyond 1e12. The suite's mocked transport answers with `respond` and collects the requests.
 */
export async function fuzzOperation(
	suite: FuzzSuite,
	resource: string,
	operation: string,
): Promise<void> {
	const { transport, respond, tally } = suite;
	const key = `${resource}.${operation}`;
	const op = suite.resources[resource].operations[operation];
	const valid = suite.valid[key];
	const routes = suite.routes(key, resource).map((r) => new RegExp(`^${r}$`));
	const maxText = suite.maxText ?? 255;
	const contextOf = suite.context ?? mockExecuteContext;
	const capture = (calls: SentRequest[]) => {
		transport.mockReset();
		transport.mockImplementation(async (_ctx, method, path, req = {}) => {
			calls.push({ method, path, qs: req.qs, body: req.body });
			return respond(method, path, req.body);
		});
	};
	if (suite.validFirst) {
		capture([]);
		await op.execute.call(mockExecuteContext(valid), 0);
	}
	const targets = fuzzTargets(fieldsOf(suite.resources, resource, operation), suite);
	for (const target of targets) {
		await fc.assert(
			fc.asyncProperty(suite.values ?? hostileValue, fc.nat(3), async (value, itemIndex) => {
				tally.tried++;
				const params: Params = { ...valid };
				params[target.parameter] = target.inner
					? { ...((valid[target.parameter] as object) ?? {}), [target.inner]: value }
					: value;
				const calls: SentRequest[] = [];
				capture(calls);
				let failure: unknown;
				try {
					await op.execute.call(contextOf([params, params, params, params]), itemIndex);
				} catch (error) {
					failure = error;
				}
				const where = `${key} ${target.parameter}${target.inner ? `.${target.inner}` : ''} = ${String(JSON.stringify(value)).slice(0, 80)}`;
				if (calls.length === 0) {
					if (!(failure instanceof NodeOperationError))
						throw new Error(`${where}: no request and ${String(failure)}`);
					const namesItem =
						failure.message.includes(`(item ${itemIndex})`) ||
						(suite.item0Too === true && failure.message.includes('(item 0)'));
					if (!namesItem) throw new Error(`${where}: "${failure.message}" names no item`);
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
						} else if (UNSAFE_TEXT.test(leaf) || leaf.length > maxText || leaf.includes('[object'))
							throw new Error(`${where}: sent ${JSON.stringify(leaf).slice(0, 80)}`);
					}
				}
			}),
			{ numRuns: suite.numRuns ?? 30, seed: suite.seed ?? 10 },
		);
	}
}
