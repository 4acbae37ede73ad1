import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { answerWasLost } from './errors';

/** How often a write with a natural key is sent at most while its answers keep getting lost. */
export const MAX_WRITE_SENDS = 3;

/**
 * Sends a write that must not be repeated blindly, such as one that adds a record, and gives its
 * result. When the answer is lost on the way back (the request may or may not have been applied),
 * `find()` reads whether it took effect: what it finds (a record, or `true`) is the result, and
 * only when it finds nothing is the write sent again, at most MAX_WRITE_SENDS times in all. After
 * the last lost answer it looks once more, so a repeat that was applied is never reported as
 * failed. Any other failure reaches the caller as the core raised it.
 */
export async function sendUnlessApplied<T, F = T>(
	send: () => Promise<T>,
	find: () => Promise<F | undefined | false>,
): Promise<T | F> {
	for (let sends = 1; ; sends++) {
		let failure: unknown;
		try {
			return await send();
		} catch (error) {
			failure = error ?? new Error('The write failed');
		}
		if (!answerWasLost(failure)) throw failure;
		const found = await find();
		if (found !== undefined && found !== false) return found;
		if (sends >= MAX_WRITE_SENDS) throw failure;
	}
}

/**
 * Sends a write that adds a record without a natural key to look it up by. When its answer is
 * lost, nobody can tell whether it was applied: the item fails saying so and what to check, and
 * without advice to retry, since a retry may create the record a second time.
 */
export async function sendOnce<T>(
	node: INode,
	send: () => Promise<T>,
	unknown: { what: string; check: string; itemIndex: number },
): Promise<T> {
	const outcome = await send().then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
	if ('value' in outcome) return outcome.value;
	if (!answerWasLost(outcome.error)) throw outcome.error;
	const message = `Outcome unknown: ${unknown.what} may or may not have been created (item ${unknown.itemIndex})`;
	throw new NodeApiError(node, { message } as JsonObject, {
		message,
		description: `The request reached the server, but its answer was lost (timeout or broken connection). ${unknown.check} Running this item again may create it a second time.`,
		itemIndex: unknown.itemIndex,
	});
}
