import type { IDataObject } from 'n8n-workflow';

import { httpStatusOf } from '../../shared/errors';
import type { RequestContext } from '../../shared/http';
import { dataOf, xentralApiRequest, xentralPath } from '../transport';

/** The customer's master-data or billing address, or undefined when it has none (404). */
export async function findAddress(
	ctx: RequestContext,
	customerId: string,
	type: 'masterdata' | 'billingaddress',
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	let failure: unknown;
	try {
		const response = await xentralApiRequest(
			ctx,
			'GET',
			xentralPath`/api/v2/customers/${customerId}/addresses/${type}`,
			{ itemIndex },
		);
		return dataOf(ctx, response.body, 'the address', itemIndex);
	} catch (error) {
		failure = error;
	}
	if (httpStatusOf(failure) === 404) return undefined;
	throw failure;
}
