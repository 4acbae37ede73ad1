import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runItemsSideBySide } from './itemPool';
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
	executeAll?(
		this: IExecuteFunctions,
		itemCount: number,
		options?: RouterOptions,
	): Promise<Array<IDataObject[] | Error>>;
	/**
	 * Runs once after every item: turns the records of each item (an item that failed under
	 * Continue On Fail is its Error) into its output, in item order. For work that costs less once
	 * for the whole run than once per item, such as looking up IDs for many records at once.
	 */
	finish?(
		this: IExecuteFunctions,
		outcomes: Array<IDataObject[] | Error>,
	): Promise<Array<IDataObject[] | Error>>;
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

/**
 * The item loop of a node built from a resource → operation map. It runs the chosen operation once
 * per input item (up to `concurrency` items at once, see runItemsSideBySide) and pairs each result with its
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

		let outcomes: Array<IDataObject[] | Error> = module.executeAll
			? await module.executeAll.call(this, items.length, { continueOnFail })
			: await runItemsSideBySide(items.length, {
					concurrency: concurrency ?? 1,
					continueOnFail,
					keyOf: (i) => module.itemKey?.call(this, i),
					run: async (i) => await module.execute.call(this, i),
				});
		if (!continueOnFail) {
			// The first item that failed ends the run (items never started have no outcome).
			const failed = outcomes.findIndex((outcome) => outcome instanceof Error);
			if (failed >= 0) throw stampItemIndex(outcomes[failed], failed);
		}
		if (module.finish) outcomes = await module.finish.call(this, outcomes);
		const out: INodeExecutionData[] = [];
		outcomes.forEach((outcome, i) => {
			if (!(outcome instanceof Error)) {
				out.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(outcome), {
						itemData: { item: i },
					}),
				);
				return;
			}
			if (!continueOnFail) throw stampItemIndex(outcome, i);
			out.push(errorItem(outcome, i));
		});
		return [out];
	};
}
