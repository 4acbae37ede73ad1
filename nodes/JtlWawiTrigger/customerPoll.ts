import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	jtlApiRequest,
	jtlPath,
	jtlTimeZone,
	unexpectedShape,
	JTL_PAGE_SIZE_MAX,
	readV2Page,
} from '../JtlWawi/transport';
import { isoDateOrNull } from '../shared/customer';
import { V2_LIST_MISMATCH_HELP, requiresV2List, v2ListMismatch } from '../JtlWawi/helpers/v2Lists';
import { customerOutput } from '../JtlWawi/helpers/output';
import { simplifyCustomerV2 } from '../JtlWawi/helpers/simplify';
import { customerChangeFields, onlyChangedRecords } from '../shared/changeFilter';
import type { PollPage } from '../shared/pollEngine';
import { runPoll, serverTimeOf } from '../shared/pollEngine';
import type { PollEventSpec } from '../shared/pollEvents';
import { eventKeyOf, pollEventOf } from '../shared/pollEvents';

export type CustomerEvent = 'newCustomer' | 'updatedCustomer';

/** The common-shape fields "Only When These Fields Change" offers: those a v2 record fills. */
export const JTL_CHANGE_FIELDS = customerChangeFields([
	'number',
	'type',
	'company',
	'firstName',
	'lastName',
	'email',
	'phone',
	'mobile',
	'street',
	'postalCode',
	'city',
	'countryIso',
	'groupId',
	'languageIso',
	'isLocked',
]);

/** An event: the v2 date field its window filters and sorts on, and its key. */
type EventSpec = PollEventSpec<'createdDate' | 'lastChanged'>;

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
 * The query of one keyset page: the event's records strictly after `after` (JTL's
 * `<field>After` is strict), sorted by the event's date and then by ID, ascending.
 */
export function pageQuery(
	field: EventSpec['field'],
	after: number,
	pageNumber: number,
): IDataObject {
	return {
		sortBy: `${field},id`,
		sortDescending: false,
		[`${field}After`]: new Date(after).toISOString(),
		pageNumber,
		pageSize: JTL_PAGE_SIZE_MAX,
	};
}

function itemsOf(ctx: IPollFunctions, body: unknown): IDataObject[] {
	const envelope = body as IDataObject | undefined;
	if (!envelope || typeof envelope !== 'object' || !Array.isArray(envelope.items)) {
		throw unexpectedShape(ctx, body, 'a paged list of customers');
	}
	return readV2Page(body).items;
}

/** One page of `GET /v2/customers`, with JTL's clock from the answer's `Date` header. */
async function readCustomerPage(
	ctx: IPollFunctions,
	qs: IDataObject,
): Promise<PollPage<IDataObject>> {
	let response;
	try {
		response = await jtlApiRequest(ctx, 'GET', jtlPath`/v2/customers`, { qs });
	} catch (error) {
		throw requiresV2List(ctx, error);
	}
	return { records: itemsOf(ctx, response.body), serverTime: serverTimeOf(response.headers) };
}

async function output(
	ctx: IPollFunctions,
	records: IDataObject[],
	simplify: boolean,
): Promise<INodeExecutionData[][]> {
	return [ctx.helpers.returnJsonArray(await customerOutput(ctx, records, simplify, 0, false))];
}

/**
 * One poll of the JTL-Wawi Trigger on the package's poll engine: JTL supplies one keyset page of
 * `GET /v2/customers` (sorted by the event's date and then ID, after a date), the newest record,
 * the record's date, ID and event key.
 */
export async function pollCustomers(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as string;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const simplify = options.simplify !== false;
	const spec = pollEventOf(this, EVENTS, event);

	// JTL may send its times without an offset: they are read in JTL's zone (the credential's Time
	// Zone), never in the zone of the n8n server.
	const timeZone = await jtlTimeZone(this);
	const dateOf = (record: IDataObject) =>
		Date.parse(isoDateOrNull(record[spec.field], timeZone) ?? '');
	const records = await runPoll<IDataObject>(this, {
		pageSize: JTL_PAGE_SIZE_MAX,
		readPage: async (after, pageNumber) => {
			const page = await readCustomerPage(this, pageQuery(spec.field, after, pageNumber));
			// JTL does not document the list's date fields: a list that ignores the filter or the
			// sort would emit old customers as events, so the poll fails loudly instead.
			const mismatch = v2ListMismatch(
				page.records,
				{
					windows: [{ field: spec.field, after }],
					sort: { field: spec.field, descending: false },
				},
				timeZone,
			);
			if (mismatch)
				throw new NodeOperationError(
					this.getNode(),
					`JTL-Wawi's v2 customer list did not apply the filter ${spec.field}After or the sort by ${spec.field}`,
					{
						description: `${mismatch} ${V2_LIST_MISMATCH_HELP} No customer was emitted; the trigger reads the same window again at the next poll.`,
					},
				);
			return page;
		},
		readNewest: async () =>
			await readCustomerPage(this, {
				sortBy: `${spec.field},id`,
				sortDescending: true,
				pageNumber: 1,
				pageSize: 1,
			}),
		dateOf,
		idOf: (record) => String(record.id),
		eventKey: eventKeyOf(spec),
	});
	const emitted = onlyChangedRecords(this, records, {
		fields: JTL_CHANGE_FIELDS,
		idOf: (record) => String(record.id),
		commonOf: (record) => simplifyCustomerV2(record, timeZone),
		isNew: () => event === 'newCustomer',
	});
	return emitted ? await output(this, emitted, simplify) : null;
}
