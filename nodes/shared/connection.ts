import type { ICredentialDataDecryptedObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext, VendorProfile } from './http';
import { oncePerRun } from './runCache';

/** The Timeout option's default: long enough for a slow ERP, far below n8n's 300 s. */
export const DEFAULT_TIMEOUT_SECONDS = 30;
const MAX_TIMEOUT_SECONDS = 600;

/** The Timeout option every node of the package carries; read once per run, applied to each request. */
export const requestTimeoutProperty: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
	default: DEFAULT_TIMEOUT_SECONDS,
	description:
		'How long to wait for each answer of the API. A read that times out is retried; a write whose answer timed out is checked or reported as of unknown outcome, never repeated blindly.',
};

/**
 * The Timeout option of the node that runs, in milliseconds. Contexts without the option (a list
 * loading in the editor) get the default; a value out of range stops the item.
 */
export function requestTimeoutMs(ctx: RequestContext, itemIndex?: number): number {
	let value: unknown = DEFAULT_TIMEOUT_SECONDS;
	try {
		value =
			'getInputData' in ctx
				? ctx.getNodeParameter('requestTimeout', itemIndex ?? 0, DEFAULT_TIMEOUT_SECONDS)
				: (ctx as IPollFunctions).getNodeParameter('requestTimeout', DEFAULT_TIMEOUT_SECONDS);
	} catch {
		value = DEFAULT_TIMEOUT_SECONDS;
	}
	if (value === undefined || value === null || value === '') value = DEFAULT_TIMEOUT_SECONDS;
	const seconds = Number(value);
	if (
		typeof value === 'object' ||
		!Number.isFinite(seconds) ||
		seconds <= 0 ||
		seconds > MAX_TIMEOUT_SECONDS
	) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Timeout (Seconds) must be a number from 1 to ${MAX_TIMEOUT_SECONDS}${itemIndex === undefined ? '' : ` (item ${itemIndex})`}`,
			{ itemIndex },
		);
	}
	return Math.round(seconds * 1000);
}

/** What every request of one node run shares, read from the credential and the node once. */
export interface RunConnection {
	/** The API base each request path is appended to. */
	baseUrl: string;
	/** The node's Timeout option, in milliseconds. */
	timeoutMs: number;
}

/** What a vendor reads from its decrypted credential: the base URL and its own settings. */
export type CredentialReader<C> = (
	ctx: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	itemIndex?: number,
) => C;

/**
 * A vendor's per-run connection: the credential decrypted once, the Timeout read once, for all
 * items and requests of one node run (n8n hands a node one context per run: an execution's
 * items, one poll, one webhook delivery). A credential or Timeout that cannot be used is not kept,
 * so each item that asks is told, with its own index. n8n's authentication reads the credential
 * again for the token itself, which keeps token renewal where n8n does it.
 */
export function runConnection<C extends { baseUrl: string }>(
	vendor: VendorProfile,
	read: CredentialReader<C>,
): (ctx: RequestContext, itemIndex?: number) => Promise<C & RunConnection> {
	return async (ctx, itemIndex) =>
		await oncePerRun(ctx, `${vendor.credentialType}:connection`, async () => {
			const credentials = await ctx.getCredentials(vendor.credentialType);
			const settings = read(ctx, credentials, itemIndex);
			return { ...settings, timeoutMs: requestTimeoutMs(ctx, itemIndex) };
		});
}
