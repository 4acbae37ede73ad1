import type { IDataObject, IExecuteFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { runCache } from '../../shared/runCache';
import { flowPath } from '../transport';
import { createWithUid, findRecord, readList } from './records';

/**
 * Creates of customers and what a lost answer leaves open. Flow Retail documents a client-made UID
 * for contacts, addresses, groups, price lists and transports, but shows no create body for a
 * customer at all: whether it keeps the `customerUid` the node sends is unknown. A tenant that
 * keeps it is found by that UID after a lost answer; one that makes its own UID cannot be, so the
 * node looks by external ID where the customer has one, and otherwise reports the outcome unknown
 * instead of sending the create again (which could make a second customer).
 */

const HONOURED = 'flow:customerUidHonoured';

/**
 * Learns from a create's answer whether this tenant keeps the client-made UID: the record came
 * back with it, or with another. Kept for the run (all items of this execution).
 */
export function noteCreatedUid(ctx: object, sentUid: unknown, record: IDataObject | undefined) {
	const got = record?.customerUid;
	if (typeof sentUid !== 'string' || typeof got !== 'string' || got === '') return;
	runCache(ctx).set(HONOURED, got === sentUid);
}

/** True when a create of this run came back with the UID it sent; undefined when none told yet. */
export function uidsHonoured(ctx: object): boolean | undefined {
	return runCache(ctx).get(HONOURED) as boolean | undefined;
}

/** The fields a create sent that its record holds as text, for telling "ours" from another's. */
const COMPARED = ['firstname', 'lastname', 'companyName', 'email', 'mobile', 'city', 'countryCode'];

function sameFields(sent: IDataObject, record: IDataObject): boolean {
	return COMPARED.every(
		(key) =>
			typeof sent[key] !== 'string' ||
			String(record[key] ?? '').trim() === String(sent[key]).trim(),
	);
}

export type CreateLookup =
	| { state: 'made'; record: IDataObject; via: 'uid' | 'externalId' }
	| { state: 'notMade' }
	| { state: 'unknown'; why: string };

/**
 * After a create of `body` lost its answer: whether it made the customer. By its UID first (a
 * find proves this tenant keeps client-made UIDs); then by its external ID: nobody has it (not
 * made), exactly one customer with the fields sent (made), anything else (unknown). Without an
 * external ID, a customer not found by UID was not made only if this run saw the tenant keep
 * client-made UIDs; else nobody can tell.
 */
export async function lookUpCreated(
	ctx: RequestContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<CreateLookup> {
	const uid = String(body.customerUid ?? '');
	const byUid = uid ? await findRecord(ctx, flowPath`/customers/${uid}`, itemIndex) : undefined;
	if (byUid) {
		noteCreatedUid(ctx, uid, byUid);
		return { state: 'made', record: byUid, via: 'uid' };
	}
	const externalId = typeof body.externalId === 'string' ? body.externalId : '';
	if (externalId) {
		const found = await readList(ctx, flowPath`/customers`, {
			max: 2,
			qs: { customerExternalId: externalId },
			itemIndex,
		});
		if (found.length === 0) return { state: 'notMade' };
		if (found.length === 1 && sameFields(body, found[0]))
			return { state: 'made', record: found[0], via: 'externalId' };
		return {
			state: 'unknown',
			why: `Neither its UID ${uid} nor its external ID "${externalId}" tell: ${found.length} customer(s) have that external ID, not with the values sent.`,
		};
	}
	if (uidsHonoured(ctx) === true) return { state: 'notMade' };
	return {
		state: 'unknown',
		why: `No customer has its UID ${uid}, but this tenant may give new customers UIDs of its own (Flow Retail documents no client-made customerUid), and the customer has no external ID to look for.`,
	};
}

/** The error of a customer create whose outcome nobody can tell. */
export function createOutcomeUnknown(node: INode, why: string, itemIndex: number): NodeApiError {
	const message = `Outcome unknown: the write may have been applied, so the customer may exist (item ${itemIndex})`;
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: `The request reached Flow Retail, but its answer was lost (timeout, broken connection or a server error). ${why} Look for the customer in Flow Retail before running this item again: running it again may create it a second time. An External ID on the customer lets the node find it by itself.`,
		itemIndex,
	});
}

/**
 * `POST /customers` with the client-made `customerUid` in `body`. A lost answer is looked up
 * (lookUpCreated): found, it is the result; surely not made, the create is sent again; else the
 * item fails with "Outcome unknown". The answer teaches the run whether the tenant keeps the UID.
 */
export async function createCustomer(
	ctx: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const uid = String(body.customerUid);
	const created = await createWithUid(
		ctx,
		flowPath`/customers`,
		flowPath`/customers/${uid}`,
		body,
		'customer',
		itemIndex,
		async () => {
			const lookup = await lookUpCreated(ctx, body, itemIndex);
			if (lookup.state === 'unknown')
				throw createOutcomeUnknown(ctx.getNode(), lookup.why, itemIndex);
			return lookup.state === 'made' ? lookup.record : undefined;
		},
	);
	noteCreatedUid(ctx, uid, created);
	return created;
}
