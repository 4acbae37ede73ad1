import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { paginateByPageNumber } from '../../shared/pagination';
import { pageOf, xentralApiRequest, xentralPath, XENTRAL_PAGE_SIZE } from '../transport';

/** The payment methods of the instance, for the Payment Method dropdown. */
export async function getPaymentMethods(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const methods = await paginateByPageNumber(
		async (pageNumber, pageSize) =>
			pageOf(
				this,
				(
					await xentralApiRequest(this, 'GET', xentralPath`/api/v1/paymentMethods`, {
						qs: { 'page[number]': pageNumber, 'page[size]': pageSize },
					})
				).body,
				'a list of payment methods',
			),
		{ max: 500, pageSizeMax: XENTRAL_PAGE_SIZE, keyOf: (m) => String((m as IDataObject).id) },
	);
	return methods
		.map((m) => ({
			name: String(m.designation ?? m.type ?? m.id),
			value: String(m.id),
			description: typeof m.type === 'string' ? m.type : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
