import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { httpStatusOf } from '../../shared/errors';
import { maxResults, optionsCollection } from '../../shared/parameters';
import { int32, validateField } from '../../shared/validation';
import { paginateByPageNumber } from '../../shared/pagination';
import { sendUnlessApplied } from '../../shared/writes';
import type { FlowPath } from '../transport';
import {
	asRecord,
	FLOW_PAGE_CONCURRENCY,
	FLOW_PAGE_SIZE,
	flowApiRequest,
	isRecord,
	readEnvelope,
} from '../transport';
import type { RequestContext } from '../../shared/http';

/**
 * Reads a paged list (GET with the query, or POST with a body for the searches) until `max`
 * records, stopping on a short page or the total. It asks for pages of `pageSize` (FLOW_PAGE_SIZE
 * unless given) and reads on in the size the tenant grants; once the first page has told the
 * total, the pages after it are read FLOW_PAGE_CONCURRENCY at a time.
 */
export async function readList(
	ctx: RequestContext,
	path: FlowPath,
	options: {
		max: number;
		qs?: IDataObject;
		body?: IDataObject;
		itemIndex?: number;
		keyOf?: (item: unknown) => string;
		pageSize?: number;
	},
): Promise<IDataObject[]> {
	return await paginateByPageNumber(
		async (pageNumber, pageSize) => {
			const qs = { ...options.qs, pageNumber, pageSize };
			const response = await flowApiRequest(ctx, options.body ? 'POST' : 'GET', path, {
				qs,
				body: options.body,
				itemIndex: options.itemIndex,
				// A search reads and changes nothing: repeating it is harmless.
				idempotent: true,
			});
			const page = readEnvelope(ctx, response.body, options.itemIndex);
			return page;
		},
		{
			max: options.max,
			pageSizeMax: options.pageSize ?? FLOW_PAGE_SIZE,
			keyOf: options.keyOf,
			mayGrantLess: true,
			concurrency: FLOW_PAGE_CONCURRENCY,
		},
	);
}

/** The Options collection of a list operation: its Page Size. */
export const pageSizeOptions: INodeProperties = optionsCollection([
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: FLOW_PAGE_SIZE,
		description:
			'How many records to ask for per request. Flow Retail documents no maximum: a tenant that grants fewer is read on in the size it grants, so no record is missed or read twice.',
	},
]);

/** readList for a Get Many with Return All / Limit and the Page Size option. */
export async function readManyForItem(
	ctx: IExecuteFunctions,
	path: FlowPath,
	itemIndex: number,
	extra: { qs?: IDataObject; body?: IDataObject; keyOf?: (item: unknown) => string } = {},
): Promise<IDataObject[]> {
	const pageSize = validateField(
		ctx,
		int32,
		ctx.getNodeParameter('options.pageSize', itemIndex, FLOW_PAGE_SIZE),
		'Options > Page Size',
		itemIndex,
	);
	return await readList(ctx, path, {
		...extra,
		max: maxResults(ctx, itemIndex),
		itemIndex,
		pageSize,
	});
}

/** The record at `path`, or undefined when the API answers 404. */
export async function findRecord(
	ctx: RequestContext,
	path: FlowPath,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const response = await flowApiRequest(ctx, 'GET', path, { itemIndex }).catch((error: unknown) => {
		if (httpStatusOf(error) === 404) return undefined;
		throw error;
	});
	return response && isRecord(response.body) ? response.body : undefined;
}

/**
 * A create that carries its own client-made UID, so that it can be retried safely. When the answer
 * is lost or the server answers 500/502/503/504 (either may follow an applied write), `findMade`
 * tells whether it made the record (default: a look-up by that UID): found, it is the result; not
 * found, the create is sent again (`findMade` throws when nobody can tell). A repeat that is
 * answered "already exists" (409) means an earlier attempt did it: the record is read back and
 * returned. A 409 on the first attempt is a real conflict and fails.
 */
export async function createWithUid(
	ctx: IExecuteFunctions,
	collection: FlowPath,
	record: FlowPath,
	body: IDataObject,
	what: string,
	itemIndex: number,
	findMade: () => Promise<IDataObject | undefined> = async () =>
		await findRecord(ctx, record, itemIndex),
): Promise<IDataObject> {
	// The record's path ends with the client-made UID.
	const uid = decodeURIComponent(record.split('/').pop() ?? '');
	let sends = 0;
	const created = await sendUnlessApplied(
		ctx.getNode(),
		async () => {
			sends++;
			const response = await flowApiRequest(ctx, 'POST', collection, { body, itemIndex }).catch(
				async (error: unknown) => {
					// A repeat answered "already exists": an earlier attempt made the record.
					const found =
						sends > 1 && httpStatusOf(error) === 409
							? await findRecord(ctx, record, itemIndex)
							: undefined;
					if (!found) throw error;
					return { body: found };
				},
			);
			return response.body;
		},
		findMade,
		{
			what: `the ${what} ${uid}`,
			check: `Look for the ${what} with UID ${uid} in Flow Retail.`,
			itemIndex,
		},
	);
	return asRecord(ctx, created, `the created ${what}`, itemIndex);
}
