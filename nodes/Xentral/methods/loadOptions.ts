import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpStatusOf } from '../../shared/errors';
import { paginateByPageNumber } from '../../shared/pagination';
import type { XentralPath } from '../transport';
import { pageOf, xentralApiRequest, xentralPath, XENTRAL_PAGE_SIZE } from '../transport';

/** Every entry of a v1 reference list (up to 500), as dropdown options sorted by name. */
async function referenceOptions(
	ctx: ILoadOptionsFunctions,
	path: XentralPath,
	what: string,
	nameOf: (entry: IDataObject) => string,
	descriptionOf: (entry: IDataObject) => string | undefined,
): Promise<INodePropertyOptions[]> {
	const entries = await paginateByPageNumber(
		async (pageNumber, pageSize) =>
			pageOf(
				ctx,
				(
					await xentralApiRequest(ctx, 'GET', path, {
						qs: { 'page[number]': pageNumber, 'page[size]': pageSize },
					})
				).body,
				what,
			),
		{ max: 500, pageSizeMax: XENTRAL_PAGE_SIZE, keyOf: (m) => String((m as IDataObject).id) },
	);
	return entries
		.map((entry) => ({
			name: nameOf(entry),
			value: String(entry.id),
			description: descriptionOf(entry),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The payment methods of the instance, for the Payment Method dropdown. */
export async function getPaymentMethods(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await referenceOptions(
		this,
		xentralPath`/api/v1/paymentMethods`,
		'a list of payment methods',
		(m) => String(m.designation ?? m.type ?? m.id),
		(m) => text(m.type),
	);
}

/** The shipping methods of the instance, for the Shipping Method dropdown. */
export async function getShippingMethods(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await referenceOptions(
		this,
		xentralPath`/api/v1/shippingMethods`,
		'a list of shipping methods',
		(m) => String(m.designation ?? m.type ?? m.id),
		(m) => text(m.module),
	);
}

/**
 * The projects of the instance, for the Project dropdowns. The list is an early-access endpoint of
 * Xentral's core API: an instance without it (404, 405) gets a message saying how to give the ID.
 */
export async function getProjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let failure: unknown;
	try {
		return await referenceOptions(
			this,
			xentralPath`/api/v1/projects`,
			'a list of projects',
			(p) => String(p.name ?? p.keyName ?? p.id),
			(p) => text(p.keyName),
		);
	} catch (error) {
		failure = error;
	}
	const status = httpStatusOf(failure);
	if (status !== 404 && status !== 405) throw failure;
	const message = `This Xentral instance does not offer the project list (HTTP ${status}): give the project ID by expression`;
	throw new NodeApiError(this.getNode(), { message } as JsonObject, {
		message,
		description:
			"The project list is an early-access endpoint of Xentral's API. Ask a Xentral administrator for the project's ID.",
		httpCode: String(status),
	});
}
