import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unexpectedShape, JTL_PAGE_SIZE_MAX } from '../JtlWawi/transport';
import { readV2Page } from '../JtlWawi/helpers/paging';
import { requestV2CustomerList } from '../JtlWawi/helpers/v2Lists';
import { customerOutput } from '../JtlWawi/helpers/customerOutput';
import { paginateByPageNumber } from '../shared/pagination';
import { runPoll } from '../shared/pollEngine';

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
			const body = await requestV2CustomerList(ctx, { ...query, pageNumber, pageSize });
			return { ...readV2Page(body), items: itemsOf(ctx, body) };
		},
		{ max, pageSizeMax: JTL_PAGE_SIZE_MAX, keyOf: (record) => String((record as IDataObject).id) },
	);
}

async function output(
	ctx: IPollFunctions,
	records: IDataObject[],
	simplify: boolean,
): Promise<INodeExecutionData[][]> {
	return [ctx.helpers.returnJsonArray(await customerOutput(ctx, records, simplify, 0))];
}

/**
 * One poll of the JTL-Wawi Trigger on the package's poll engine: JTL supplies the window read
 * (`GET /v2/customers`, sorted by the event's date and then ID, every page) and the event keys.
 */
export async function pollCustomers(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as CustomerEvent;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const simplify = options.simplify !== false;
	const spec = EVENTS[event];
	if (!spec) throw new NodeOperationError(this.getNode(), `Unknown event "${String(event)}"`);

	const records = await runPoll<IDataObject>(this, {
		readWindow: async (start, end) =>
			await fetchCustomers(this, windowQuery(spec.field, start, end), Infinity),
		readSample: async () =>
			await fetchCustomers(this, { sortBy: `${spec.field},id`, sortDescending: true }, 1),
		eventKey: (record) => (spec.skip?.(record) ? undefined : spec.keyOf(record)),
	});
	return records ? await output(this, records, simplify) : null;
}
