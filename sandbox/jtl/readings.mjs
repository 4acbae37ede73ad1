// The behaviours of JTL-Wawi that no JTL document decides, each with a switch for the other
// reading, so that the node's tests run against both. The document wins where there is one:
//
//  reading                  default (flag off)                      other reading (flag on)
//  price-unused-null        the unused one of NetPrice /             null, as some clients report
//                           ReduceStandardPriceByPercent is 0        (the schema says a required
//                           (the schema: a required number)          number)
//  price-update-keeps       a price PATCH with one value clears      the other value stays as it is
//                           the other value
//  customer-since-separate  v1 CustomerSince and v2 createdDate      two fields: createdDate the
//                           are one stored date ("Kunde seit")       creation time, CustomerSince a
//                                                                    business date
//  address-types-enum-order v2 addressType 0 billing, 1 shipping,    0 shipping, 1 billing, 2 other:
//                           2 other billing, 3 other shipping,       the order of the GraphQL enum
//                           4 custom (the package's own mapping)     CustomerAddressType (3, 4 refused)
//  offset-less-times        v2 times in UTC with Z                   v2 times as wall-clock times of
//                                                                    `time-zone`, without an offset
//  v2-list-ignores-date-    GET /v2/customers filters on             the list ignores those filters
//  fields                   createdDate/lastChanged After/Before     and sort names, as a list whose
//                           and sorts by them                        fields are named otherwise and
//                                                                    which ignores unknown parameters
//
// Internally every address keeps its kind (ADDRESS_KIND) and every time an ISO instant; only what
// goes over the wire changes.

export const DEFAULT_READINGS = Object.freeze({
	priceUnusedNull: false,
	priceUpdateKeepsOther: false,
	customerSinceSeparate: false,
	addressTypesEnumOrder: false,
	offsetLessTimes: false,
	v2ListIgnoresDateFields: false,
	rateLimitPerPath: false,
	timeZone: 'Europe/Berlin',
});

/** CLI flags of the readings (spread into the sandbox's options table). */
export const READING_FLAGS = {
	'price-unused-null': {
		type: 'flag',
		key: 'priceUnusedNull',
		help: 'report the unused one of NetPrice / ReduceStandardPriceByPercent as null, not 0',
	},
	'price-update-keeps': {
		type: 'flag',
		key: 'priceUpdateKeepsOther',
		help: 'a price PATCH with one value keeps the other value (default: clears it)',
	},
	'customer-since-separate': {
		type: 'flag',
		key: 'customerSinceSeparate',
		help: 'v1 CustomerSince and v2 createdDate are two fields (default: one date)',
	},
	'address-types-enum-order': {
		type: 'flag',
		key: 'addressTypesEnumOrder',
		help: 'v2 addressType 0 shipping, 1 billing, 2 other (default: 0-4 billing, shipping, other billing, other shipping, custom)',
	},
	'offset-less-times': {
		type: 'flag',
		key: 'offsetLessTimes',
		help: 'send v2 times without an offset, as wall-clock times of --time-zone (default: UTC with Z)',
	},
	'v2-list-ignores-date-fields': {
		type: 'flag',
		key: 'v2ListIgnoresDateFields',
		help: 'GET /v2/customers ignores the createdDate/lastChanged filters and sort names, as unknown parameters (default: applies them)',
	},
	'rate-limit-per-path': {
		type: 'flag',
		key: 'rateLimitPerPath',
		help: 'one rate-limit window per path template, whatever the method (default: per method and path template)',
	},
	'time-zone': {
		type: 'string',
		key: 'timeZone',
		help: 'the zone of offset-less times',
	},
};

/** The readings of a sandbox from its options. */
export function readingsOf(options) {
	const readings = {};
	for (const key of Object.keys(DEFAULT_READINGS))
		readings[key] = options[key] ?? DEFAULT_READINGS[key];
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: readings.timeZone });
	} catch {
		throw new Error(`Unknown time zone '${readings.timeZone}'`);
	}
	return readings;
}

// ---- addresses ------------------------------------------------------------------------------
// Internally an address keeps the package's numbers (model.mjs ADDRESS_TYPE: 0 billing, 1 shipping,
// 2 other billing, 3 other shipping, 4 custom); only the wire number changes with the reading.

// The GraphQL enum CustomerAddressType has three values, in this order: SHIPMENT_ADDRESS,
// BILLING_ADDRESS, OTHER. A further billing or shipping address is one of that type that is not
// the default.
const ENUM_ORDER_WIRE = { 0: 1, 1: 0, 2: 1, 3: 0, 4: 2 };
const ENUM_ORDER_INTERNAL = { 0: 1, 1: 0, 2: 4 };

/** The wire number of an internal address type. */
export function wireAddressType(readings, type) {
	return readings.addressTypesEnumOrder ? ENUM_ORDER_WIRE[type] : type;
}

/** The numbers the sandbox accepts as addressType. */
export function wireAddressTypes(readings) {
	return readings.addressTypesEnumOrder ? [0, 1, 2] : [0, 1, 2, 3, 4];
}

/** The internal type of a wire number (one of wireAddressTypes). */
export function internalAddressType(readings, number) {
	return readings.addressTypesEnumOrder ? ENUM_ORDER_INTERNAL[number] : number;
}

// ---- prices ---------------------------------------------------------------------------------

/** What the price records carry for the value a price does not use. */
export const unusedPriceValue = (readings) => (readings.priceUnusedNull ? null : 0);

// ---- times ----------------------------------------------------------------------------------

/** The wall-clock time of an instant in a zone, as `YYYY-MM-DDTHH:mm:ss.SSS` (no offset). */
function wallClock(ms, timeZone) {
	// The Swedish locale writes dates and times in ISO order: "2026-01-05 11:31:56".
	const text = new Date(ms).toLocaleString('sv-SE', { timeZone, hourCycle: 'h23' });
	const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
	return `${text.replace(' ', 'T')}.${millis}`;
}

/** An instant (ISO) as the v2 API sends it: with Z, or as a wall-clock time of the zone. */
export function wireTime(readings, iso) {
	if (iso === null || iso === undefined || !readings.offsetLessTimes) return iso;
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? iso : wallClock(ms, readings.timeZone);
}

const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** The offset of the zone at an instant, in ms. */
function offsetAt(ms, timeZone) {
	const wall = wallClock(ms, timeZone);
	return Date.parse(`${wall}Z`) - ms;
}

/**
 * A date-time text from a request as an ISO instant. A text without an offset is a wall-clock time
 * of the sandbox's zone when it sends such times, else UTC; never the zone of the sandbox process.
 */
export function instantOf(readings, text) {
	if (typeof text !== 'string') return undefined;
	const value = text.trim();
	if (HAS_OFFSET.test(value) || !/T\d{2}:\d{2}/.test(value)) {
		const ms = Date.parse(/T/.test(value) || HAS_OFFSET.test(value) ? value : `${value}T00:00:00Z`);
		return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
	}
	const asUtc = Date.parse(`${value}Z`);
	if (Number.isNaN(asUtc)) return undefined;
	if (!readings.offsetLessTimes) return new Date(asUtc).toISOString();
	let ms = asUtc - offsetAt(asUtc, readings.timeZone);
	ms = asUtc - offsetAt(ms, readings.timeZone);
	return new Date(ms).toISOString();
}
