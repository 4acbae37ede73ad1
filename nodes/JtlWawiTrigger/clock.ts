/**
 * The trigger's notion of "now". Node code reads time only through here, so tests can align it
 * with a sandbox whose clock was moved ahead.
 */
export const clock = {
	now: (): Date => new Date(),
};
