import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import { httpStatusOf } from '../../shared/errors';
import type { RequestContext } from '../../shared/http';
import { oncePerRun } from '../../shared/runCache';
import { int32Id, uuid, validateField } from '../../shared/validation';
import type { JtlPath } from '../transport';
import { JTL_PAGE_CONCURRENCY, jtlApiRequest, jtlPath, unexpectedShape } from '../transport';
import { mapConcurrently } from '../../shared/pagination';
import { rememberCustomer } from './knownCustomers';
import { v1IdByNumber, v1NumberIndex } from './v1NumberIndex';
import { locatorValue } from '../../shared/parameters';
import { readWholeV2List, v2IdByNumber, v2ListPages } from './v2NumberIndex';
import { isMissingV2List } from './v2Lists';
import { isV1Record } from './simplify';

/** A customer ID in either JTL ID space: v1 whole number or v2 UUID. */
export type AnyCustomerId = { surface: 'v1'; id: number } | { surface: 'v2'; id: string };

/** Both IDs of one customer and the number that links them; null where JTL has none. */
export interface CustomerIds {
	v1: number | null;
	v2: string | null;
	number: string | null;
}

const neither = z.custom<never>(() => false, {
	message: 'must be a positive whole number (v1) or a UUID (v2)',
});

/** Reads and validates a customer locator that accepts both ID spaces. */
export function readAnyCustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'customerId',
	label = 'Customer',
): AnyCustomerId {
	return parseAnyCustomerId(ctx, locatorValue(ctx, name, itemIndex), itemIndex, label);
}

/** Validates a value as a customer ID of either space. */
export function parseAnyCustomerId(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	value: unknown,
	itemIndex: number,
	label = 'Customer',
): AnyCustomerId {
	const asUuid = uuid.safeParse(value);
	if (asUuid.success) return { surface: 'v2', id: asUuid.data };
	// Digits are meant as a v1 ID: say what is wrong with the number (0, too large).
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value))) {
		return { surface: 'v1', id: validateField(ctx, int32Id, value, label, itemIndex) };
	}
	return validateField(ctx, neither, value, label, itemIndex);
}

/** The customer's path on its API: `/customers/12` or `/v2/customers/<uuid>`. */
export function customerPath(customer: AnyCustomerId): JtlPath {
	return customer.surface === 'v1'
		? jtlPath`/customers/${customer.id}`
		: jtlPath`/v2/customers/${customer.id}`;
}

function notFound(
	ctx: RequestContext,
	label: string,
	itemIndex: number,
	tried: string,
	detail: string,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`${label} (item ${itemIndex}) was not found: JTL-Wawi has no customer ${tried}`,
		{ itemIndex, description: detail },
	);
}

/**
 * Up to this many v2 customers of a list have their v1 IDs looked up one number at a time; a longer
 * list reads the whole v1 list once instead (about one request per 100 customers).
 */
export const LIST_LOOKUPS_ONE_BY_ONE = 25;

/**
 * Both IDs of every customer of a list, in the list's order. The IDs the list's API gave are kept.
 * A v1 record's v2 UUID is always looked up by its number (a search by halves of the sorted v2
 * list, or one read of the whole list when that costs fewer requests); a v2 record's v1 ID only
 * when `lookUp.v1` (one `GET /customers?number=` each for a short list, one read of the whole v1
 * list for a long one). A v1 lookup that fails leaves that ID null; a v2 lookup fails the read,
 * unless this JTL-Wawi has no v2 list at all.
 */
export async function idsOfList(
	ctx: RequestContext,
	records: IDataObject[],
	itemIndex: number,
	lookUp: { v1: boolean } = { v1: true },
): Promise<CustomerIds[]> {
	const own = records.map((record): CustomerIds => {
		const isV1 = isV1Record(record);
		const rawNumber = isV1 ? record.Number : record.customerNumber;
		const number = typeof rawNumber === 'string' && rawNumber !== '' ? rawNumber : null;
		return isV1
			? { v1: Number(record.Id), v2: null, number }
			: { v1: null, v2: String(record.id).toLowerCase(), number };
	});
	const needV1 = lookUp.v1 ? own.filter((ids) => ids.v1 === null && ids.number !== null) : [];
	const needV2 = own.filter((ids) => ids.v2 === null && ids.number !== null);
	try {
		if (needV1.length > LIST_LOOKUPS_ONE_BY_ONE) {
			const index = await v1NumberIndex(ctx, itemIndex);
			for (const ids of needV1) ids.v1 = index.get(ids.number as string) ?? null;
		} else if (needV1.length) {
			await mapConcurrently(needV1, JTL_PAGE_CONCURRENCY, async (ids) => {
				ids.v1 = await v1IdByNumber(ctx, ids.number as string, itemIndex);
			});
		}
	} catch {
		// The list stands with the v2 IDs its API gave; the v1 IDs stay null.
	}
	if (needV2.length) {
		const lookUpV2 = async () => {
			// A search by halves costs about log2(pages) + 1 requests per number; the whole list
			// costs one request per page. Whichever is fewer.
			const pages = await v2ListPages(ctx, itemIndex);
			const perNumber = pages === undefined ? Infinity : Math.ceil(Math.log2(pages + 1)) + 1;
			if (pages === undefined || needV2.length * perNumber >= pages)
				await readWholeV2List(ctx, itemIndex);
			for (const ids of needV2) ids.v2 = await v2IdByNumber(ctx, ids.number as string, itemIndex);
		};
		await lookUpV2().catch((error: unknown) => {
			// Only a JTL-Wawi without the v2 list (before 2.2) leaves `id` null; any other failure
			// fails the read rather than hand out customers without their ID.
			if (!isMissingV2List(error)) throw error;
		});
	}
	return own;
}

/** Both IDs of a customer record from either API; the missing one is looked up by number. */
export async function idsOfRecord(
	ctx: RequestContext,
	record: IDataObject,
	itemIndex: number,
): Promise<CustomerIds> {
	const isV1 = isV1Record(record);
	const rawNumber = isV1 ? record.Number : record.customerNumber;
	const number = typeof rawNumber === 'string' && rawNumber !== '' ? rawNumber : null;
	if (isV1) {
		const v1 = Number(record.Id);
		return { v1, number, v2: number === null ? null : await v2IdByNumber(ctx, number, itemIndex) };
	}
	const v2 = String(record.id).toLowerCase();
	return { v2, number, v1: number === null ? null : await v1IdByNumber(ctx, number, itemIndex) };
}

/** Both IDs of the customer with this ID (its record, then the other API by number), once per run. */
export async function customerIdsOf(
	ctx: RequestContext,
	customer: AnyCustomerId,
	itemIndex: number,
	label = 'Customer',
): Promise<CustomerIds> {
	return await oncePerRun(
		ctx,
		`jtl:customer:${customer.surface}:${String(customer.id).toLowerCase()}`,
		async () => {
			const response = await jtlApiRequest(ctx, 'GET', customerPath(customer), {
				itemIndex,
			}).catch((error: unknown) => {
				if (httpStatusOf(error) === 404) {
					return notFound(
						ctx,
						label,
						itemIndex,
						`with the ${customer.surface === 'v1' ? 'ID' : 'UUID'} ${customer.id}`,
						`JTL-Wawi answered 404 for ${customer.surface === 'v1' ? 'GET /customers' : 'GET /v2/customers'}/${customer.id}.`,
					);
				}
				throw error;
			});
			if (response instanceof NodeOperationError) throw response;
			const body = response.body;
			if (!body || typeof body !== 'object' || Array.isArray(body)) {
				throw unexpectedShape(ctx, body, 'a customer', itemIndex);
			}
			rememberCustomer(ctx, body as IDataObject);
			return await idsOfRecord(ctx, body as IDataObject, itemIndex);
		},
	);
}

/**
 * The customer parameter as the ID the API of an operation takes. Either ID is accepted: one of
 * the other space is resolved through the customer number, once per run. Only a customer that
 * cannot be found fails, and the message names the ID that was tried.
 */
async function customerIdFor(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	value: unknown,
	itemIndex: number,
	want: 'v1' | 'v2',
	label: string,
): Promise<number | string> {
	const customer = parseAnyCustomerId(ctx, value, itemIndex, label);
	if (customer.surface === want) return customer.id;
	const ids = await customerIdsOf(ctx, customer, itemIndex, label);
	const id = ids[want];
	if (id === null) {
		const other = want === 'v1' ? 'REST v1 ID (whole number)' : 'REST v2 UUID';
		throw notFound(
			ctx,
			label,
			itemIndex,
			`with a ${other} for ${customer.surface === 'v1' ? 'ID' : 'UUID'} ${customer.id}`,
			`The customer ${customer.id} has the customer number ${ids.number ?? '(none)'}; no customer with that number was found on JTL-Wawi's ${want === 'v1' ? 'REST v1' : 'REST v2'} API.`,
		);
	}
	return id;
}

/** The customer as a v1 (whole-number) ID; a UUID is resolved to it. */
export async function resolveV1CustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label = 'Customer',
	value: unknown = locatorValue(ctx, 'customerId', itemIndex),
): Promise<number> {
	return (await customerIdFor(ctx, value, itemIndex, 'v1', label)) as number;
}

/** The customer as a v2 UUID; a whole-number ID is resolved to it. */
export async function resolveV2CustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label = 'Customer',
	value: unknown = locatorValue(ctx, 'customerId', itemIndex),
): Promise<string> {
	return (await customerIdFor(ctx, value, itemIndex, 'v2', label)) as string;
}
