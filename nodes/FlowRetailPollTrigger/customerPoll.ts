import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { checkDateOrder } from '../FlowRetail/helpers/listing';
import { readEnvelope, flowPath, flowApiRequest, flowTimeZone } from '../FlowRetail/transport';
import { FLOW_CHANGE_FIELDS, simplifyCustomer } from '../FlowRetail/helpers/simplify';
import { onlyChangedRecords } from '../shared/changeFilter';
import { grantedPageSize } from '../shared/pagination';
import { isoDateOrNull } from '../shared/customer';
import type { PollPage } from '../shared/pollEngine';
import { runPoll, serverTimeOf } from '../shared/pollEngine';
import type { PollEventSpec } from '../shared/pollEvents';
import { eventKeyOf, pollEventOf } from '../shared/pollEvents';

export type PollEvent = 'newCustomer' | 'updatedCustomer';

/**
 * The page the walk reads. A poll mostly finds a few changes on its first page, so a small page
 * costs least; a tenant that grants fewer (no maximum is documented) is read on in its size.
 */
export const POLL_PAGE_SIZE = 100;

/** The page the sample and the first poll read: enough to see whether the order holds. */
const NEWEST_SAMPLE = 10;

/** Walks at most this many pages per poll, a guard far above any real window. */
const MAX_PAGES = 1000;

type EventSpec = PollEventSpec<'createdAt' | 'lastModifiedAt'>;

/**
 * The instant of a Flow Retail time: one without an offset is a wall-clock time of the tenant's
 * zone (the credential's), never of the n8n server's. NaN for no date.
 */
const instantIn = (timeZone: string) => (value: unknown) =>
	Date.parse(isoDateOrNull(value, timeZone) ?? '');

/** Two times of one record are the same instant (in whichever zone both are read). */
const sameInstant = (a: unknown, b: unknown) => instantIn('UTC')(a) === instantIn('UTC')(b);

export const EVENTS: Record<PollEvent, EventSpec> = {
	newCustomer: { field: 'createdAt', keyOf: (r) => String(r.customerUid) },
	updatedCustomer: {
		field: 'lastModifiedAt',
		keyOf: (r) => `${String(r.customerUid)}@${String(r.lastModifiedAt)}`,
		// Not changed since it was created: a "new customer" event, not an update.
		skip: (r) => sameInstant(r.createdAt, r.lastModifiedAt),
	},
};

/**
 * One page, newest first. The walk relies on `sortBy=<field>`, which no document shows: a page in
 * another order stops the poll with an error that says so, instead of missing changes in silence.
 */
async function readPage(
	ctx: IPollFunctions,
	field: string,
	pageNumber: number,
	pageSize: number,
	timeZone: string,
) {
	const sort = { sortBy: field, sortDirection: 'DESC' };
	const response = await flowApiRequest(ctx, 'GET', flowPath`/customers`, {
		qs: { ...sort, pageNumber, pageSize },
	});
	const page = readEnvelope(ctx, response.body);
	checkDateOrder(ctx, page.items, sort, timeZone, 'customers');
	return { ...page, serverTime: serverTimeOf(response.headers) };
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
	timeZone: string,
): Promise<PollPage<IDataObject>> {
	const instant = instantIn(timeZone);
	const byKey = new Map<string, IDataObject>();
	let serverTime: number | undefined;
	for (let pass = 0; pass < 3; pass++) {
		let firstTotal: number | undefined;
		let lastTotal: number | undefined;
		let lastOfPage: IDataObject | undefined;
		let size = POLL_PAGE_SIZE;
		for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
			const page = await readPage(ctx, field, pageNumber, size, timeZone);
			// A tenant that grants a smaller page is read on in that size.
			if (pageNumber === 1) size = grantedPageSize(POLL_PAGE_SIZE, page);
			// The order holds across pages too (a record changed meanwhile only moves to the top).
			if (lastOfPage && page.items.length)
				checkDateOrder(
					ctx,
					[lastOfPage, page.items[0]],
					{ sortBy: field, sortDirection: 'DESC' },
					timeZone,
					'customers',
				);
			lastOfPage = page.items.at(-1) ?? lastOfPage;
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
			if (reached || page.items.length < size) break;
			if (pageNumber * size >= page.total) break;
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
 * One poll of the Flow Retail Poll Trigger on the package's poll engine, which gets the whole
 * window from the walk above (Flow Retail's list cannot be filtered by date).
 */
export async function pollCustomers(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as string;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const spec = pollEventOf(this, EVENTS, event);
	const timeZone = await flowTimeZone(this);
	const instant = instantIn(timeZone);
	const records = await runPoll<IDataObject>(this, {
		// The list has no date filter: the walk above reads the window itself.
		readSince: async (start) => await readSince(this, spec.field, start - 1, timeZone),
		// A few records, so that their order can be checked; the newest is the sample.
		readNewest: async () => {
			const page = await readPage(this, spec.field, 1, NEWEST_SAMPLE, timeZone);
			return { records: page.items.slice(0, 1), serverTime: page.serverTime };
		},
		dateOf: (record) => instant(record[spec.field]),
		idOf: (record) => String(record.customerUid),
		eventKey: eventKeyOf(spec),
	});
	const emitted = onlyChangedRecords(this, records, {
		fields: FLOW_CHANGE_FIELDS,
		idOf: (record) => String(record.customerUid),
		commonOf: (record) => simplifyCustomer(record, timeZone),
		isNew: () => event === 'newCustomer',
	});
	if (!emitted) return null;
	const simplify = options.simplify !== false;
	return [
		this.helpers.returnJsonArray(
			simplify ? emitted.map((r) => simplifyCustomer(r, timeZone)) : emitted,
		),
	];
}
