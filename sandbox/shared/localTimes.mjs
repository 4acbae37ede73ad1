// Times as a vendor sends them when it leaves the offset out: the wall-clock time of an instant in
// the vendor's zone (`2026-01-01T01:00:00` for 00:00Z in Europe/Oslo). A sandbox keeps its times in
// UTC and renders them so in its "local times" mode, so that a client that reads such a time in the
// zone of its own server instead of the vendor's is caught.

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

const formatters = new Map();
function formatter(timeZone) {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** `YYYY-MM-DDTHH:mm:ss[.SSS]` of an instant in `timeZone`, without an offset. */
export function localWallTime(isoOrMs, timeZone) {
	const date = new Date(isoOrMs);
	const parts = Object.fromEntries(
		formatter(timeZone)
			.formatToParts(date)
			.map((p) => [p.type, p.value]),
	);
	const ms = date.getUTCMilliseconds();
	const fraction = ms ? `.${String(ms).padStart(3, '0')}` : '';
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${fraction}`;
}

/**
 * A copy of `value` in which every UTC time text under one of `keys` (at any depth) is the
 * wall-clock time in `timeZone`, without an offset. Other values are kept as they are.
 */
export function withLocalTimes(value, timeZone, keys) {
	if (Array.isArray(value)) return value.map((v) => withLocalTimes(v, timeZone, keys));
	if (!value || typeof value !== 'object') return value;
	const out = {};
	for (const [key, inner] of Object.entries(value)) {
		out[key] =
			keys.includes(key) && typeof inner === 'string' && ISO_UTC.test(inner)
				? localWallTime(inner, timeZone)
				: withLocalTimes(inner, timeZone, keys);
	}
	return out;
}
