import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isoDateOrNull } from '../../shared/customer';
import { httpStatusOf } from '../../shared/errors';
import type { RequestContext } from '../../shared/http';
import { jtlApiRequest, jtlPath } from '../transport';

/**
 * The first JTL-Wawi version whose Cloud ERP API documents `GET /v2/customers`: the 2.0 spec has
 * no such operation (only POST on that path); the v2.2 API reference documents it. v2.1 is not
 * documented either way, so the message names 2.2.
 */
export const V2_CUSTOMER_LIST_VERSION = 'JTL-Wawi 2.2';

/**
 * A 404 or 405 from the v2 customer *list* means this JTL-Wawi has no such list (an older version),
 * not a missing record: turn it into an error that names the version the operation needs. Any
 * other error is returned unchanged. Use it only around `GET /v2/customers`, never around a
 * request for one record (`GET /v2/customers/{id}`), whose 404 keeps its "not found" meaning.
 */
export function requiresV2List(
	ctx: { getNode(): INode },
	error: unknown,
	itemIndex?: number,
): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const code = httpStatusOf(error);
	if (code !== 404 && code !== 405) return error;
	const status = String(code);
	const message = `${MISSING_LIST}: this JTL-Wawi has no customer list on REST v2 (GET /v2/customers answered HTTP ${status})`;
	return new NodeApiError(ctx.getNode(), { message, httpCode: status } as JsonObject, {
		message,
		description: `Update JTL-Wawi to ${V2_CUSTOMER_LIST_VERSION} or newer (a version whose Cloud ERP API has GET /v2/customers). Until then only the REST v1 customer list is available: Customer > Get Many with a search filter (keyword, number, group or category) reads it.`,
		httpCode: status,
		itemIndex,
	});
}

const MISSING_LIST = `This operation needs ${V2_CUSTOMER_LIST_VERSION} or newer`;

/** Whether an error is {@link requiresV2List}'s: this JTL-Wawi has no v2 customer list. */
export function isMissingV2List(error: unknown): boolean {
	return error instanceof NodeApiError && error.message.startsWith(MISSING_LIST);
}

/** `GET /v2/customers` with these query parameters; a missing list names the version it needs. */
export async function requestV2CustomerList(
	ctx: RequestContext,
	qs: IDataObject,
	itemIndex?: number,
): Promise<unknown> {
	try {
		return (await jtlApiRequest(ctx, 'GET', jtlPath`/v2/customers`, { qs, itemIndex })).body;
	} catch (error) {
		throw requiresV2List(ctx, error, itemIndex);
	}
}

/** A date field of the v2 customer list: filtered by `<field>After/Before`, sorted by its name. */
export type V2DateField = 'createdDate' | 'lastChanged';

/** What the node asked the v2 customer list for, in epoch milliseconds. */
export interface V2ListAsked {
	/** The date filters sent: records strictly after `after` and before `before`. */
	windows?: Array<{ field: V2DateField; after?: number; before?: number }>;
	/** The date field the list was sorted by, and in which direction. */
	sort?: { field: V2DateField; descending: boolean };
}

/**
 * JTL documents the pattern of the v2 list's filters, not which date fields it has, and an API that
 * does not know a query parameter may ignore it. So the node checks the answer against what it
 * asked: a record outside a date filter (equal to a bound is let through, whichever way JTL
 * rounds), or out of the order asked for, tells that the list did not apply the filter or sort.
 * Returns what was wrong, as a sentence, or undefined. Offset-less times are read in `timeZone`.
 */
export function v2ListMismatch(
	records: IDataObject[],
	asked: V2ListAsked,
	timeZone: string,
): string | undefined {
	const instant = (record: IDataObject, field: V2DateField) =>
		Date.parse(isoDateOrNull(record[field], timeZone) ?? '');
	const name = (record: IDataObject) =>
		`customer ${String(record.customerNumber ?? record.id ?? '(without number)')}`;
	for (const { field, after, before } of asked.windows ?? []) {
		for (const record of records) {
			const at = instant(record, field);
			const outside =
				Number.isNaN(at) ||
				(after !== undefined && at < after) ||
				(before !== undefined && at > before);
			if (outside)
				return `It returned ${name(record)} with ${field} ${String(record[field] ?? null)}, outside ${[
					after === undefined ? '' : `after ${new Date(after).toISOString()}`,
					before === undefined ? '' : `before ${new Date(before).toISOString()}`,
				]
					.filter(Boolean)
					.join(' and ')}.`;
		}
	}
	if (asked.sort) {
		const { field, descending } = asked.sort;
		let previous: { at: number; record: IDataObject } | undefined;
		for (const record of records) {
			const at = instant(record, field);
			if (Number.isNaN(at)) continue;
			if (previous && (descending ? at > previous.at : at < previous.at))
				return `It returned ${name(record)} (${field} ${String(record[field])}) after ${name(previous.record)} (${String(previous.record[field])}), not sorted by ${field}${descending ? ' descending' : ''}.`;
			previous = { at, record };
		}
	}
	return undefined;
}

/** Why the node stops when the v2 list did not apply a date filter or sort (v2ListMismatch). */
export const V2_LIST_MISMATCH_HELP = `JTL documents the pattern <Field>After/Before of the v2 customer list, not its date fields; the node sends createdDate and lastChanged, and this JTL-Wawi seems to know them otherwise and ignore them. Where JTL sends times without an offset, check the credential's Time Zone too.`;
