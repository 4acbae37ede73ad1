import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sendOnce, sendUnlessApplied } from '../../shared/writes';
import type { XentralPath } from '../transport';
import { dataOf, idFromLocation, xentralApiRequest, xentralPath } from '../transport';
import { written } from './writeResults';

/** One record by its path: the `data` of a `{data}` answer. */
export async function getRecord(
	ctx: IExecuteFunctions,
	path: XentralPath,
	what: string,
	itemIndex: number,
): Promise<IDataObject> {
	const response = await xentralApiRequest(ctx, 'GET', path, { itemIndex });
	return dataOf(ctx, response.body, what, itemIndex);
}

export const customerPath = (id: string) => xentralPath`/api/v2/customers/${id}`;

export interface CreateSpec {
	/** The list the POST goes to. */
	path: XentralPath;
	body: IDataObject;
	itemIndex: number;
	/** The new record's path from its ID. */
	viewPath: (id: string) => XentralPath;
	/** What the record is, for errors: "the customer". */
	what: string;
	/**
	 * After a lost answer or a server error (500/502/503/504): the record this create would have
	 * made, looked up by its natural key, or undefined when none exists yet. Without it the outcome
	 * is reported unknown.
	 */
	find?: () => Promise<IDataObject | undefined>;
	/** What to check when the outcome is unknown. */
	check: string;
	/** Words a Location may end with besides digits (address IDs). */
	idWords?: string[];
	/** Return Full Record: GET the new record; else the ID plus the body sent (and `known`). */
	fullRecord: boolean;
	/** Fields the new record is known to have beyond the body (its customer, its type). */
	known?: IDataObject;
}

/**
 * A v1/v2 create: POST, read the new ID from the 201's Location header; with Return Full Record
 * GET the record, else the ID plus the fields sent (never an empty item). A create that may have been applied although it failed (lost answer, or a server
 * error) is never repeated blindly: with a natural key the record is looked up first (found: that
 * is the result; not found: sent again), without one the item fails as "outcome unknown".
 */
export async function createRecord(ctx: IExecuteFunctions, spec: CreateSpec): Promise<IDataObject> {
	const { itemIndex } = spec;
	const send = async () => {
		const response = await xentralApiRequest(ctx, 'POST', spec.path, {
			body: spec.body,
			itemIndex,
		});
		return { id: idFromLocation(ctx, response.headers, itemIndex, spec.idWords) };
	};
	const unknown = { what: spec.what, check: spec.check, itemIndex };
	const outcome: { id: string } | IDataObject = spec.find
		? await sendUnlessApplied<{ id: string }, IDataObject>(ctx.getNode(), send, spec.find, unknown)
		: await sendOnce(ctx.getNode(), send, unknown);
	if ('id' in outcome && Object.keys(outcome).length === 1) {
		const id = String(outcome.id);
		return spec.fullRecord
			? await getRecord(ctx, spec.viewPath(id), spec.what, itemIndex)
			: written(id, spec.body, spec.known);
	}
	// A record the recovery lookup found is Xentral's own and is returned as it is.
	return outcome as IDataObject;
}
