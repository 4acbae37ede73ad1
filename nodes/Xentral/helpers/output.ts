import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CommonCustomer } from '../../shared/customer';
import type { RequestContext } from '../../shared/http';
import { mapConcurrently } from '../../shared/pagination';
import { readSimplify } from '../../shared/parameters';
import { pageOf, XENTRAL_PAGE_SIZE, xentralApiRequest, xentralPath } from '../transport';
import { findAddress } from './addresses';
import type { CustomerRef } from './simplify';
import {
	carriesMainAddress,
	simplifyAddress,
	simplifyContactPerson,
	simplifyCustomer,
	simplifySalesPrice,
} from './simplify';
import { xentralTimeZone } from './timeZone';

/** Requests side by side when a list needs one more read per record (main addresses). */
const SIDE_BY_SIDE = 3;

/**
 * v2 customers in the common shape, times read in the instance's zone. A record that carries no
 * main address of its own (the v2 view's shape is undocumented) gets its master-data address read
 * through `GET …/addresses/masterdata`: one request per such customer, three side by side.
 */
export async function simplifyCustomers(
	ctx: RequestContext,
	records: IDataObject[],
	itemIndex?: number,
	{ readAddresses = true }: { readAddresses?: boolean } = {},
): Promise<CommonCustomer[]> {
	const timeZone = await xentralTimeZone(ctx, itemIndex);
	return await mapConcurrently(records, SIDE_BY_SIDE, async (record) => {
		if (carriesMainAddress(record) || record.id === undefined || record.id === null)
			return simplifyCustomer(record, { timeZone });
		if (!readAddresses) return simplifyCustomer(record, { timeZone, mainAddress: null });
		const mainAddress = await findAddress(ctx, String(record.id), 'masterdata', itemIndex);
		return simplifyCustomer(record, { timeZone, mainAddress: mainAddress ?? null });
	});
}

/** What a customer operation returns: the common shape with Simplify, else Xentral's records. */
export async function customerOutput(
	ctx: IExecuteFunctions,
	records: IDataObject[],
	itemIndex: number,
	options: { readAddresses?: boolean } = {},
): Promise<IDataObject[]> {
	return readSimplify(ctx, itemIndex)
		? await simplifyCustomers(ctx, records, itemIndex, options)
		: records;
}

/**
 * Customer numbers by customer ID, per node run: each customer is read at most once in a run, and
 * several at once with one `id in […]` list request (up to 50 per request).
 */
const numbersByRun = new WeakMap<object, Map<string, string | null>>();

/** The numbers of these customers (null for one that does not exist), read once per run. */
export async function customerNumbers(
	ctx: IExecuteFunctions,
	ids: Array<string | null | undefined>,
	itemIndex: number,
): Promise<Map<string, string | null>> {
	let known = numbersByRun.get(ctx);
	if (!known) numbersByRun.set(ctx, (known = new Map()));
	const wanted = [...new Set(ids.filter((id): id is string => !!id && /^\d{1,18}$/.test(id)))];
	const missing = wanted.filter((id) => !known.has(id));
	for (let start = 0; start < missing.length; start += XENTRAL_PAGE_SIZE) {
		const chunk = missing.slice(start, start + XENTRAL_PAGE_SIZE);
		const qs: IDataObject = {
			'filter[0][key]': 'id',
			'filter[0][op]': 'in',
			'page[number]': 1,
			'page[size]': XENTRAL_PAGE_SIZE,
		};
		chunk.forEach((id, i) => (qs[`filter[0][value][${i}]`] = id));
		const response = await xentralApiRequest(ctx, 'GET', xentralPath`/api/v2/customers`, {
			qs,
			itemIndex,
		});
		const found = pageOf(ctx, response.body, 'a list of customers', itemIndex).items;
		for (const id of chunk) known.set(id, null);
		for (const c of found)
			if (c.id !== undefined && c.id !== null)
				known.set(
					String(c.id),
					c.number === undefined || c.number === null ? null : String(c.number),
				);
	}
	return known;
}

/** One customer's ID and number, for the contacts and addresses of that customer. */
export async function customerRef(
	ctx: IExecuteFunctions,
	customerId: string,
	itemIndex: number,
): Promise<CustomerRef> {
	const numbers = await customerNumbers(ctx, [customerId], itemIndex);
	return { id: customerId, number: numbers.get(customerId) ?? null };
}

/**
 * Records of one customer (contact persons, addresses): their shape with Simplify, naming the
 * customer's ID and number, else Xentral's records.
 */
async function ofCustomer(
	ctx: IExecuteFunctions,
	records: IDataObject[],
	customerId: string,
	itemIndex: number,
	simplify: (record: IDataObject, customer: CustomerRef) => IDataObject,
): Promise<IDataObject[]> {
	if (!readSimplify(ctx, itemIndex)) return records;
	const customer = await customerRef(ctx, customerId, itemIndex);
	return records.map((record) => simplify(record, customer));
}

export const contactPersonOutput = (
	ctx: IExecuteFunctions,
	records: IDataObject[],
	customerId: string,
	itemIndex: number,
) => ofCustomer(ctx, records, customerId, itemIndex, simplifyContactPerson);

export const addressOutput = (
	ctx: IExecuteFunctions,
	records: IDataObject[],
	customerId: string,
	itemIndex: number,
) => ofCustomer(ctx, records, customerId, itemIndex, simplifyAddress);

const customerIdOf = (price: IDataObject) => {
	const id = (price.customer as IDataObject | null | undefined)?.id;
	return id === undefined || id === null ? undefined : String(id);
};

/**
 * Sales prices: the compact shape with Simplify (with the number of each price's customer, read
 * once per customer and run), else Xentral's records.
 */
export async function salesPriceOutput(
	ctx: IExecuteFunctions,
	records: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	if (!readSimplify(ctx, itemIndex)) return records;
	const numbers = await customerNumbers(ctx, records.map(customerIdOf), itemIndex);
	return records.map((record) => {
		const id = customerIdOf(record);
		return simplifySalesPrice(record, id === undefined ? null : (numbers.get(id) ?? null));
	});
}
