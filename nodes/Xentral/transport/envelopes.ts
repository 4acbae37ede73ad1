import type { IDataObject, INode } from 'n8n-workflow';

import type { Page } from '../../shared/pagination';
import { unexpectedShape } from './profile';

/** The record of a `{data: {...}}` answer. */
export function dataOf(
	ctx: { getNode(): INode },
	body: unknown,
	expected: string,
	itemIndex?: number,
): IDataObject {
	const data = (body as IDataObject | undefined)?.data;
	if (!data || typeof data !== 'object' || Array.isArray(data))
		throw unexpectedShape(ctx, body, expected, itemIndex);
	return data as IDataObject;
}

/** A `{data: [...], extra: {totalCount, page | cursor}}` answer as one page of the core's paging. */
export function pageOf(
	ctx: { getNode(): INode },
	body: unknown,
	expected: string,
	itemIndex?: number,
): Page<IDataObject> {
	const b = body as IDataObject | undefined;
	if (!b || !Array.isArray(b.data)) throw unexpectedShape(ctx, body, expected, itemIndex);
	const extra = (b.extra ?? {}) as IDataObject;
	const total = typeof extra.totalCount === 'number' ? extra.totalCount : undefined;
	const cursor = (extra.cursor ?? undefined) as IDataObject | undefined;
	return {
		items: b.data as IDataObject[],
		total,
		...(cursor ? { nextCursor: (cursor.nextCursor as string | null) ?? null } : {}),
	};
}

/**
 * The new record's ID from a 201's `Location` header: its last path segment, digits (or one of
 * `allowedWords`, as the address IDs `masterdata` and `billingaddress`).
 */
export function idFromLocation(
	ctx: { getNode(): INode },
	headers: Record<string, string>,
	itemIndex: number,
	allowedWords: string[] = [],
): string {
	const location = headers.location ?? '';
	const last = location.split(/[?#]/)[0].replace(/\/+$/, '').split('/').pop() ?? '';
	let id: string;
	try {
		id = decodeURIComponent(last);
	} catch {
		id = '';
	}
	if (/^\d{1,18}$/.test(id) || allowedWords.includes(id)) return id;
	throw unexpectedShape(
		ctx,
		`Location: ${location || '(none)'}`,
		'a Location header naming the new record',
		itemIndex,
	);
}
