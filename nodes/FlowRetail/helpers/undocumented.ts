import type { INodeProperties } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { callUndocumented, undocumentedNotice } from '../../shared/undocumented';
import type { FlowPath } from '../transport';
import { flowVendor } from '../transport';
import { findRecord } from './records';

/**
 * The notice of a Flow Retail operation or option that no document shows (README: "Undocumented
 * operations and options").
 */
export function flowNotice(what: string, assumption: string, name?: string): INodeProperties {
	return undocumentedNotice({ vendor: flowVendor.name, what, assumption, name });
}

/** Whether the record at `path` is there, read through its documented GET (a 404 is "no"). */
export async function isThere(
	ctx: RequestContext,
	path: FlowPath,
	itemIndex?: number,
): Promise<boolean> {
	return (await findRecord(ctx, path, itemIndex)) !== undefined;
}

/**
 * A call to an endpoint no Flow Retail document shows: a tenant without it gives "Flow Retail's
 * API on this tenant does not offer <action> (404)", while a 404 for a record that is not there
 * stays "not found" (`there` reads the record or its parent through a documented endpoint).
 */
export async function flowUndocumented<T>(
	ctx: RequestContext,
	action: string,
	itemIndex: number | undefined,
	there: () => Promise<boolean>,
	send: () => Promise<T>,
): Promise<T> {
	return await callUndocumented(
		ctx,
		{ vendor: flowVendor.name, action, itemIndex, isThere: there },
		send,
	);
}
