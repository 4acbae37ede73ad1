/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code, not shipped: reads the zone the run was started in */
import { dateOnlyOrNull, isoDateOrNull, toCommonCustomer } from '../../../nodes/shared/customer';

/**
 * Offset-less vendor times are read in the vendor's zone, never in the zone of the n8n server.
 * `npm test` runs every `*.zones.test.ts` once more under two other server zones
 * (scripts/zone-tests.mjs), so these expectations hold wherever n8n runs.
 */
const serverZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe(`vendor times with the n8n server in ${serverZone}`, () => {
	it('runs in the zone the run asked for', () => {
		if (process.env.TZ) expect(serverZone).toBe(process.env.TZ);
	});

	it('reads an offset-less time in the vendor zone, in winter and in summer', () => {
		expect(isoDateOrNull('2023-11-07T05:31:56', 'Europe/Berlin')).toBe('2023-11-07T04:31:56.000Z');
		expect(isoDateOrNull('2023-07-07T05:31:56', 'Europe/Berlin')).toBe('2023-07-07T03:31:56.000Z');
		expect(isoDateOrNull('2023-07-07 05:31:56.25', 'Europe/Oslo')).toBe('2023-07-07T03:31:56.250Z');
		expect(isoDateOrNull('2023-11-07T05:31:56', 'UTC')).toBe('2023-11-07T05:31:56.000Z');
		expect(isoDateOrNull('2023-11-07T05:31:56')).toBe('2023-11-07T05:31:56.000Z');
		expect(isoDateOrNull('2023-11-07', 'Europe/Berlin')).toBe('2023-11-06T23:00:00.000Z');
	});

	it('reads the hours around a change of offset in the vendor zone', () => {
		// Berlin leaves summer time at 03:00 CEST on 2023-10-29 (01:00 UTC).
		expect(isoDateOrNull('2023-10-29T00:30:00', 'Europe/Berlin')).toBe('2023-10-28T22:30:00.000Z');
		expect(isoDateOrNull('2023-10-29T04:00:00', 'Europe/Berlin')).toBe('2023-10-29T03:00:00.000Z');
		// ... and enters it at 02:00 CET on 2023-03-26.
		expect(isoDateOrNull('2023-03-26T01:30:00', 'Europe/Berlin')).toBe('2023-03-26T00:30:00.000Z');
		expect(isoDateOrNull('2023-03-26T03:30:00', 'Europe/Berlin')).toBe('2023-03-26T01:30:00.000Z');
	});

	it('keeps a time that names its offset, whatever the vendor zone', () => {
		expect(isoDateOrNull('2023-11-07T05:31:56Z', 'Europe/Berlin')).toBe('2023-11-07T05:31:56.000Z');
		expect(isoDateOrNull('2023-11-07T05:31:56+01:00', 'America/New_York')).toBe(
			'2023-11-07T04:31:56.000Z',
		);
		expect(isoDateOrNull('2023-11-07T05:31:56.5-0500', 'Europe/Berlin')).toBe(
			'2023-11-07T10:31:56.500Z',
		);
	});

	it('gives null for what is not a date', () => {
		for (const value of ['', 'soon', '2023-13-45T99:00:00', null, 17, {}])
			expect(isoDateOrNull(value, 'Europe/Berlin')).toBeNull();
	});

	it('keeps a business date a date, without a zone shift', () => {
		expect(dateOnlyOrNull('2019-04-01T00:00:00')).toBe('2019-04-01');
		expect(dateOnlyOrNull('2019-04-01')).toBe('2019-04-01');
		expect(dateOnlyOrNull('April 2019')).toBeNull();
		expect(dateOnlyOrNull('2019-02-30')).toBeNull();
	});

	it("takes the date of a date-time with an offset in the vendor's zone", () => {
		// Midnight of 1 April in Berlin, stated in UTC: 1 April to the vendor's users.
		expect(dateOnlyOrNull('2019-03-31T22:00:00.000Z', 'Europe/Berlin')).toBe('2019-04-01');
		expect(dateOnlyOrNull('2019-04-01T00:00:00+02:00', 'Europe/Berlin')).toBe('2019-04-01');
		expect(dateOnlyOrNull('2019-04-01T00:00:00.000Z', 'Europe/Berlin')).toBe('2019-04-01');
		expect(dateOnlyOrNull('2019-03-31T22:00:00.000Z')).toBe('2019-03-31');
		expect(dateOnlyOrNull('2019-04-01T03:00:00Z', 'America/New_York')).toBe('2019-03-31');
		expect(dateOnlyOrNull('2019-02-30T10:00:00Z', 'Europe/Berlin')).toBeNull();
		expect(
			toCommonCustomer('test', { customerSince: '2019-03-31T22:00:00Z' }, 'Europe/Berlin')
				.customerSince,
		).toBe('2019-04-01');
		const customer = toCommonCustomer(
			'test',
			{ createdAt: '2023-11-07T05:31:56', customerSince: '2019-04-01T00:00:00' },
			'Europe/Berlin',
		);
		expect(customer.createdAt).toBe('2023-11-07T04:31:56.000Z');
		expect(customer.customerSince).toBe('2019-04-01');
	});
});
