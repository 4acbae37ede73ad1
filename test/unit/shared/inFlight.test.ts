import { inFlightLimit } from '../../../nodes/shared/inFlight';

describe('inFlightLimit', () => {
	beforeEach(() => inFlightLimit.reset());

	/** Lets every pending promise settle. */
	const settle = async () => {
		for (let i = 0; i < 10; i++) await Promise.resolve();
	};

	it('holds nothing back until a 429', async () => {
		const lanes = await Promise.all(Array.from({ length: 30 }, () => inFlightLimit.enter('k')));
		expect(inFlightLimit.capOf('k')).toBeUndefined();
		lanes.forEach((lane) => lane.leave());
	});

	it('after a 429 lets no more start than half of those in flight, then grows back', async () => {
		const lanes = await Promise.all(Array.from({ length: 10 }, () => inFlightLimit.enter('k')));
		lanes[0].answered(true);
		expect(inFlightLimit.capOf('k')).toBe(5);
		// Another 429 of the same burst does not halve again below half of those in flight.
		lanes[1].answered(true);
		expect(inFlightLimit.capOf('k')).toBe(5);
		let started = 0;
		const waiting = Array.from({ length: 3 }, () =>
			inFlightLimit.enter('k').then((lane) => {
				started++;
				return lane;
			}),
		);
		await settle();
		expect(started).toBe(0);
		// Six leave well (ten to four in flight), which lifts the cap to 6: two more may start.
		for (const lane of lanes.slice(2, 8)) lane.leave();
		await settle();
		expect(inFlightLimit.capOf('k')).toBe(6);
		expect(started).toBe(2);
		lanes[8].leave();
		await settle();
		expect(started).toBe(3);
		(await Promise.all(waiting)).forEach((lane) => lane.leave());
		lanes.slice(0, 2).forEach((lane) => lane.leave());
		lanes[9].leave();
	});

	it('grows the cap back with answers that are not 429, and lifts it', async () => {
		const first = await inFlightLimit.enter('k');
		first.answered(true);
		expect(inFlightLimit.capOf('k')).toBe(1);
		first.leave();
		for (let i = 0; i < 10_000 && inFlightLimit.capOf('k') !== undefined; i++) {
			const lane = await inFlightLimit.enter('k');
			lane.answered(false);
			lane.leave();
		}
		expect(inFlightLimit.capOf('k')).toBeUndefined();
	});

	it('keeps keys apart', async () => {
		const lane = await inFlightLimit.enter('a');
		lane.answered(true);
		expect(inFlightLimit.capOf('a')).toBe(1);
		expect(inFlightLimit.capOf('b')).toBeUndefined();
		const other = await inFlightLimit.enter('b');
		other.leave();
		lane.leave();
	});
});
