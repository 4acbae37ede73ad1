import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readSimplify } from '../../shared/parameters';
import { simplifyCustomer } from './simplify';

/** The customer as the Simplify switch asks: the common shape, or the vendor's record. */
export function customerOutput(
	ctx: IExecuteFunctions,
	record: IDataObject,
	itemIndex: number,
): IDataObject {
	return readSimplify(ctx, itemIndex) ? simplifyCustomer(record) : record;
}
