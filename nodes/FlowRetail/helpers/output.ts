import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readSimplify } from '../../shared/parameters';
import { flowTimeZone } from '../transport';
import { simplifyCustomer } from './simplify';

/**
 * Customers as the Simplify switch asks: the common shape (times without an offset read in the
 * tenant's zone of the credential), or the vendor's records.
 */
export async function customersOutput(
	ctx: IExecuteFunctions,
	records: IDataObject[],
	itemIndex: number,
): Promise<IDataObject[]> {
	if (!readSimplify(ctx, itemIndex)) return records;
	const timeZone = await flowTimeZone(ctx, itemIndex);
	return records.map((record) => simplifyCustomer(record, timeZone));
}

/** One customer as the Simplify switch asks. */
export async function customerOutput(
	ctx: IExecuteFunctions,
	record: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const [out] = await customersOutput(ctx, [record], itemIndex);
	return out;
}
