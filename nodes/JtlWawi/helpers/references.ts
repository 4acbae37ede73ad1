import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { oncePerRun } from '../../shared/runCache';
import type { JtlPath } from '../transport';
import { jtlApiRequest, jtlPath, asArray } from '../transport';

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

/** The fields a customer group has in both APIs, by their v1 and v2 names. */
const GROUP_KEYS: Array<[string, string]> = [
	['Name', 'name'],
	['IsDefault', 'isDefault'],
	['Discount', 'discount'],
	['IsNetPrice', 'isNetPrice'],
];

/**
 * v1 customer group number → v2 group UUID, for v1 customers whose v2 record the run has not read
 * (an older JTL-Wawi without the v2 customer list). No document links the two ID spaces, so the
 * groups are matched by what both lists hold: name, default flag, discount and net-price flag.
 * Only a group that matches exactly one v2 group gets its UUID; any doubt leaves it out (null in
 * the output, never a wrong group). Two requests per run; a failing list gives an empty map.
 */
export async function groupUuidsByV1Id(
	ctx: RequestContext,
	itemIndex?: number,
): Promise<Map<number, string>> {
	return await oncePerRun(ctx, 'jtl:groupUuidsByV1Id', async () => {
		const byV1 = new Map<number, string>();
		try {
			const [v1, v2] = await Promise.all([
				jtlApiRequest(ctx, 'GET', jtlPath`/customerGroups`, { itemIndex }),
				jtlApiRequest(ctx, 'GET', jtlPath`/v2/customerGroups`, { itemIndex }),
			]);
			const v1Groups = asArray(v1.body) ?? [];
			const v2Groups = asArray(v2.body) ?? [];
			const signature = (group: IDataObject, api: 0 | 1) =>
				JSON.stringify(
					GROUP_KEYS.map((names) => group[names[api]] ?? group[names[api === 0 ? 1 : 0]] ?? null),
				);
			for (const group of v1Groups) {
				const twins = v2Groups.filter((g) => signature(g, 1) === signature(group, 0));
				const uuid = twins.length === 1 ? (twins[0].id ?? twins[0].Id) : undefined;
				if (typeof uuid === 'string') byV1.set(Number(group.Id), uuid.toLowerCase());
			}
		} catch {
			// Without both lists, no group is matched.
		}
		return byV1;
	});
}
