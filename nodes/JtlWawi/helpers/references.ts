import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JtlPath } from '../transport';
import { jtlApiRequest, jtlPath } from '../transport';

/** The v1 reference lists a customer write refers to. */
type ReferenceList = '/customerGroups' | '/companies' | '/customerCategories' | '/paymentMethods';

/**
 * Reference lists read once per node run, shared by all its items. Only a successful read is kept:
 * a failed one is forgotten, so the next item asks again instead of inheriting the failure.
 */
const cache = new WeakMap<object, Map<string, Promise<Set<number>>>>();

const REFERENCE_PATHS: Record<ReferenceList, JtlPath> = {
	'/customerGroups': jtlPath`/customerGroups`,
	'/companies': jtlPath`/companies`,
	'/customerCategories': jtlPath`/customerCategories`,
	'/paymentMethods': jtlPath`/paymentMethods`,
};

async function knownIds(ctx: IExecuteFunctions, path: ReferenceList): Promise<Set<number>> {
	let lists = cache.get(ctx);
	if (!lists) cache.set(ctx, (lists = new Map()));
	let ids = lists.get(path);
	if (!ids) {
		const read = jtlApiRequest<IDataObject[]>(ctx, 'GET', REFERENCE_PATHS[path]).then(
			({ body }) => new Set((Array.isArray(body) ? body : []).map((entry) => Number(entry.Id))),
		);
		lists.set(path, read);
		const kept = lists;
		read.catch(() => {
			if (kept.get(path) === read) kept.delete(path);
		});
		ids = read;
	}
	return await ids;
}

/**
 * Checks that a reference ID (customer group, company, category, payment method) exists before a
 * customer write is sent, so a typo fails with a clear message instead of a half-done write.
 */
export async function assertReferenceExists(
	ctx: IExecuteFunctions,
	path: ReferenceList,
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
