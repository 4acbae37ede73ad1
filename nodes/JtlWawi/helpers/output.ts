import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { dateOnlyOrNull, isoDateOrNull } from '../../shared/customer';
import type { RequestContext } from '../../shared/http';
import { readSimplify } from '../../shared/parameters';
import { jtlTimeZone } from '../transport';
import type { CustomerIds } from './customerId';
import { idsOfList, idsOfRecord } from './customerId';
import { knownCustomer, rememberCustomer } from './knownCustomers';
import { groupUuidsByV1Id } from './references';
import { isV1Record, simplifyCustomer } from './simplify';

/**
 * What an operation that yields customers returns: the vendor's records with Simplify off, else the
 * common customer shape, in one ID space whichever API answered:
 *
 * - `id` is always the v2 UUID. A v1 record's UUID is found by its customer number (see
 *   `v2NumberIndex.ts`: a search by halves of the v2 list sorted by number, or one read of the
 *   whole list when that is fewer requests, kept for the run). Create and Create or Update look
 *   them up for all items of a run at once, after the last write (`simplifyWrittenCustomers`).
 *   Only a JTL-Wawi without the v2 list (before 2.2) leaves it null.
 * - `legacyId` is the v1 whole number: looked up for one customer (Get, Create, Update, Create or
 *   Update: one `GET /customers?number=`) and for a v2 list only when `lookUpOtherId` is 'list'
 *   (Customer > Get Many's Look Up Both IDs); otherwise a v2 list leaves it null.
 * - `groupId` is the v2 group UUID; a v1 record gets it from its v2 twin, else from the two group
 *   lists matched by name (two requests per run).
 * - `customerSince` is v1's `CustomerSince`: a v2 record gets it when the run has read its v1 twin.
 * - `createdAt` is null (JTL has no creation time the node can vouch for, see simplify.ts);
 *   `updatedAt` is v2's `lastChanged` read in the credential's Time Zone (a v1 record gets it
 *   from its v2 twin).
 */
export async function customerOutput(
	ctx: RequestContext,
	records: IDataObject[],
	simplify: boolean,
	itemIndex: number,
	lookUpOtherId: boolean | 'list' | 'run' = records.length === 1,
): Promise<IDataObject[]> {
	if (!simplify) return records;
	for (const record of records) rememberCustomer(ctx, record);
	const timeZone = await jtlTimeZone(ctx, itemIndex);
	let ids: Array<CustomerIds | undefined>;
	if (lookUpOtherId === true) {
		ids = [];
		for (const record of records) {
			try {
				ids.push(await idsOfRecord(ctx, record, itemIndex));
			} catch {
				// The ID of the API that answered is there; the other one could not be found.
				ids.push(undefined);
			}
		}
	} else if (lookUpOtherId === 'run') {
		// The records of a whole run: the written customers are there, so an ID that cannot be
		// found leaves it null rather than lose the run's output.
		ids = await idsOfList(ctx, records, itemIndex, { v1: false }).catch(() =>
			records.map(() => undefined),
		);
	} else {
		ids = await idsOfList(ctx, records, itemIndex, { v1: lookUpOtherId === 'list' });
	}
	const needGroups = records.some(
		(record, i) =>
			isV1Record(record) &&
			record.CustomerGroupId !== undefined &&
			record.CustomerGroupId !== null &&
			twinOf(ctx, record, ids[i])?.groupV2 === undefined,
	);
	const groups = needGroups ? await groupUuidsByV1Id(ctx, itemIndex) : undefined;
	return records.map((record, i) => {
		const common = simplifyCustomer(record, timeZone);
		const own = ids[i];
		if (own) {
			common.id = own.v2;
			common.legacyId = own.v1 === null ? null : String(own.v1);
		}
		const twin = twinOf(ctx, record, own);
		if (isV1Record(record)) {
			common.groupId = twin?.groupV2 ?? groups?.get(Number(record.CustomerGroupId)) ?? null;
			if (twin?.lastChanged !== undefined)
				common.updatedAt = isoDateOrNull(twin.lastChanged, timeZone);
		} else if (twin?.customerSince !== undefined) {
			common.customerSince = dateOnlyOrNull(twin.customerSince, timeZone);
		}
		return common;
	});
}

/** What the run knows of the record's customer in the other API, found by its number. */
function twinOf(ctx: object, record: IDataObject, ids: CustomerIds | undefined) {
	const number = ids?.number ?? (isV1Record(record) ? record.Number : record.customerNumber);
	return typeof number === 'string' && number !== '' ? knownCustomer(ctx, { number }) : undefined;
}

/**
 * The `finish` of Create and Create or Update: with Simplify, the customers each item wrote (v1
 * records) become the common shape together, after the last item, so that their v2 UUIDs cost
 * the fewest requests for the whole run (usually one read of the v2 list, see `idsOfList`) instead
 * of one lookup per customer. Items with Simplify off keep JTL's records. Create or Update's
 * `unchanged` flag (Skip Unchanged) is carried over.
 */
export async function simplifyWrittenCustomers(
	this: IExecuteFunctions,
	outcomes: Array<IDataObject[] | Error>,
): Promise<Array<IDataObject[] | Error>> {
	const wanted = outcomes.map((o, i) => !(o instanceof Error) && readSimplify(this, i));
	const records = outcomes.flatMap((o, i) => (wanted[i] ? (o as IDataObject[]) : []));
	if (records.length === 0) return outcomes;
	const plain = records.map((record) => {
		const copy = { ...record };
		delete copy.unchanged;
		return copy;
	});
	const simplified = await customerOutput(this, plain, true, wanted.indexOf(true), 'run');
	let at = 0;
	return outcomes.map((outcome, i) =>
		wanted[i]
			? (outcome as IDataObject[]).map((record) => ({
					...simplified[at++],
					...(typeof record.unchanged === 'boolean' ? { unchanged: record.unchanged } : {}),
				}))
			: outcome,
	);
}
