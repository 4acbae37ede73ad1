import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { stampItemIndex } from './errors';

/** One operation: its fields and what it does for one input item. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
	/**
	 * For operations that send many items in one request (batch APIs): runs every item at once and
	 * gives one outcome per item, in item order: its records, or the error of that item alone. When
	 * present, the router calls it instead of `execute`.
	 */
	executeAll?(this: IExecuteFunctions, itemCount: number): Promise<Array<IDataObject[] | Error>>;
	/**
	 * The record an item writes (a key such as the external ID of a Create or Update), for nodes
	 * that run items side by side: items with the same key run one after another, in item order,
	 * so that two of them never both create the record. Undefined: the item shares nothing.
	 */
	itemKey?(this: IExecuteFunctions, itemIndex: number): string | undefined;
}

/** One resource: the operation dropdown plus every operation's fields, and the operations by value. */
export interface ResourceModule {
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}

/**
 * A resource from its operation dropdown and its operations: the fields follow the dropdown in the
 * order the operations are listed.
 */
export function resourceModule(
	operationField: INodeProperties,
	operations: Record<string, OperationModule>,
): ResourceModule {
	return {
		description: [operationField, ...Object.values(operations).flatMap((o) => o.description)],
		operations,
	};
}

/** A node's resources by their parameter value. */
export type ResourceMap = Record<string, ResourceModule>;

/** A map's own entry, never one inherited from Object.prototype. */
function own<T>(map: Record<string, T>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** The output item of a failed item under Continue On Fail: its message and description. */
function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const description = (error as { description?: string }).description;
	return {
		json: {
			error: (error as Error).message,
			...(description ? { description } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

/** How a node's execute() runs its items: whether a failing item ends the run or yields an error item. */
export interface RouterOptions {
	/** The node's `this.continueOnFail()`, read by its execute(). */
	continueOnFail: boolean;
	/** How many items may run at once; 1 (the default) runs them one after another. */
	concurrency?: number;
}

type Outcome = IDataObject[] | { failed: unknown };

/** An item's key, or undefined when it has none or its parameters cannot be read yet. */
function keyOf(ctx: IExecuteFunctions, module: OperationModule, itemIndex: number) {
	try {
		return module.itemKey?.call(ctx, itemIndex);
	} catch {
		// The item's own run reports the bad parameter.
		return undefined;
	}
}

/**
 * Runs `execute` for every item, at most `limit` at once, starting them in item order; items that
 * share a key wait for the one before them. With `stopOnFailure`, no item after a failed one
 * starts (those before it all finish), as when items run one after another.
 */
async function runItems(
	ctx: IExecuteFunctions,
	module: OperationModule,
	count: number,
	limit: number,
	stopOnFailure: boolean,
): Promise<Array<Outcome | undefined>> {
	const outcomes = new Array<Outcome | undefined>(count);
	const lastOfKey = new Map<string, Promise<unknown>>();
	let firstFailure = Infinity;
	let next = 0;
	const stopped = (i: number) => stopOnFailure && i > firstFailure;
	const lane = async (): Promise<void> => {
		while (next < count && !stopped(next)) {
			const i = next++;
			const key = keyOf(ctx, module, i);
			const before = key === undefined ? undefined : lastOfKey.get(key);
			const run = (async () => {
				if (before) await before;
				if (stopped(i)) return undefined;
				return await module.execute.call(ctx, i);
			})();
			if (key !== undefined)
				lastOfKey.set(
					key,
					run.catch(() => undefined),
				);
			try {
				outcomes[i] = await run;
			} catch (error) {
				outcomes[i] = { failed: error };
				firstFailure = Math.min(firstFailure, i);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, lane));
	return outcomes;
}

/**
 * The item loop of a node built from a resource → operation map. It runs the chosen operation once
 * per input item (up to `concurrency` items at once, see runItems) and pairs each result with its
 * item, in item order. With Continue On Fail, a failing item yields
 * an error item paired to it and the rest go on; without it, the error names the item. The node's
 * execute() reads `this.continueOnFail()` itself and hands it over (n8n's require-continue-on-fail
 * rule looks for that call in execute()).
 */
export function createRouter(
	resources: ResourceMap,
): (this: IExecuteFunctions, options: RouterOptions) => Promise<INodeExecutionData[][]> {
	return async function router(
		this: IExecuteFunctions,
		{ continueOnFail, concurrency }: RouterOptions,
	): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const operations = own(resources, resource)?.operations;
		const module = operations ? own(operations, operation) : undefined;
		if (!module) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
			);
		}

		const out: INodeExecutionData[] = [];
		const outcomes: Array<Outcome | undefined> = module.executeAll
			? (await module.executeAll.call(this, items.length)).map((o) =>
					o instanceof Error ? { failed: o } : o,
				)
			: await runItems(this, module, items.length, concurrency ?? 1, !continueOnFail);
		// Without Continue On Fail, the first failed item in item order ends the run.
		const failedAt = outcomes.findIndex((o) => o !== undefined && !Array.isArray(o));
		if (!continueOnFail && failedAt >= 0)
			throw stampItemIndex((outcomes[failedAt] as { failed: unknown }).failed, failedAt);
		outcomes.forEach((outcome, i) => {
			if (outcome === undefined) return;
			if (Array.isArray(outcome)) {
				out.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(outcome), {
						itemData: { item: i },
					}),
				);
				return;
			}
			out.push(errorItem(outcome.failed, i));
		});
		return [out];
	};
}
