/**
 * Xentral allows 100 requests a minute per instance. A Get Many of 300 customers, started when
 * the minute is nearly used up, waits for the next minute instead of meeting a 429, and sends no
 * more requests than the 6 pages it needs. The node's waits run on a virtual clock that moves the
 * sandbox's clock along.
 */
import { clock } from '../../../nodes/shared/clock';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox(['--customers', '300']);

let virtualMs = 0;
const waits: number[] = [];
beforeEach(() => {
	virtualMs = 0;
	waits.length = 0;
	jest.spyOn(clock, 'now').mockImplementation(() => Date.now() + virtualMs);
	jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
		waits.push(ms);
		virtualMs += Math.max(0, ms);
		await xentral.sandbox.advanceClock(ms / 1000);
	});
});
afterEach(() => jest.restoreAllMocks());

const all = { returnAll: true, limit: 1, key: 'id', op: 'greaterThan', value: '0' };
// The pages alone: where the list carries no main address, Simplify would read one per customer.
const pagesOnly = (parameters: Record<string, unknown>) => {
	parameters.readMainAddresses = false;
};

describe('Get Many of 300 customers under 100 requests a minute', () => {
	it('reads them in 6 pages of 50', async () => {
		const result = await xentral.run('Xentral/customer-getAll.workflow.json', [all], pagesOnly);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')).toHaveLength(300);
		const calls = await xentral.apiCalls();
		expect(calls).toHaveLength(6);
		expect(calls.every((c) => c.status === 200 && c.query['page[size]'] === '50')).toBe(true);
	});

	it('waits for the next minute when the minute is nearly used up: no 429, still 6 requests', async () => {
		for (let i = 0; i < 97; i++)
			expect((await xentral.direct('GET', '/api/v1/paymentMethods')).status).toBe(200);
		const result = await xentral.run('Xentral/customer-getAll.workflow.json', [all], pagesOnly);
		expect(result.error).toBeUndefined();
		const ids = result.output('Xentral').map((c) => c.id);
		expect(new Set(ids).size).toBe(300);
		const calls = await xentral.apiCalls();
		expect(calls.map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 200]);
		expect(waits.some((ms) => ms > 0)).toBe(true);
	});

	it('retries a 429 after its Retry-After, so the user never sees it', async () => {
		await xentral.sandbox.fault({
			method: 'GET',
			path: '/api/v2/customers',
			status: 429,
			headers: { 'Retry-After': '2' },
			times: 2,
		});
		const result = await xentral.run('Xentral/customer-getAll.workflow.json', [all], pagesOnly);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')).toHaveLength(300);
		expect(waits).toContain(2000);
	});
});
