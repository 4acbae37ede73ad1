import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { flowPath } from '../transport';
import { lookUpCreated } from './customerCreates';
import { findRecord } from './records';
import { simplifyCustomer } from './simplify';

/**
 * The outcomes of the entries of a customer batch (actions/customer/batch.operation.ts): done,
 * failed, or unknown when nobody can tell, and what a lost answer leaves to send again.
 */

export const MODES = ['create', 'update', 'upsert', 'delete'] as const;
export type Mode = (typeof MODES)[number];

export interface Entry {
	itemIndex: number;
	body: IDataObject;
	/** The UID was made by the node: a 409 for it can only be an earlier attempt of this batch. */
	generated: boolean;
}

/** What one batch run needs besides its entries. */
export interface Run {
	ctx: IExecuteFunctions;
	mode: Mode;
	simplify: boolean;
	timeZone: string;
}

export const uidOf = (entry: Entry) => String(entry.body.customerUid);

export function done(
	run: Run,
	entry: Entry,
	status: number,
	customer?: IDataObject,
	uid?: unknown,
) {
	const customerUid = uid ?? customer?.customerUid ?? entry.body.customerUid;
	return {
		success: true,
		operation: run.mode,
		status,
		customerUid: customerUid === null ? null : String(customerUid),
		...(customer
			? { customer: run.simplify ? simplifyCustomer(customer, run.timeZone) : customer }
			: {}),
	};
}

export function failed(run: Run, entry: Entry, status: number | undefined, result: IDataObject) {
	return {
		success: false,
		operation: run.mode,
		...(status === undefined ? {} : { status }),
		customerUid: String(result.customerUid ?? entry.body.customerUid),
		error: `Flow Retail: ${String(result.message ?? `HTTP ${status}`)}`,
		...(result.errors ? { fieldErrors: result.errors as IDataObject } : {}),
	};
}

/** What an entry's write would have done, for the words of an unknown outcome. */
const EFFECT: Record<Mode, string> = {
	create: 'exist',
	upsert: 'exist or have changed',
	update: 'have changed',
	delete: 'be gone',
};

/** An entry whose outcome nobody can tell: reported so, never as done and never as not done. */
export function unknown(run: Run, entry: Entry, why: string) {
	return {
		success: false,
		operation: run.mode,
		customerUid: uidOf(entry),
		error: `Outcome unknown: the write may have been applied, so the customer ${uidOf(entry)} may ${EFFECT[run.mode]} (item ${entry.itemIndex})`,
		description: `${why} Check customer ${uidOf(entry)} in Flow Retail before running this item again.`,
	};
}

export const isRecord = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/** A customer read back by UID, or undefined when it is not there. */
export const readBack = async (run: Run, entry: Entry) =>
	await findRecord(run.ctx, flowPath`/customers/${uidOf(entry)}`, entry.itemIndex);

/**
 * An entry the answer does not tell about: a create found by its UID and a delete whose customer
 * is gone were applied; anything else is reported as unknown.
 */
export async function verified(run: Run, entry: Entry, why: string): Promise<IDataObject> {
	if (run.mode === 'create') {
		const record = await readBack(run, entry);
		if (record) return done(run, entry, 201, record);
	}
	if (run.mode === 'delete' && !(await readBack(run, entry))) return done(run, entry, 204);
	return unknown(run, entry, why);
}

/**
 * After a failure that may have applied the batch in part: what to send again. Updates and deletes
 * go again as they are (a repeated delete that finds the customer gone counts as done). A create
 * (or a Create or Update that may have created) goes again only when a look-up shows it did not
 * happen; found, it is done; when nobody can tell, it is reported unknown and not sent again.
 */
export async function settleLost(
	run: Run,
	pending: Entry[],
	outcomes: Map<Entry, IDataObject | Error>,
	last: boolean,
	failure: Error,
): Promise<Entry[]> {
	const again: Entry[] = [];
	for (const entry of pending) {
		if (run.mode === 'update' || run.mode === 'delete') {
			if (!last) again.push(entry);
			else if (run.mode === 'delete' && !(await readBack(run, entry)))
				outcomes.set(entry, done(run, entry, 204));
			else outcomes.set(entry, failure);
			continue;
		}
		const lookup = await lookUpCreated(run.ctx, entry.body, entry.itemIndex);
		if (lookup.state === 'unknown') outcomes.set(entry, unknown(run, entry, lookup.why));
		else if (lookup.state === 'made' && (run.mode === 'create' || lookup.via === 'externalId'))
			outcomes.set(entry, done(run, entry, 201, lookup.record));
		else if (last) outcomes.set(entry, failure);
		// Not made, or (Create or Update) there under its own UID: sending it again is harmless.
		else again.push(entry);
	}
	return again;
}
