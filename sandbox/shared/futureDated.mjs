// Records dated ahead of the sandbox clock, for the switch `--future-customers <n>`: a vendor's
// seed stays realistic (nothing after the clock), and a test that needs future-dated records asks
// for them. A poll trigger must not emit such a record before its date, and must emit it once then.

/** How far apart the future-dated records lie, and how long after its creation each is changed. */
export const FUTURE_STEP_MS = 60 * 60 * 1000;
export const FUTURE_CHANGE_MS = 30 * 60 * 1000;

/**
 * Dates the last `count` of `records` ahead of `nowMs`: the k-th of them (1-based) is created k
 * hours after it and changed 30 minutes after its creation. `fields` names the record's creation
 * and change fields, e.g. `{ created: 'createdAt', changed: 'lastChanged' }`. Returns the records.
 */
export function dateAhead(records, count, nowMs, fields) {
	const from = Math.max(0, records.length - count);
	records.slice(from).forEach((record, i) => {
		const created = nowMs + (i + 1) * FUTURE_STEP_MS;
		record[fields.created] = new Date(created).toISOString();
		record[fields.changed] = new Date(created + FUTURE_CHANGE_MS).toISOString();
	});
	return records;
}

/**
 * A vendor's seed function with the switch applied: `options.futureCustomers` of its
 * `state.customers` dated ahead of the clock the server passes in.
 */
export function withFutureCustomers(seedState, fields) {
	return (options, nowMs) => {
		const state = seedState(options);
		if (options.futureCustomers > 0)
			dateAhead(state.customers, options.futureCustomers, nowMs, fields);
		return state;
	};
}
