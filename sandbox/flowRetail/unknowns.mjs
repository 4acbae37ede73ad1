// The behaviours of Flow Retail that no document decides and that the nodes rely on, each with
// the readings the sandbox can play. `lenient` is the reading the package assumes (README and
// docs/flow-retail.md, assumptions); `strict` the other reading, the one that is harder on the node. `--vendor-unknowns
// strict|lenient` picks one side for all; a flag per behaviour overrides it.

export const VENDOR_UNKNOWNS = Object.freeze({
	customerUid: Object.freeze({
		flag: 'unknown-customer-uid',
		readings: ['honoured', 'ignored'],
		lenient: 'honoured',
		strict: 'ignored',
		help: 'a client-made customerUid on create: honoured (409 on a repeat) or ignored (the API makes its own)',
	}),
	childWrites: Object.freeze({
		flag: 'unknown-child-writes',
		readings: ['offered', 'absent'],
		lenient: 'offered',
		strict: 'absent',
		help: 'PUT and DELETE on one contact or address: offered, or absent (404)',
	}),
	prices: Object.freeze({
		flag: 'unknown-prices',
		readings: ['offered', 'absent'],
		lenient: 'offered',
		strict: 'absent',
		help: 'the prices of a price list (/pricelists/{uid}/prices): offered, or absent (404)',
	}),
	sortBy: Object.freeze({
		flag: 'unknown-sort-by',
		readings: ['accepted', 'ignored', 'refused'],
		lenient: 'accepted',
		strict: 'ignored',
		help: "sortBy: accepted for the sandbox's fields, ignored (the default order), or refused (400)",
	}),
	pageSize: Object.freeze({
		flag: 'unknown-page-size',
		readings: ['granted', 'silent', 'refused'],
		lenient: 'granted',
		strict: 'silent',
		help: 'a pageSize above the largest (--max-page-size): granted as the largest and reported in paging.pageSize, cut to the largest without a word (paging.pageSize echoes the size asked), or refused (400)',
	}),
	batchResult: Object.freeze({
		flag: 'unknown-batch-result',
		readings: ['results', 'flat'],
		lenient: 'results',
		strict: 'flat',
		help: 'the batch answer: {results: {<kind>: [...]}} or a flat list in another shape',
	}),
	transportActions: Object.freeze({
		flag: 'unknown-transport-actions',
		readings: ['accepted', 'refused'],
		lenient: 'accepted',
		strict: 'refused',
		help: "an HTTP transport's `actions` (the events it gets): accepted, or refused as an unknown field",
	}),
	transportWrites: Object.freeze({
		flag: 'unknown-transport-writes',
		readings: ['offered', 'absent'],
		lenient: 'offered',
		strict: 'absent',
		help: 'PUT and DELETE on an HTTP transport: offered, or absent (405)',
	}),
});

export const UNKNOWNS_MODES = ['lenient', 'strict'];

/**
 * The reading of every behaviour: the mode's, then the one named in `overrides` (an unknown
 * behaviour or reading throws).
 */
export function readingsOf(mode = 'lenient', overrides = {}) {
	if (!UNKNOWNS_MODES.includes(mode))
		throw new Error(`vendorUnknowns must be one of ${UNKNOWNS_MODES.join(', ')}, got '${mode}'`);
	const readings = {};
	for (const [name, spec] of Object.entries(VENDOR_UNKNOWNS)) readings[name] = spec[mode];
	for (const [name, value] of Object.entries(overrides ?? {})) {
		const spec = VENDOR_UNKNOWNS[name];
		if (!spec) throw new Error(`No vendor unknown '${name}'`);
		if (!spec.readings.includes(value))
			throw new Error(`${name} must be one of ${spec.readings.join(', ')}, got '${value}'`);
		readings[name] = value;
	}
	return Object.freeze(readings);
}

/** The CLI table entries: `--vendor-unknowns` and one flag per behaviour. */
export function unknownsFlags() {
	const table = {
		'vendor-unknowns': {
			type: 'string',
			key: 'vendorUnknowns',
			choices: UNKNOWNS_MODES,
			help: "the readings of what Flow Retail's documents leave open: lenient (the package's assumptions) or strict",
		},
	};
	for (const [name, spec] of Object.entries(VENDOR_UNKNOWNS))
		table[spec.flag] = {
			type: 'string',
			key: `unknowns.${name}`,
			choices: spec.readings,
			help: spec.help,
		};
	return table;
}
