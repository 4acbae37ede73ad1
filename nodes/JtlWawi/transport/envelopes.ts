import type { IDataObject } from 'n8n-workflow';

import type { Page } from '../../shared/pagination';

function num(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Reads JTL's v1 `PagedListOf<T>` envelope (PascalCase). HasNextPage is the loop condition. */
export function readV1Page(body: unknown): Page<IDataObject> {
	const b = (body ?? {}) as IDataObject;
	return {
		items: Array.isArray(b.Items) ? (b.Items as IDataObject[]) : [],
		hasMore: typeof b.HasNextPage === 'boolean' ? b.HasNextPage : undefined,
		total: num(b.TotalItems),
	};
}

/** Reads JTL's v2 paged envelope (camelCase). */
export function readV2Page(body: unknown): Page<IDataObject> {
	const b = (body ?? {}) as IDataObject;
	const hasNext = b.hasNextPage;
	return {
		items: Array.isArray(b.items) ? (b.items as IDataObject[]) : [],
		// Some JTL schemas type hasNextPage as a number; accept both.
		hasMore:
			typeof hasNext === 'boolean'
				? hasNext
				: typeof hasNext === 'number'
					? hasNext > 0
					: undefined,
		total: num(b.totalItems),
	};
}

/** A bare JSON array, or the Items/items of a v1/v2 paged envelope; undefined for any other shape. */
export function asArray(body: unknown): IDataObject[] | undefined {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		const b = body as IDataObject;
		const items = b.Items ?? b.items;
		if (Array.isArray(items)) return items as IDataObject[];
	}
	return undefined;
}

/**
 * One answer of a v2 reference list. JTL's 2.0 spec documents `/v2/customerGroups` and
 * `/v2/customerCategories` as a bare JSON array (no paging); other v2 lists may come as the paged
 * camelCase envelope. A bare array is the whole list, so paging stops there.
 */
export function readV2ReferencePage(body: unknown): Page<IDataObject> {
	if (Array.isArray(body)) return { items: body as IDataObject[], hasMore: false };
	return readV2Page(body);
}
