import type { IDataObject, INode } from 'n8n-workflow';

import { unexpectedFlowAnswer } from './profile';

export const isRecord = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/** A record answer, or an "unexpected answer" error naming what was expected. */
export function asRecord(
	ctx: { getNode(): INode },
	body: unknown,
	what: string,
	itemIndex?: number,
): IDataObject {
	if (!isRecord(body)) throw unexpectedFlowAnswer(ctx, body, what, itemIndex);
	return body;
}

/** One page of the `{items, paging}` envelope [verified: SEED]; both keys are required. */
export function readEnvelope(
	ctx: { getNode(): INode },
	body: unknown,
	itemIndex?: number,
): { items: IDataObject[]; total: number; pageSize?: number } {
	const b = body as
		| { items?: unknown; paging?: { totalCount?: unknown; pageSize?: unknown } }
		| undefined;
	if (!isRecord(b) || !Array.isArray(b.items) || !isRecord(b.paging)) {
		throw unexpectedFlowAnswer(ctx, body, 'a page {items, paging}', itemIndex);
	}
	const total = Number(b.paging.totalCount);
	// The size the tenant granted, which may be less than asked (no maximum is documented).
	const pageSize = Number(b.paging.pageSize);
	return {
		items: (b.items as unknown[]).filter(isRecord),
		total: Number.isFinite(total) ? total : Infinity,
		...(Number.isInteger(pageSize) && pageSize >= 1 ? { pageSize } : {}),
	};
}
