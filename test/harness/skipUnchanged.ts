import type { NodeChange } from './jtlSuite';
import type { WorkflowResult } from './runWorkflow';

/** The node at version 1.1 (a node added today), with these Options; `also` changes more. */
export const atVersion11 =
	(options: Record<string, unknown> = {}, also?: NodeChange): NodeChange =>
	(parameters, node) => {
		node.typeVersion = 1.1;
		parameters.options = options;
		also?.(parameters, node);
	};

/** What the Skip Unchanged tests need of a vendor's test suite. */
interface Suite {
	run: (file: string, items: object[], change?: NodeChange) => Promise<WorkflowResult>;
	writes: () => Promise<Array<{ method: string }>>;
	sandbox: { clearRequests: () => Promise<unknown> };
}

/**
 * An item whose values the record already holds is written as before (one `method` request) with
 * Skip Unchanged off, and by a node of version 1 (a saved workflow) without the option; neither
 * output carries `unchanged`.
 */
export async function expectWrittenWithoutSkip(
	suite: Suite,
	file: string,
	item: object,
	nodeName: string,
	method: string,
) {
	for (const change of [atVersion11({ skipUnchanged: false }), undefined]) {
		await suite.sandbox.clearRequests();
		const result = await suite.run(file, [item], change);
		expect(result.error).toBeUndefined();
		expect((await suite.writes()).map((w) => w.method)).toEqual([method]);
		expect(result.output(nodeName)[0]).not.toHaveProperty('unchanged');
	}
}
