import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { answerWasLost, mayHaveBeenApplied, stampItemIndex } from '../../../shared/errors';
import { clock } from '../../../shared/clock';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../../../shared/http';
import { outcomeUnknownError } from '../../../shared/writes';
import { findRecord } from '../../helpers/records';
import { readCollectionParameter, readSimplify, simplifyField } from '../../../shared/parameters';
import { validateField } from '../../../shared/validation';
import { z } from 'zod/v3';
import { customerBody, customerFieldsCollection } from '../../helpers/customerFields';
import { simplifyCustomer } from '../../helpers/simplify';
import { newUid, optionalUidSchema, uidSchema } from '../../helpers/uid';
import { flowPath, flowRequest, unexpectedFlowAnswer } from '../../transport';

const MODES = ['create', 'update', 'upsert', 'delete'] as const;
type Mode = (typeof MODES)[number];

/** The largest batch the node sends; the API documents no limit [assumption]. */
export const MAX_BATCH_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Batch Operation',
		name: 'batchMode',
		type: 'options',
		options: [
			{ name: 'Create', value: 'create', description: 'Create one customer per item' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete one customer per item' },
			{ name: 'Update', value: 'update', description: 'Update one customer per item' },
		],
		default: 'create',
	},
	{
		displayName: 'Customer UID',
		name: 'batchUid',
		type: 'string',
		default: '',
		required: true,
		description: 'The UID of the customer this item is about, usually from an expression',
		displayOptions: { show: { batchMode: ['update', 'upsert', 'delete'] } },
	},
	{
		displayName: 'UID',
		name: 'batchUid',
		type: 'string',
		default: '',
		placeholder: 'Generated when empty',
		description:
			'The UID of the new customer. Left empty, the node makes one, so a batch whose answer was lost can be sent again without making second customers.',
		displayOptions: { show: { batchMode: ['create'] } },
	},
	{
		...customerFieldsCollection('fields', 'Fields', 'The values of this item’s customer'),
		displayOptions: { show: { batchMode: ['create', 'update', 'upsert'] } },
	},
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
		default: 100,
		description: 'How many items go into one batch request',
	},
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['batch'] } },
	properties,
);

interface Entry {
	itemIndex: number;
	body: IDataObject;
	/** The UID was made by the node: a 409 for it can only be an earlier attempt of this batch. */
	generated: boolean;
}

function readEntry(ctx: IExecuteFunctions, mode: Mode, itemIndex: number): Entry {
	const raw = ctx.getNodeParameter('batchUid', itemIndex, '');
	if (mode === 'create') {
		const given = validateField(ctx, optionalUidSchema, raw, 'UID', itemIndex);
		const fields = readCollectionParameter(ctx, 'fields', 'Fields', itemIndex);
		const body = customerBody(ctx, fields, 'Fields > ', itemIndex);
		return { itemIndex, body: { ...body, customerUid: given || newUid() }, generated: !given };
	}
	const customerUid = validateField(ctx, uidSchema, raw, 'Customer UID', itemIndex);
	if (mode === 'delete') return { itemIndex, body: { customerUid }, generated: false };
	const fields = readCollectionParameter(ctx, 'fields', 'Fields', itemIndex);
	return {
		itemIndex,
		body: { ...customerBody(ctx, fields, 'Fields > ', itemIndex), customerUid },
		generated: false,
	};
}

/** One entry's result [assumption: `{results: {<mode>: [{index, status, customerUid, customer?, message?, errors?}]}}`]. */
function outcomeOf(
	ctx: IExecuteFunctions,
	mode: Mode,
	entry: Entry,
	result: IDataObject | undefined,
	simplify: boolean,
): IDataObject {
	const customerUid = String(result?.customerUid ?? entry.body.customerUid);
	if (!result) {
		return {
			success: false,
			operation: mode,
			customerUid,
			error: 'Flow Retail sent no result for this entry',
		};
	}
	const status = Number(result.status);
	if (status >= 200 && status < 300) {
		const customer = result.customer as IDataObject | undefined;
		return {
			success: true,
			operation: mode,
			status,
			customerUid,
			...(customer ? { customer: simplify ? simplifyCustomer(customer) : customer } : {}),
		};
	}
	return {
		success: false,
		operation: mode,
		status,
		customerUid,
		error: `Flow Retail: ${String(result.message ?? `HTTP ${status}`)}`,
		...(result.errors ? { fieldErrors: result.errors as IDataObject } : {}),
	};
}

/**
 * Batch: every item is one entry of `POST /tenants/{t}/customers/batch`, sent in requests of Batch
 * Size entries. A 200 or 207 answer gives each item its own result, success or error, paired to
 * it; no entry's failure fails another. Items with bad input fail before any request is sent.
 */
export async function executeAll(this: IExecuteFunctions, itemCount: number) {
	return await runBatch(
		this,
		Array.from({ length: itemCount }, (_, i) => i),
	);
}

/** The batch of the given items; outcomes are indexed by item index. */
async function runBatch(
	self: IExecuteFunctions,
	itemIndexes: number[],
): Promise<Array<IDataObject[] | Error>> {
	const mode = validateField(
		self,
		z.enum(MODES, { errorMap: () => ({ message: `must be one of ${MODES.join(', ')}` }) }),
		self.getNodeParameter('batchMode', 0),
		'Batch Operation',
		0,
	);
	const size = validateField(
		self,
		z.number({ invalid_type_error: 'must be a whole number' }).int().min(1).max(MAX_BATCH_SIZE),
		self.getNodeParameter('batchSize', 0, 100),
		'Batch Size',
		0,
	);
	const outcomes: Array<IDataObject[] | Error> = [];
	const entries: Entry[] = [];
	for (const i of itemIndexes) {
		try {
			entries.push(readEntry(self, mode, i));
		} catch (error) {
			if (!self.continueOnFail()) throw stampItemIndex(error, i);
			outcomes[i] = error as Error;
		}
	}
	const simplify = itemIndexes.length > 0 ? readSimplify(self, itemIndexes[0]) : true;
	for (let start = 0; start < entries.length; start += size) {
		const chunk = entries.slice(start, start + size);
		const answer = await sendBatch(self, mode, chunk);
		if (answer.error && !answer.unanswered) {
			if (!self.continueOnFail()) throw stampItemIndex(answer.error, chunk[0].itemIndex);
			for (const e of chunk) outcomes[e.itemIndex] = answer.error;
			continue;
		}
		if (answer.error) {
			// The last send may have been applied: each entry is settled by reading its customer.
			for (const entry of chunk) {
				const settled = await settleUnanswered(self, mode, entry, answer.error, simplify);
				if (settled instanceof Error && !self.continueOnFail())
					throw stampItemIndex(settled, entry.itemIndex);
				outcomes[entry.itemIndex] = settled;
			}
			continue;
		}
		const body = answer.body;
		const results = (body as { results?: Record<string, unknown> } | undefined)?.results?.[mode];
		if (!Array.isArray(results)) {
			const error = unexpectedFlowAnswer(self, body, `{results: {${mode}: [...]}}`);
			if (!self.continueOnFail()) throw error;
			for (const e of chunk) outcomes[e.itemIndex] = error;
			continue;
		}
		for (const [k, entry] of chunk.entries()) {
			const result = ((results as IDataObject[]).find((r) => r?.index === k) ??
				(results as IDataObject[])[k]) as IDataObject | undefined;
			outcomes[entry.itemIndex] = [
				await entryOutcome(self, mode, entry, result, answer.repeatedAfter, simplify),
			];
		}
	}
	return outcomes;
}

/** How often one batch is sent at most while its outcome stays unclear: every entry has its UID. */
const MAX_BATCH_SENDS = 1 + DEFAULT_RETRY_POLICY.maxRetries;

/**
 * Sends one batch. Every entry carries its UID, so a batch that may have been applied although it
 * failed (lost answer, or 500/502/503/504) is sent again, after a wait for a server error. The
 * answer names the failure after which the batch went out again (its entries may then meet the
 * work of an earlier attempt), and, when the last send failed in such a way, that it went
 * unanswered.
 */
async function sendBatch(
	self: IExecuteFunctions,
	mode: Mode,
	chunk: Entry[],
): Promise<{ body?: unknown; error?: Error; repeatedAfter?: Error; unanswered?: boolean }> {
	let repeatedAfter: Error | undefined;
	for (let sends = 1; ; sends++) {
		const sent = await flowRequest(self, 'POST', flowPath`/customers/batch`, {
			body: { [mode]: chunk.map((e) => e.body) },
			itemIndex: chunk[0].itemIndex,
			// Repeats are made here, where they are counted, never blindly in the core.
			idempotent: false,
		}).then(
			(response) => ({ body: response.body as unknown, error: undefined }),
			(error: unknown) => ({ body: undefined, error: error as Error }),
		);
		if (!sent.error) return { body: sent.body, repeatedAfter };
		if (!mayHaveBeenApplied(sent.error)) return { error: sent.error, repeatedAfter };
		// Update and upsert set values by UID: sending them again is harmless, so their error stands.
		if (sends >= MAX_BATCH_SENDS)
			return {
				error: sent.error,
				repeatedAfter,
				unanswered: mode === 'create' || mode === 'delete',
			};
		repeatedAfter = sent.error;
		if (!answerWasLost(sent.error))
			await clock.sleep(backoffDelay(sends - 1, DEFAULT_RETRY_POLICY));
	}
}

/** The item's error when its entry may have been applied and nothing tells whether it was. */
function unknownEntry(
	self: IExecuteFunctions,
	mode: Mode,
	entry: Entry,
	failure: unknown,
	lookupFailure?: unknown,
): Error {
	const uid = String(entry.body.customerUid);
	return outcomeUnknownError(
		self.getNode(),
		failure,
		{
			what: `the customer ${uid}`,
			check: `Look for the customer with UID ${uid} in Flow Retail and compare it with this item${mode === 'delete' ? ' (deleted or not)' : ''}.`,
			itemIndex: entry.itemIndex,
		},
		lookupFailure,
	);
}

/** The customer a UID the node made names: an earlier attempt of this batch created it. */
async function createdEarlier(
	self: IExecuteFunctions,
	entry: Entry,
	simplify: boolean,
	record?: IDataObject,
): Promise<IDataObject> {
	const uid = String(entry.body.customerUid);
	const customer =
		record ??
		((
			await flowRequest(self, 'GET', flowPath`/customers/${uid}`, {
				itemIndex: entry.itemIndex,
			})
		).body as IDataObject);
	return {
		success: true,
		operation: 'create',
		status: 201,
		customerUid: uid,
		customer: simplify ? simplifyCustomer(customer) : customer,
	};
}

/**
 * An entry of a batch whose last send failed in a way that may follow an applied write: its
 * customer is read by UID. A create whose customer exists was applied (for a UID the item gave,
 * that customer may also be an older one, and the item says so); a delete whose customer is gone
 * was applied; otherwise the batch's error stands.
 */
async function settleUnanswered(
	self: IExecuteFunctions,
	mode: Mode,
	entry: Entry,
	error: Error,
	simplify: boolean,
): Promise<IDataObject[] | Error> {
	const uid = String(entry.body.customerUid);
	let customer: IDataObject | undefined;
	try {
		customer = await findRecord(self, flowPath`/customers/${uid}`, entry.itemIndex);
	} catch (lookupFailure) {
		return unknownEntry(self, mode, entry, error, lookupFailure);
	}
	if (mode === 'delete') {
		return customer ? error : [{ success: true, operation: mode, status: 204, customerUid: uid }];
	}
	if (!customer) return error;
	if (!entry.generated) return unknownEntry(self, mode, entry, error);
	return [await createdEarlier(self, entry, simplify, customer)];
}

/**
 * One entry's outcome. A create answered 409 for a UID the node made can only be an earlier
 * attempt's customer (read back); when the batch went out more than once, a create answered 409
 * for a UID the item gave may be that attempt's customer or an older one (the item says so), and
 * a delete answered 404 was done by an earlier attempt.
 */
async function entryOutcome(
	self: IExecuteFunctions,
	mode: Mode,
	entry: Entry,
	result: IDataObject | undefined,
	repeatedAfter: Error | undefined,
	simplify: boolean,
): Promise<IDataObject> {
	const status = Number(result?.status);
	if (mode === 'create' && status === 409 && entry.generated)
		return await createdEarlier(self, entry, simplify);
	if (mode === 'create' && status === 409 && repeatedAfter) {
		const error = unknownEntry(self, mode, entry, repeatedAfter);
		return {
			success: false,
			operation: mode,
			status,
			customerUid: String(entry.body.customerUid),
			error: error.message,
			description: (error as { description?: string }).description ?? null,
		};
	}
	if (mode === 'delete' && status === 404 && repeatedAfter)
		return {
			success: true,
			operation: mode,
			status: 204,
			customerUid: String(entry.body.customerUid),
		};
	return outcomeOf(self, mode, entry, result, simplify);
}

/** One item alone: a batch of one. (The router sends all items through executeAll.) */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const outcome = (await runBatch(this, [itemIndex]))[itemIndex];
	if (outcome instanceof Error) throw outcome;
	return outcome;
}
