import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jtlApiRequest } from '../transport';

/** Reference lists read once per node run, shared by all its items. */
const cache = new WeakMap<object, Map<string, Promise<Set<number>>>>();

async function knownIds(ctx: IExecuteFunctions, path: string): Promise<Set<number>> {
	let lists = cache.get(ctx);
	if (!lists) cache.set(ctx, (lists = new Map()));
	let ids = lists.get(path);
	if (!ids) {
		ids = jtlApiRequest<IDataObject[]>(ctx, 'GET', path).then(
			({ body }) => new Set((Array.isArray(body) ? body : []).map((entry) => Number(entry.Id))),
		);
		lists.set(path, ids);
	}
	return await ids;
}

/**
 * Checks that a reference ID (customer group, company, category, payment method) exists before a
 * customer write is sent, so a typo fails with a clear message instead of a half-done write.
 */
export async function assertReferenceExists(
	ctx: IExecuteFunctions,
	path: '/customerGroups' | '/companies' | '/customerCategories' | '/paymentMethods',
	id: number | undefined,
	label: string,
	itemIndex: number,
): Promise<void> {
	if (id === undefined) return;
	const ids = await knownIds(ctx, path);
	if (!ids.has(id)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label} (item ${itemIndex}) ${id} does not exist in JTL-Wawi`,
			{
				itemIndex,
				description: `Known IDs: ${[...ids].sort((a, b) => a - b).join(', ') || 'none'}. Pick one from the list.`,
			},
		);
	}
}
