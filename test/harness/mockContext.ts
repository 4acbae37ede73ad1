import type { IDataObject, IExecuteFunctions, INode, NodeOperationError } from 'n8n-workflow';

export const testNode: INode = {
	id: '1',
	name: 'JTL-Wawi',
	type: 'n8n-nodes-erp-customers.jtlWawi',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Node parameters by name, as the editor stores them. */
export type Params = Record<string, unknown>;

/**
 * An IExecuteFunctions for operation unit tests: getNodeParameter reads from `params` (one map, or
 * one map per item) and unwraps resource-locator values when asked to, as n8n does. A missing
 * parameter without a fallback throws, like n8n. getCredentials gives `credentials` (the
 * transport, which needs the real ones, is mocked in these tests).
 */
export function mockExecuteContext(
	params: Params | Params[],
	credentials: IDataObject = {},
): IExecuteFunctions {
	const getNodeParameter = (
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: { extractValue?: boolean },
	) => {
		const map = Array.isArray(params) ? params[itemIndex] : params;
		let value = map[name];
		if (value === undefined) {
			if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
			value = fallback;
		}
		if (
			options?.extractValue &&
			value &&
			typeof value === 'object' &&
			(value as { __rl?: boolean }).__rl
		) {
			return (value as { value: unknown }).value;
		}
		return value;
	};
	const items = (Array.isArray(params) ? params : [params]).map(() => ({ json: {} }));
	return {
		getNode: () => testNode,
		getNodeParameter,
		getInputData: () => items,
		getCredentials: async () => credentials,
	} as unknown as IExecuteFunctions;
}

/** A resource-locator value as the editor stores it. */
export const locator = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });

/** A transport answer. */
export const answer = (body: unknown, statusCode = 200) => ({
	statusCode,
	headers: {},
	body: body as IDataObject,
});

/** Runs an operation and returns the error it throws (fails the test if it does not throw). */
export async function operationFailure(
	op: { execute(this: IExecuteFunctions, i: number): Promise<unknown> },
	ctx: IExecuteFunctions,
	itemIndex = 0,
) {
	try {
		await op.execute.call(ctx, itemIndex);
	} catch (error) {
		return error as NodeOperationError & { context: { itemIndex?: number } };
	}
	throw new Error('expected the operation to fail');
}
