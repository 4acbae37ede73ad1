import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unexpectedShape } from '../JtlWawi/helpers/errors';
import { readV2Page } from '../JtlWawi/helpers/paging';
import { simplifyCustomerV2 } from '../JtlWawi/helpers/simplify';
import { JTL_PAGE_SIZE_MAX, jtlApiRequest } from '../JtlWawi/transport';
import { paginateByPageNumber } from '../shared/pagination';
import { clock } from './clock';

/** How far each window reaches back behind the previous one, to catch late commits. */
export const OVERLAP_MS = 5 * 60 * 1000;

/** How many emitted keys are remembered (the newest win). */
export const MAX_PROCESSED_KEYS = 10_000;

export type CustomerEvent = 'newCustomer' | 'updatedCustomer';

interface EventSpec {
	/** The v2 date field the window filters and sorts on. */
	field: 'createdDate' | 'lastChanged';
	/** The dedupe key of a record for this event. */
	keyOf: (record: IDataObject) => string;
	/** Records of the window that are not events of this kind. */
	skip?: (record: IDataObject) => boolean;
}

function sameInstant(a: unknown, b: unknown): boolean {
	if (a === undefined || a === null || b === undefined || b === null) return false;
	if (a === b) return true;
	const ta = Date.parse(String(a));
	return !Number.isNaN(ta) && ta === Date.parse(String(b));
}

export const EVENTS: Record<CustomerEvent, EventSpec> = {
	newCustomer: {
		field: 'createdDate',
		keyOf: (record) => String(record.id),
	},
	updatedCustomer: {
		field: 'lastChanged',
		keyOf: (record) => `${String(record.id)}@${String(record.lastChanged)}`,
		// Never changed since it was created: that is a "new customer" event, not an update.
		skip: (record) => sameInstant(record.createdDate, record.lastChanged),
	},
};

/** What the trigger keeps in the node's static data between polls. */
export interface TriggerState extends IDataObject {
	/** ISO time: the (exclusive) end of the last window that was read completely. */
	cursor?: string;
	/** ISO time of the first poll after activation; windows never reach back before it. */
	startedAt?: string;
	/** Keys emitted recently, oldest first, at most MAX_PROCESSED_KEYS. */
	processedKeys?: string[];
}

/**
 * The window a poll reads, as the half-open interval [start, end) in epoch milliseconds: from the
 * last cursor minus the overlap (but never before the first poll) up to now.
 */
export function pollWindow(state: TriggerState, nowMs: number): { start: number; end: number } {
	const cursor = Date.parse(String(state.cursor));
	const startedAt = state.startedAt === undefined ? NaN : Date.parse(state.startedAt);
	const start = Math.max(cursor - OVERLAP_MS, Number.isNaN(startedAt) ? -Infinity : startedAt);
	return { start, end: nowMs };
}

/**
 * Query parameters for the window [start, end). JTL's `<field>After`/`<field>Before` are strict
 * (> and <), and timestamps carry milliseconds, so `After = start − 1 ms` and `Before = end`.
 */
export function windowQuery(field: EventSpec['field'], start: number, end: number): IDataObject {
	return {
		sortBy: `${field},id`,
		sortDescending: false,
		[`${field}After`]: new Date(start - 1).toISOString(),
		[`${field}Before`]: new Date(end).toISOString(),
	};
}

function itemsOf(ctx: IPollFunctions, body: unknown): IDataObject[] {
	const envelope = body as IDataObject | undefined;
	if (!envelope || typeof envelope !== 'object' || !Array.isArray(envelope.items)) {
		throw unexpectedShape(ctx, body, 'a paged list of customers');
	}
	return readV2Page(body).items;
}

async function fetchCustomers(
	ctx: IPollFunctions,
	query: IDataObject,
	max: number,
): Promise<IDataObject[]> {
	return await paginateByPageNumber<IDataObject>(
		async (pageNumber, pageSize) => {
			const response = await jtlApiRequest(ctx, 'GET', '/v2/customers', {
				qs: { ...query, pageNumber, pageSize },
			});
			const page = readV2Page(response.body);
			return { ...page, items: itemsOf(ctx, response.body) };
		},
		{ max, pageSizeMax: JTL_PAGE_SIZE_MAX, keyOf: (record) => String((record as IDataObject).id) },
	);
}

function output(
	ctx: IPollFunctions,
	records: IDataObject[],
	simplify: boolean,
): INodeExecutionData[][] {
	const json = simplify ? records.map((record) => simplifyCustomerV2(record)) : records;
	return [ctx.helpers.returnJsonArray(json)];
}

/**
 * One poll. Manual mode returns the newest record and leaves the state alone. Otherwise: the first
 * poll only stores the cursor; later polls read every page of the window, emit the records whose
 * key was not emitted before, and advance the cursor once the whole window was read.
 */
export async function pollCustomers(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as CustomerEvent;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const simplify = options.simplify !== false;
	const spec = EVENTS[event];
	if (!spec) throw new NodeOperationError(this.getNode(), `Unknown event "${String(event)}"`);
	const now = clock.now().getTime();

	if (this.getMode() === 'manual') {
		const newest = await fetchCustomers(
			this,
			{ sortBy: `${spec.field},id`, sortDescending: true },
			1,
		);
		return newest.length ? output(this, newest, simplify) : null;
	}

	const state = this.getWorkflowStaticData('node') as TriggerState;
	if (typeof state.cursor !== 'string' || Number.isNaN(Date.parse(state.cursor))) {
		const iso = new Date(now).toISOString();
		state.cursor = iso;
		state.startedAt = iso;
		state.processedKeys = [];
		return null;
	}

	const { start, end } = pollWindow(state, now);
	if (end <= start) return null; // the clock went backwards; nothing to read yet
	// Any error below propagates before the state is touched, so the next poll reads the window again.
	const records = await fetchCustomers(this, windowQuery(spec.field, start, end), Infinity);

	const processed = Array.isArray(state.processedKeys) ? state.processedKeys : [];
	const seen = new Set(processed);
	const fresh: IDataObject[] = [];
	const freshKeys: string[] = [];
	for (const record of records) {
		if (spec.skip?.(record)) continue;
		const key = spec.keyOf(record);
		if (seen.has(key)) continue;
		seen.add(key);
		fresh.push(record);
		freshKeys.push(key);
	}

	state.cursor = new Date(end).toISOString();
	if (freshKeys.length)
		state.processedKeys = [...processed, ...freshKeys].slice(-MAX_PROCESSED_KEYS);
	return fresh.length ? output(this, fresh, simplify) : null;
}
