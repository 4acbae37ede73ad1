import type { INode, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpStatusOf } from './errors';

/**
 * Operations and options that rest on an endpoint or a behaviour no vendor document shows. Their
 * panel says so (a notice), and when a tenant lacks the endpoint, the item fails with an error that
 * says that, never with a silent success or a generic failure. A 404 can also mean "record not
 * found": the caller tells the two apart by reading the record (or its parent) through a
 * documented endpoint.
 */

/** The statuses with which a server says it has no such endpoint, or not this method on it. */
export const NOT_OFFERED_STATUSES: readonly number[] = [404, 405, 501];

/** The parameter name of the notice; a panel with two notices names the second one itself. */
export const UNDOCUMENTED_NOTICE = 'undocumentedNotice';

export interface UndocumentedNotice {
	/** The system, e.g. `Flow Retail`. */
	vendor: string;
	/** What is undocumented, e.g. `updating a contact (PUT …/contacts/{uid})`. */
	what: string;
	/** What the node does about it, as one or two sentences. */
	assumption: string;
	/** The parameter name, when one panel shows more than one such notice. */
	name?: string;
	displayOptions?: INodeProperties['displayOptions'];
}

/**
 * The panel's notice for an operation or option that no vendor document shows: what is not
 * documented, and what the node assumes about it.
 */
export function undocumentedNotice(notice: UndocumentedNotice): INodeProperties {
	return {
		displayName: `Not in ${notice.vendor}'s API documents: ${notice.what}. ${notice.assumption}`,
		name: notice.name ?? UNDOCUMENTED_NOTICE,
		type: 'notice',
		default: '',
		...(notice.displayOptions ? { displayOptions: notice.displayOptions } : {}),
	};
}

export interface UndocumentedCall {
	/** The system, e.g. `Flow Retail`. */
	vendor: string;
	/** What the call does, as the error names it: `updating a contact`. */
	action: string;
	/** Where the API lives, as the error names it; default `this tenant`. */
	scope?: string;
	itemIndex?: number;
	/**
	 * Tells a 404 apart, through a documented read: true when what the call is about is there (the
	 * record, or the parent it is created below), so the 404 means the endpoint is missing; false
	 * when it is not there, so the 404 means "not found" and stays as the API gave it. Without it, a
	 * 404 stays as the API gave it.
	 */
	isThere?: () => Promise<boolean>;
}

function vendorMessage(error: unknown): string | undefined {
	const message = error instanceof Error ? error.message : undefined;
	return message && message.trim() !== '' ? message : undefined;
}

/** The error of a call the vendor's API does not offer here. */
export function notOfferedError(
	node: INode,
	call: UndocumentedCall,
	status: number,
	cause?: unknown,
): NodeApiError {
	const scope = call.scope ?? 'this tenant';
	const message = `${call.vendor}'s API on ${scope} does not offer ${call.action} (${status})`;
	const answer = vendorMessage(cause);
	const description = [
		`No ${call.vendor} document shows this endpoint; the node assumed it exists, and ${scope} answered ${status}.`,
		`Do this in ${call.vendor} itself, or ask ${call.vendor} whether its API offers it.`,
		answer ? `${call.vendor}'s answer: ${answer}` : '',
	]
		.filter(Boolean)
		.join(' ');
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description,
		httpCode: String(status),
		itemIndex: call.itemIndex,
	});
}

/**
 * Sends a call to an undocumented endpoint. A 405 or 501 becomes the "does not offer" error; a 404
 * too when `isThere` shows that what the call is about exists (else the 404 stays "not found", as
 * it does when the check itself fails). Any other failure passes unchanged.
 */
export async function callUndocumented<T>(
	ctx: { getNode(): INode },
	call: UndocumentedCall,
	send: () => Promise<T>,
): Promise<T> {
	return await send().catch(async (error: unknown) => {
		const status = httpStatusOf(error);
		const offered =
			status === undefined ||
			!NOT_OFFERED_STATUSES.includes(status) ||
			(status === 404 && !(await call.isThere?.().catch(() => false)));
		if (offered) throw error;
		throw notOfferedError(ctx.getNode(), call, status, error);
	});
}
