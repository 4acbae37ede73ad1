import { sleep } from 'n8n-workflow';

/**
 * The clock and the wait used by the HTTP core. One object so that tests can observe the waits
 * (jest.spyOn(timing, 'sleep')) without slowing down; node code never calls setTimeout itself.
 */
export const timing = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => {
		if (ms > 0) await sleep(ms);
	},
	random: (): number => Math.random(),
};
