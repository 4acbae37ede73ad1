// The sandbox clock: wall time plus an offset that tests move forward (token expiry, rate windows
// and every timestamp written follow it).

export function createClock() {
	let offsetMs = 0;
	const now = () => Date.now() + offsetMs;
	return {
		now,
		nowIso: () => new Date(now()).toISOString(),
		/** Move the clock by `seconds`; returns the total offset in seconds. */
		advance(seconds) {
			offsetMs += seconds * 1000;
			return offsetMs / 1000;
		},
		offsetSeconds: () => offsetMs / 1000,
		reset() {
			offsetMs = 0;
		},
	};
}
