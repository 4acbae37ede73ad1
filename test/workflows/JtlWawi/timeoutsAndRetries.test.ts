/**
 * Reads retry on 500 (idempotent only, with backoff and a cap), and every request has a timeout
 * (the node's Timeout option): a read that times out is retried, a POST is not.
 */
import { clock } from '../../../nodes/shared/clock';
import { continueOnFail, useJtlSandbox } from '../../harness/jtlSuite';

const jtl = useJtlSandbox(['--rate-limit', '0']);

let slept: number[];
beforeEach(() => {
	slept = [];
	jest.spyOn(clock, 'sleep').mockImplementation(async (ms) => {
		slept.push(ms);
	});
});
afterEach(() => jest.restoreAllMocks());

const readAll = (parameters: Record<string, unknown>) => {
	parameters.returnAll = true;
	parameters.simplify = false;
};

describe('A read that meets a 500', () => {
	it('is retried with backoff and completes the whole list', async () => {
		const expected = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], readAll);
		await jtl.sandbox.fault({ method: 'GET', pathRegex: '^/erp/', status: 500, times: 2 });
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], readAll);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual(expected.output('JTL-Wawi'));
		expect(slept).toHaveLength(2);
		expect(slept[1]).toBeGreaterThan(slept[0] / 2);
	});

	it('gives up after the retry cap', async () => {
		await jtl.sandbox.fault({ method: 'GET', pathRegex: '^/erp/', status: 500, times: 50 });
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], readAll);
		expect(result.error?.httpCode).toBe('500');
		expect(await jtl.apiCalls()).toHaveLength(5);
	});

	it('is never repeated when it is a POST', async () => {
		await jtl.sandbox.fault({ method: 'POST', pathRegex: '^/erp/', status: 500, times: 5 });
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/contact-create.workflow.json',
			[{ customerId: 1, firstName: 'Ada', lastName: 'Lovelace' }],
			continueOnFail,
		);
		expect(result.output('JTL-Wawi')[0].error).toBeDefined();
		expect(await jtl.writes()).toHaveLength(1);
	});
});

describe('The Timeout option', () => {
	const oneSecond = (parameters: Record<string, unknown>) => {
		readAll(parameters);
		parameters.requestTimeout = 1;
	};

	it('ends a read the server does not answer in time, and retries it', async () => {
		await jtl.sandbox.fault({ method: 'GET', pathRegex: '^/erp/', status: 503, delayMs: 4000 });
		await jtl.sandbox.clearRequests();
		const started = Date.now();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], oneSecond);
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeLessThan(3000);
		expect(result.output('JTL-Wawi').length).toBeGreaterThan(0);
		expect(slept).toHaveLength(1);
	});

	it('names the timeout when every attempt runs out of time', async () => {
		await jtl.sandbox.fault({
			method: 'GET',
			pathRegex: '^/erp/',
			status: 503,
			delayMs: 1500,
			times: 5,
		});
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], oneSecond);
		expect(result.error?.message).toMatch(/did not answer in time/);
	}, 15_000);

	it('refuses a timeout out of range, naming the option and the item', async () => {
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.requestTimeout = -1;
		});
		expect(result.error?.message).toBe('Timeout (Seconds) must be a number from 1 to 600 (item 0)');
	});
});
