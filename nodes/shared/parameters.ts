import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { int32, validateField } from '../../shared/validation';

/** How many records a Get Many call should return: Infinity for Return All, else the limit. */
export function maxResults(ctx: IExecuteFunctions, itemIndex: number): number {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return Infinity;
	return validateField(
		ctx,
		int32,
		ctx.getNodeParameter('limit', itemIndex, 50),
		'Limit',
		itemIndex,
	);
}

/** Reads a resource locator parameter as its plain value. */
export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return ctx.getNodeParameter(name, itemIndex, undefined, {
		extractValue: true,
	});
}

/** Removes keys whose value is undefined, so only what the user set is sent. */
export function compact<T extends IDataObject>(data: T): T {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(data)) if (value !== undefined) out[key] = value;
	return out as T;
}

/** A bare JSON array, or the Items/items of a paged envelope, or an error of shape. */
export function asArray(body: unknown): IDataObject[] | undefined {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		const b = body as IDataObject;
		const items = b.Items ?? b.items;
		if (Array.isArray(items)) return items as IDataObject[];
	}
	return undefined;
}
