import type { IDataObject, INodeExecutionData, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpStatusOf } from '../shared/errors';
import type { PollPage } from '../shared/pollEngine';
import { runPoll, serverTimeOf } from '../shared/pollEngine';
import { customerChangeFields, onlyChangedRecords } from '../shared/changeFilter';
import { isoDateOrNull } from '../shared/customer';
import { simplifyV3Customer } from '../Xentral/helpers/simplify';
import { xentralTimeZone } from '../Xentral/helpers/timeZone';
import { unexpectedShape, xentralApiRequest, xentralPath } from '../Xentral/transport';

/** The common-shape fields "Only When These Fields Change" offers: those a v3 customer fills. */
export const XENTRAL_CHANGE_FIELDS = customerChangeFields([
	'number',
	'type',
	'company',
	'firstName',
	'lastName',
	'email',
	'phone',
	'mobile',
	'street',
	'postalCode',
	'city',
	'countryIso',
	'groupId',
	'languageIso',
]);

/** The v3 customer list's largest page. */
export const V3_PER_PAGE = 100;

/** One page of `GET /api/v3/customers`, with Xentral's clock from the `Date` header. */
async function readV3Page(ctx: IPollFunctions, qs: IDataObject): Promise<PollPage<IDataObject>> {
	let failure: unknown;
	try {
		const response = await xentralApiRequest(ctx, 'GET', xentralPath`/api/v3/customers`, {
			qs,
			headers: { 'x-pagination': 'simple' },
		});
		const data = (response.body as IDataObject | undefined)?.data;
		if (!Array.isArray(data)) throw unexpectedShape(ctx, response.body, 'a v3 list of customers');
		return { records: data as IDataObject[], serverTime: serverTimeOf(response.headers) };
	} catch (error) {
		failure = error;
	}
	const status = httpStatusOf(failure);
	if (status === 404 || status === 403) {
		const message =
			'This Xentral instance has no v3 customer API: New or Updated Customer needs the feature flag api-v3-customers';
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message,
			description:
				'Ask Xentral to enable the beta v3 customer API for the instance, or use the New Customer event, which works on the v2 API.',
			httpCode: String(status),
		});
	}
	throw failure;
}

/** The query of one keyset page: changed strictly after `after`, by `updatedAt` then ID. */
export function changedAfterQuery(after: number, page: number): IDataObject {
	return {
		'filter[0][key]': 'updatedAt',
		'filter[0][op]': 'greaterThan',
		'filter[0][value]': new Date(after).toISOString(),
		sort: 'updatedAt,id',
		perPage: V3_PER_PAGE,
		page,
	};
}

/**
 * New or Updated Customer on the core's poll engine over the v3 customer list: a window by
 * `updatedAt` with the overlap, read by keyset, each `id@updatedAt` emitted once.
 */
export async function pollChangedCustomers(
	this: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const simplify = options.simplify !== false;
	// A change time without an offset is Xentral's wall-clock time, read in the instance's zone.
	const timeZone = await xentralTimeZone(this);
	const records = await runPoll<IDataObject>(this, {
		pageSize: V3_PER_PAGE,
		readPage: async (after, page) => await readV3Page(this, changedAfterQuery(after, page)),
		readNewest: async () => await readV3Page(this, { sort: '-updatedAt,-id', perPage: 1, page: 1 }),
		dateOf: (record) => Date.parse(isoDateOrNull(record.updatedAt, timeZone) ?? ''),
		idOf: (record) => String(record.id),
		eventKey: (record) => `${String(record.id)}@${String(record.updatedAt)}`,
	});
	const instant = (value: unknown) => Date.parse(isoDateOrNull(value, timeZone) ?? '');
	const emitted = onlyChangedRecords(this, records, {
		fields: XENTRAL_CHANGE_FIELDS,
		idOf: (record) => String(record.id),
		commonOf: (record) => simplifyV3Customer(record, timeZone),
		// Not changed since it was created: a new customer, always emitted.
		isNew: (record) => instant(record.createdAt) === instant(record.updatedAt),
	});
	if (!emitted) return null;
	return [
		this.helpers.returnJsonArray(
			simplify ? emitted.map((record) => simplifyV3Customer(record, timeZone)) : emitted,
		),
	];
}
