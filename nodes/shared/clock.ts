import { sleep } from 'n8n-workflow';

/**
 * The package's one clock: the time, the wait and the dice used by the HTTP core and the poll
 * engine. Node code never calls setTimeout or reads the time anywhere else, so tests can move
 * time (jest.spyOn(clock, 'now')) and observe waits without slowing down.
 */
export const clock = {
	/** Epoch milliseconds. */
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => {
		if (ms > 0) await sleep(ms);
	},
	random: (): number => Math.random(),
};
