/**
 * Xentral times without an offset are read in the instance's zone (the credential's Time Zone,
 * Europe/Berlin by default), never in the n8n server's: `npm test` runs this file again under
 * TZ=Europe/Berlin and TZ=America/New_York. The sandbox sends the v2 customers' times as Berlin
 * wall-clock times without an offset (`--offsetless-times`).
 */
import { simplifyV3Customer } from '../../../nodes/Xentral/helpers/simplify';
import { createPoller } from '../../harness/poll';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox(['--offsetless-times']);
const file = 'Xentral/customer-get.workflow.json';

describe('offset-less Xentral times', () => {
	it('are sent without an offset by the sandbox in this mode', async () => {
		expect((await xentral.get('/api/v2/customers/1')).createdAt).toBe('2026-01-01 02:00:00');
	});

	it('are read in Europe/Berlin by default, whatever the server zone', async () => {
		const result = await xentral.run(file, [{ customerId: '1' }]);
		expect(result.error).toBeUndefined();
		// Seeded at 2026-01-01T01:00Z: 02:00 in Berlin (winter, +01:00).
		expect(result.output('Xentral')[0]).toMatchObject({
			createdAt: '2026-01-01T01:00:00.000Z',
			updatedAt: '2026-01-01T01:00:00.000Z',
		});
	});

	it("follow summer time: a change in July is two hours ahead of UTC in Xentral's zone", async () => {
		// The sandbox clock moves to 2026-07-15; the change is stamped then.
		const now = Date.now();
		await xentral.sandbox.advanceClock((Date.UTC(2026, 6, 15, 10, 0, 0) - now) / 1000);
		await xentral.direct('PATCH', '/api/v2/customers/1', { department: 'Sommer' });
		const stored = (await xentral.get('/api/v2/customers/1')).updatedAt as string;
		expect(stored).toMatch(/^2026-07-15 12:00:\d\d$/);
		const result = await xentral.run(file, [{ customerId: '1' }]);
		const updatedAt = result.output('Xentral')[0].updatedAt as string;
		expect(updatedAt.startsWith('2026-07-15T10:00:')).toBe(true);
	});

	it('are read in the zone the credential names', async () => {
		const result = await xentral.run(file, [{ customerId: '1' }], undefined, {
			timeZone: 'America/New_York',
		});
		// 02:00 wall-clock in New York in winter is 07:00 UTC.
		expect(result.output('Xentral')[0].createdAt).toBe('2026-01-01T07:00:00.000Z');
	});

	it('stop the node, naming the credential field, when the zone is not one', async () => {
		const result = await xentral.run(file, [{ customerId: '1' }], undefined, {
			timeZone: 'Mars/Olympus',
		});
		expect(result.error?.message).toBe(
			'The Xentral credential\'s Time Zone "Mars/Olympus" is not an IANA time zone',
		);
	});

	it('come out of the New Customer trigger in UTC', async () => {
		const trigger = createPoller({
			type: 'n8n-nodes-erp-customers.xentralTrigger',
			parameters: { event: 'newCustomer', options: {} },
			credentials: xentral.credentials(),
			nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
		});
		expect(await trigger.poll()).toBeNull();
		await xentral.direct('POST', '/api/v2/customers', {
			customerType: 'company',
			name: 'Zeit GmbH',
			project: { id: '1' },
		});
		const out = await trigger.poll();
		const [customer] = out![0].map((i) => i.json);
		expect(customer.company).toBe('Zeit GmbH');
		// The same instant as the sandbox states it with an offset (the wall-clock text has whole
		// seconds).
		await xentral.sandbox.control('POST', 'readings', { times: 'offset' });
		const instant = Date.parse((await xentral.get('/api/v2/customers/26')).createdAt);
		expect(customer.createdAt).toBe(new Date(Math.floor(instant / 1000) * 1000).toISOString());
	});
});

describe('the v3 customer of the New or Updated Customer trigger', () => {
	it('reads an offset-less change time in the given zone, and keeps one with an offset', () => {
		const record = {
			id: '7',
			createdAt: '2026-03-29 01:30:00',
			updatedAt: '2026-03-29T03:30:00+02:00',
			primaryAddress: { name: 'Anna Maria Weber', type: 'mrs', mobile: '+49 171 1' },
		};
		expect(simplifyV3Customer(record, 'Europe/Berlin')).toMatchObject({
			createdAt: '2026-03-29T00:30:00.000Z',
			updatedAt: '2026-03-29T01:30:00.000Z',
			firstName: 'Anna Maria',
			lastName: 'Weber',
			mobile: '+49 171 1',
		});
	});
});
