import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { clock } from './clock';
import { answerWasLost, httpStatusOf, mayHaveBeenApplied } from './errors';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './http';

/** How often a write with a natural key is sent at most while its outcome keeps being unclear. */
export const MAX_WRITE_SENDS = 3;

/** What the item's error names when a write's outcome cannot be told. */
export interface UnknownOutcome {
	/** What the write would have made: "the contact". */
	what: string;
	/** Where the user can see whether it was made, as a sentence. */
	check: string;
	itemIndex: number;
}

/** Why the outcome of a failed write is open, in the same words for every system. */
function causeOf(failure: unknown): string {
	const status = httpStatusOf(failure);
	if (status !== undefined) {
		const said = failure instanceof Error && failure.message ? ` (${failure.message})` : '';
		return `The request reached the server, which answered HTTP ${status}${said}; a server error can come after the write was applied.`;
	}
	return 'The request reached the server, but its answer was lost (timeout or broken connection).';
}

/**
 * The error of an item whose write may have been applied and cannot be checked: it says so, what
 * to check, and that running the item again may make the record twice. One builder, so every
 * system words it the same.
 */
export function outcomeUnknownError(
	node: INode,
	failure: unknown,
	unknown: UnknownOutcome,
	lookupFailure?: unknown,
): NodeApiError {
	const message = `Outcome unknown: the write may have been applied, so ${unknown.what} may exist (item ${unknown.itemIndex})`;
	const lookup =
		lookupFailure === undefined
			? ''
			: ` Looking for it afterwards failed too${lookupFailure instanceof Error && lookupFailure.message ? ` (${lookupFailure.message})` : ''}.`;
	const status = httpStatusOf(failure);
	return new NodeApiError(node, { message } as JsonObject, {
		message,
		description: `${causeOf(failure)}${lookup} ${unknown.check} Running this item again may create it a second time.`,
		httpCode: status === undefined ? undefined : String(status),
		itemIndex: unknown.itemIndex,
	});
}

/** The item error itself when it already says a write's outcome is unknown. */
const outcomeUnknownIn = (error: unknown): NodeApiError | undefined =>
	error instanceof NodeApiError && error.message.startsWith('Outcome unknown:') ? error : undefined;

/** Waits before sending a write again after a server error (not after a lost answer). */
async function pauseAfter(failure: unknown, sends: number): Promise<void> {
	if (!answerWasLost(failure)) await clock.sleep(backoffDelay(sends - 1, DEFAULT_RETRY_POLICY));
}

/**
 * Sends a write that must not be repeated blindly, such as one that adds a record, and gives its
 * result. When the write may have been applied although it failed (its answer was lost, or the
 * server answered 500, 502, 503 or 504), `find()` reads whether it took effect: what it finds (a
 * record, or `true`) is the result, and only when it finds nothing is the write sent again, at
 * most MAX_WRITE_SENDS times in all. After the last such failure it looks once more, so a repeat
 * that was applied is never reported as failed. When the look itself fails, the item fails as of
 * unknown outcome (outcomeUnknownError). Any other failure reaches the caller as the core raised it.
 */
export async function sendUnlessApplied<T, F = T>(
	node: INode,
	send: () => Promise<T>,
	find: () => Promise<F | undefined | false>,
	unknown: UnknownOutcome,
): Promise<T | F> {
	for (let sends = 1; ; sends++) {
		let failure: unknown;
		try {
			return await send();
		} catch (error) {
			failure = error ?? new Error('The write failed');
		}
		if (!mayHaveBeenApplied(failure)) throw failure;
		let found: F | undefined | false;
		try {
			found = await find();
		} catch (lookupFailure) {
			// A look that already tells the outcome is unknown (and why) stands as it is.
			const stated = outcomeUnknownIn(lookupFailure);
			if (stated) throw stated;
			throw outcomeUnknownError(node, failure, unknown, lookupFailure);
		}
		if (found !== undefined && found !== false) return found;
		// Not applied, as the read shows: the failure stands, or the write goes out once more.
		if (sends >= MAX_WRITE_SENDS) throw failure;
		await pauseAfter(failure, sends);
	}
}

/**
 * Sends a write that adds a record without a natural key to look it up by. When it may have been
 * applied although it failed (lost answer, or 500/502/503/504), nobody can tell whether it was:
 * the item fails saying so and what to check, and without advice to retry, since a retry may
 * create the record a second time.
 */
export async function sendOnce<T>(
	node: INode,
	send: () => Promise<T>,
	unknown: UnknownOutcome,
): Promise<T> {
	const outcome = await send().then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
	if ('value' in outcome) return outcome.value;
	if (!mayHaveBeenApplied(outcome.error)) throw outcome.error;
	throw outcomeUnknownError(node, outcome.error, unknown);
}
