import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { mayHaveBeenApplied, stampItemIndex } from '../../../shared/errors';
import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { readCollectionParameter, readSimplify, simplifyField } from '../../../shared/parameters';
import { validateField } from '../../../shared/validation';
import { MAX_WRITE_SENDS } from '../../../shared/writes';
import { lookUpCreated, noteCreatedUid } from '../../helpers/customerCreates';
import {
	customerBody,
	customerFieldsCollection,
	withExtraBodyFields,
} from '../../helpers/customerFields';
import { findRecord } from '../../helpers/records';
import { simplifyCustomer } from '../../helpers/simplify';
import { newUid, optionalUidSchema, uidSchema } from '../../helpers/uid';
import { flowNotice } from '../../helpers/undocumented';
import { flowPath, flowRequest, flowTimeZone } from '../../transport';

const MODES = ['create', 'update', 'upsert', 'delete'] as const;
type Mode = (typeof MODES)[number];

/** The largest batch the node sends; the API documents no limit [assumption]. */
export const MAX_BATCH_SIZE = 1000;

const properties: INodeProperties[] = [
	flowNotice(
		'the entries of a batch and its per-entry result (the seed gives only the four lists and the 200/207 status)',
		'The node sends customer bodies (with customerUid for Update, Create or Update and Delete; Create or Update matches on it) and reads {results: {<operation>: [{index, status, …}]}}. An answer in another shape marks no entry as done unless it is: a 200 means all were applied, a 207 leaves each entry "Outcome unknown" unless a read shows it.',
	),
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
	extraBodyFieldsProperty('Flow Retail', { show: { batchMode: ['create', 'update', 'upsert'] } }),
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
	const fieldsBody = () =>
		withExtraBodyFields(
			ctx,
			customerBody(
				ctx,
				readCollectionParameter(ctx, 'fields', 'Fields', itemIndex),
				'Fields > ',
				itemIndex,
			),
			itemIndex,
			['customerUid'],
		);
	if (mode === 'create') {
		const given = validateField(ctx, optionalUidSchema, raw, 'UID', itemIndex);
		return {
			itemIndex,
			body: { ...fieldsBody(), customerUid: given || newUid() },
			generated: !given,
		};
	}
	const customerUid = validateField(ctx, uidSchema, raw, 'Customer UID', itemIndex);
	if (mode === 'delete') return { itemIndex, body: { customerUid }, generated: false };
	return { itemIndex, body: { ...fieldsBody(), customerUid }, generated: false };
}

/** What one batch run needs besides its entries. */
interface Run {
	ctx: IExecuteFunctions;
	mode: Mode;
	simplify: boolean;
	timeZone: string;
}

const uidOf = (entry: Entry) => String(entry.body.customerUid);

function done(run: Run, entry: Entry, status: number, customer?: IDataObject, uid?: unknown) {
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

function failed(run: Run, entry: Entry, status: number | undefined, result: IDataObject) {
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
function unknown(run: Run, entry: Entry, why: string) {
	return {
		success: false,
		operation: run.mode,
		customerUid: uidOf(entry),
		error: `Outcome unknown: the write may have been applied, so the customer ${uidOf(entry)} may ${EFFECT[run.mode]} (item ${entry.itemIndex})`,
		description: `${why} Check customer ${uidOf(entry)} in Flow Retail before running this item again.`,
	};
}

const isRecord = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The result list of the mode in the answer the package assumes [assumption:
 * `{results: {<mode>: [{index, status, customerUid, customer?, message?, errors?}]}}`], or
 * undefined for an answer in another shape.
 */
function resultList(body: unknown, mode: Mode): IDataObject[] | undefined {
	const results = isRecord(body) && isRecord(body.results) ? body.results[mode] : undefined;
	return Array.isArray(results) ? results.filter(isRecord) : undefined;
}

/** The result of the k-th entry sent: by `index`, else by its UID, else by position. */
function resultFor(results: IDataObject[], k: number, entry: Entry, sent: number) {
	const byIndex = results.find((r) => r.index === k);
	if (byIndex) return byIndex;
	if (results.some((r) => r.index !== undefined)) return undefined;
	const byUid = results.filter((r) => r.customerUid === entry.body.customerUid);
	if (byUid.length === 1) return byUid[0];
	return results.length === sent ? results[k] : undefined;
}

/** A customer read back by UID, or undefined when it is not there. */
const readBack = async (run: Run, entry: Entry) =>
	await findRecord(run.ctx, flowPath`/customers/${uidOf(entry)}`, entry.itemIndex);

/** One entry's outcome from a 200 or 207 answer in the assumed shape. */
async function fromResult(
	run: Run,
	entry: Entry,
	result: IDataObject | undefined,
	httpStatus: number,
	resent: boolean,
): Promise<IDataObject> {
	const status = Number(result?.status);
	if (!result || !Number.isInteger(status)) {
		// A 200 means every entry succeeded [verified: SEED]; a 207 leaves this one open.
		if (httpStatus === 200) return done(run, entry, 200, undefined, result?.customerUid);
		return await verified(run, entry, 'Flow Retail answered 207 without a result for this entry.');
	}
	if (status >= 200 && status < 300) {
		const customer = isRecord(result.customer) ? result.customer : undefined;
		if (run.mode === 'create')
			noteCreatedUid(
				run.ctx,
				entry.body.customerUid,
				customer ?? { customerUid: result.customerUid },
			);
		return done(run, entry, status, customer, result.customerUid);
	}
	// A repeat of a lost batch finds what the earlier attempt did: the customer gone, or made.
	if (run.mode === 'delete' && resent && status === 404) return done(run, entry, 204);
	if (run.mode === 'create' && status === 409 && (entry.generated || resent)) {
		const record = await readBack(run, entry);
		if (record) return done(run, entry, 201, record);
	}
	return failed(run, entry, status, result);
}

/**
 * An entry the answer does not tell about: a create found by its UID and a delete whose customer
 * is gone were applied; anything else is reported as unknown.
 */
async function verified(run: Run, entry: Entry, why: string): Promise<IDataObject> {
	if (run.mode === 'create') {
		const record = await readBack(run, entry);
		if (record) return done(run, entry, 201, record);
	}
	if (run.mode === 'delete' && !(await readBack(run, entry))) return done(run, entry, 204);
	return unknown(run, entry, why);
}

/** Outcomes of the entries sent, from a 200 or 207 answer. */
async function fromAnswer(
	run: Run,
	sent: Entry[],
	httpStatus: number,
	body: unknown,
	resent: boolean,
): Promise<IDataObject[]> {
	const results = resultList(body, run.mode);
	const out: IDataObject[] = [];
	for (const [k, entry] of sent.entries()) {
		if (results) {
			out.push(
				await fromResult(run, entry, resultFor(results, k, entry, sent.length), httpStatus, resent),
			);
		} else if (httpStatus === 200) {
			// All applied [verified: SEED], in a shape the node cannot read: the UIDs are read back.
			const record = run.mode === 'delete' ? undefined : await readBack(run, entry);
			out.push(done(run, entry, 200, record, record ? undefined : null));
		} else {
			out.push(
				await verified(
					run,
					entry,
					`Flow Retail answered ${httpStatus} (some entries failed) in a form the node cannot read.`,
				),
			);
		}
	}
	return out;
}

/**
 * After a failure that may have applied the batch in part: what to send again. Updates and deletes
 * go again as they are (a repeated delete that finds the customer gone counts as done). A create
 * (or a Create or Update that may have created) goes again only when a look-up shows it did not
 * happen; found, it is done; when nobody can tell, it is reported unknown and not sent again.
 */
async function settleLost(
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

/** One chunk: sent, and sent again after a lost answer only as far as that is safe. */
async function runChunk(run: Run, chunk: Entry[]): Promise<Map<Entry, IDataObject | Error>> {
	const outcomes = new Map<Entry, IDataObject | Error>();
	let pending = chunk;
	for (let sends = 1; pending.length > 0; sends++) {
		const answer = await flowRequest(run.ctx, 'POST', flowPath`/customers/batch`, {
			body: { [run.mode]: pending.map((e) => e.body) },
			itemIndex: pending[0].itemIndex,
			// Never repeated blindly: a repeat is decided below, entry by entry.
			idempotent: false,
		}).then(
			(response) => ({ response, error: undefined }),
			(error: unknown) => ({ response: undefined, error: error as Error }),
		);
		if (answer.response) {
			const sent = pending;
			const results = await fromAnswer(
				run,
				sent,
				answer.response.statusCode,
				answer.response.body,
				sends > 1,
			);
			sent.forEach((entry, k) => outcomes.set(entry, results[k]));
			break;
		}
		if (!mayHaveBeenApplied(answer.error)) {
			for (const entry of pending) outcomes.set(entry, answer.error);
			break;
		}
		pending = await settleLost(run, pending, outcomes, sends >= MAX_WRITE_SENDS, answer.error);
	}
	return outcomes;
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
	if (entries.length === 0) return outcomes;
	const run: Run = {
		ctx: self,
		mode,
		simplify: readSimplify(self, entries[0].itemIndex),
		timeZone: await flowTimeZone(self, entries[0].itemIndex),
	};
	for (let start = 0; start < entries.length; start += size) {
		const chunk = entries.slice(start, start + size);
		const chunkOutcomes = await runChunk(run, chunk);
		for (const entry of chunk) {
			const outcome = chunkOutcomes.get(entry);
			if (outcome instanceof Error) {
				if (!self.continueOnFail()) throw stampItemIndex(outcome, entry.itemIndex);
				outcomes[entry.itemIndex] = outcome;
			} else {
				outcomes[entry.itemIndex] = [outcome ?? unknown(run, entry, 'No answer told about it.')];
			}
		}
	}
	return outcomes;
}

/** One item alone: a batch of one. (The router sends all items through executeAll.) */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const outcome = (await runBatch(this, [itemIndex]))[itemIndex];
	if (outcome instanceof Error) throw outcome;
	return outcome;
}
