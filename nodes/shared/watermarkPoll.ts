import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/** Pages one poll reads at most: a loop guard, far above any real backlog. */
export const MAX_WATERMARK_PAGES = 10_000;

/**
 * What a vendor supplies for a "new record" trigger over an API that can list records after an
 * ID but has no creation date to filter on: records come in ascending ID order, and an ID once
 * given is never given to an older record.
 */
export interface WatermarkSource<R> {
	/** How many records `readAfter` asks for; a shorter page is the last one. */
	pageSize: number;
	/** The records with an ID greater than `afterId`, ascending by ID, one page. */
	readAfter(afterId: number): Promise<R[]>;
	/** The newest record or records: the editor's test step, and the first poll's watermark. */
	readNewest(): Promise<R[]>;
	/** The record's numeric ID. */
	idOf(record: R): number;
}

/** What the poll keeps in the node's static data between polls. */
export interface WatermarkState extends IDataObject {
	/** The highest ID emitted or seen at activation. */
	watermark?: number;
}

/**
 * One poll of an ID-watermark trigger. The editor's test step returns the newest records and
 * leaves the state alone. The first poll after activation only records the highest ID. Later
 * polls read every record above the watermark by keyset (each page after the last ID read, so a
 * list that changes while it is read cannot skip one), and move the watermark only after the
 * whole backlog was read: an error leaves it as it was, and the next poll reads the same records.
 * Returns null when there is nothing new.
 */
export async function runWatermarkPoll<R>(
	ctx: IPollFunctions,
	source: WatermarkSource<R>,
): Promise<R[] | null> {
	if (ctx.getMode() === 'manual') {
		const sample = await source.readNewest();
		return sample.length ? sample : null;
	}
	const state = ctx.getWorkflowStaticData('node') as WatermarkState;
	if (typeof state.watermark !== 'number' || !Number.isFinite(state.watermark)) {
		const newest = await source.readNewest();
		state.watermark = newest.reduce((max, r) => Math.max(max, source.idOf(r)), 0);
		return null;
	}
	const fresh: R[] = [];
	let after = state.watermark;
	for (let pages = 0; ; pages++) {
		if (pages >= MAX_WATERMARK_PAGES)
			throw new Error(`The poll read ${MAX_WATERMARK_PAGES} pages without reaching the end`);
		const page = await source.readAfter(after);
		for (const record of page) {
			const id = source.idOf(record);
			// A record at or below what was read already is never emitted twice.
			if (!(id > after)) continue;
			fresh.push(record);
			after = id;
		}
		if (page.length < source.pageSize) break;
	}
	if (after > state.watermark) state.watermark = after;
	return fresh.length ? fresh : null;
}
