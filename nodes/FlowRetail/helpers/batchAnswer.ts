import type { IDataObject } from 'n8n-workflow';

import { noteCreatedUid } from './customerCreates';
import type { Entry, Mode, Run } from './batchOutcomes';
import { done, failed, isRecord, readBack, verified } from './batchOutcomes';

/**
 * Reading a 200 or 207 answer of `POST /customers/batch` [assumption: the shape below]: each entry
 * sent gets its own outcome.
 */

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

/** Outcomes of the entries sent, from a 200 or 207 answer. */
export async function fromAnswer(
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
