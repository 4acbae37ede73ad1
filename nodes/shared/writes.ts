import { answerWasLost } from './errors';

/**
 * Sends a write that must not be repeated blindly, such as one that adds a record. When the
 * answer is lost on the way back (the request may or may not have been applied), `applied()`
 * reads whether it took effect, and only if it did not is the write sent once more. Any other
 * failure, and a failure of the repeat, reaches the caller as the core raised it.
 */
export async function sendUnlessApplied(
	send: () => Promise<unknown>,
	applied: () => Promise<boolean>,
): Promise<void> {
	const failure = await send().then(
		() => undefined,
		(error: unknown) => error ?? new Error('The write failed'),
	);
	if (failure === undefined) return;
	if (!answerWasLost(failure)) throw failure;
	if (await applied()) return;
	await send();
}
