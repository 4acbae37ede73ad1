import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { mayHaveBeenApplied, stampItemIndex } from '../../../shared/errors';
import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { readCollectionParameter, readSimplify, simplifyField } from '../../../shared/parameters';
import { validateField } from '../../../shared/validation';
import { MAX_WRITE_SENDS } from '../../../shared/writes';
import { fromAnswer } from '../../helpers/batchAnswer';
import type { Entry, Mode, Run } from '../../helpers/batchOutcomes';
import { MODES, settleLost, unknown } from '../../helpers/batchOutcomes';
import {
	customerBody,
	customerFieldsCollection,
	withExtraBodyFields,
} from '../../helpers/customerFields';
import { newUid, optionalUidSchema, uidSchema } from '../../helpers/uid';
import { flowNotice } from '../../helpers/undocumented';
import { flowPath, flowApiRequest, flowTimeZone } from '../../transport';

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

/** One chunk: sent, and sent again after a lost answer only as far as that is safe. */
async function runChunk(run: Run, chunk: Entry[]): Promise<Map<Entry, IDataObject | Error>> {
	const outcomes = new Map<Entry, IDataObject | Error>();
	let pending = chunk;
	for (let sends = 1; pending.length > 0; sends++) {
		const answer = await flowApiRequest(run.ctx, 'POST', flowPath`/customers/batch`, {
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
