import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readEnvelope } from '../FlowRetail/helpers/records';
import { simplifyCustomer } from '../FlowRetail/helpers/simplify';
import { flowPath, flowRequest } from '../FlowRetail/transport';
import type { PollPage } from '../shared/pollEngine';
import { runPoll, serverTimeOf } from '../shared/pollEngine';

export type PollEvent = 'newCustomer' | 'updatedCustomer';

/** The page the walk reads; the API documents no maximum [assumption: 100 is accepted]. */
export const POLL_PAGE_SIZE = 100;

/** Walks at most this many pages per poll, a guard far above any real window. */
const MAX_PAGES = 1000;

interface EventSpec {
	field: 'createdAt' | 'lastModifiedAt';
	keyOf(record: IDataObject): string;
	skip?(record: IDataObject): boolean;
}

const instant = (value: unknown) => Date.parse(String(value));

export const EVENTS: Record<PollEvent, EventSpec> = {
	newCustomer: { field: 'createdAt', keyOf: (r) => String(r.customerUid) },
	updatedCustomer: {
		field: 'lastModifiedAt',
		keyOf: (r) => `${String(r.customerUid)}@${String(r.lastModifiedAt)}`,
		// Not changed since it was created: a "new customer" event, not an update.
		skip: (r) => instant(r.createdAt) === instant(r.lastModifiedAt),
	},
};

async function readPage(ctx: IPollFunctions, field: string, pageNumber: number, pageSize: number) {
	const response = await flowRequest(ctx, 'GET', flowPath`/customers`, {
		qs: { sortBy: field, sortDirection: 'DESC', pageNumber, pageSize },
	});
	return { ...readEnvelope(ctx, response.body), serverTime: serverTimeOf(response.headers) };
}

/**
 * Every customer whose event date is after `after`. Flow Retail's list has no date filter, so the
 * list is read newest first (`sortBy=<field>&sortDirection=DESC`) until a page reaches `after`
 * [assumption: sortBy on both dates is accepted]. A record that changes during the walk moves to
 * the top and pushes the others down (read twice, dropped by the engine's keys); a deletion would
 * pull one up past the walk, so when the total falls during the walk, the walk is read again.
 * The records are returned oldest first, as the poll engine expects.
 */
export async function readSince(
	ctx: IPollFunctions,
	field: EventSpec['field'],
	after: number,
): Promise<PollPage<IDataObject>> {
	const byKey = new Map<string, IDataObject>();
	let serverTime: number | undefined;
	for (let pass = 0; pass < 3; pass++) {
		let firstTotal: number | undefined;
		let lastTotal: number | undefined;
		for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
			const page = await readPage(ctx, field, pageNumber, POLL_PAGE_SIZE);
			serverTime ??= page.serverTime;
			firstTotal ??= page.total;
			lastTotal = page.total;
			let reached = false;
			for (const record of page.items) {
				const date = instant(record[field]);
				if (!(date > after)) {
					reached = true;
					continue;
				}
				byKey.set(`${String(record.customerUid)}@${String(record[field])}`, record);
			}
			if (reached || page.items.length < POLL_PAGE_SIZE) break;
			if (pageNumber * POLL_PAGE_SIZE >= page.total) break;
		}
		if (lastTotal === undefined || firstTotal === undefined || lastTotal >= firstTotal) break;
	}
	const records = [...byKey.values()].sort(
		(a, b) =>
			instant(a[field]) - instant(b[field]) ||
			String(a.customerUid).localeCompare(String(b.customerUid)),
	);
	return { records, serverTime };
}

/**
 * One poll of the Flow Retail Poll Trigger on the package's poll engine. The whole window comes
 * back as one "page" (the walk above reads Flow Retail's pages), so the engine never pages by
 * number on its own.
 */
export async function pollCustomers(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as PollEvent;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const spec = Object.prototype.hasOwnProperty.call(EVENTS, event) ? EVENTS[event] : undefined;
	if (!spec) throw new NodeOperationError(this.getNode(), `Unknown event "${String(event)}"`);
	const records = await runPoll<IDataObject>(this, {
		pageSize: Number.MAX_SAFE_INTEGER,
		readPage: async (after, pageNumber) =>
			pageNumber === 1 ? await readSince(this, spec.field, after) : { records: [] },
		readNewest: async () => {
			const page = await readPage(this, spec.field, 1, 1);
			return { records: page.items, serverTime: page.serverTime };
		},
		dateOf: (record) => instant(record[spec.field]),
		idOf: (record) => String(record.customerUid),
		eventKey: (record) => (spec.skip?.(record) ? undefined : spec.keyOf(record)),
	});
	if (!records) return null;
	const simplify = options.simplify !== false;
	return [this.helpers.returnJsonArray(simplify ? records.map(simplifyCustomer) : records)];
}
