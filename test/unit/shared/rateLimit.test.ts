import {
	parseRetryAfter,
	rateLimitGate,
	serverRequestedWait,
} from '../../../nodes/shared/rateLimit';
import { clock } from '../../../nodes/shared/clock';

const JTL = {
	remaining: 'x-ratelimit-remaining',
	reset: 'x-ratelimit-reset',
	interval: 'x-ratelimit-interval-length-seconds',
};

describe('parseRetryAfter', () => {
	const now = Date.parse('2026-11-22T10:00:00Z');

	it('reads delta seconds', () => {
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter('0', now)).toBe(0);
		expect(parseRetryAfter('1.5', now)).toBe(1500);
	});

	it('reads an HTTP date relative to now', () => {
		expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
	});

	it('treats a date in the past as no wait', () => {
		expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).toBe(0);
	});

	it('ignores garbage and absence', () => {
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter('', now)).toBeUndefined();
	});
});

describe('serverRequestedWait', () => {
	const now = 1_800_000_000_000;

	it('prefers Retry-After over the rate-limit headers', () => {
		expect(
			serverRequestedWait(
				{ 'retry-after': '3', 'x-ratelimit-interval-length-seconds': '45' },
				JTL,
				now,
			),
		).toBe(3000);
	});

	it('falls back to a reset header given as seconds or as epoch seconds', () => {
		expect(serverRequestedWait({ 'x-ratelimit-reset': '12' }, JTL, now)).toBe(12_000);
		expect(serverRequestedWait({ 'x-ratelimit-reset': String(now / 1000 + 20) }, JTL, now)).toBe(
			20_000,
		);
	});

	it('falls back to the window length when JTL sends no Retry-After', () => {
		expect(serverRequestedWait({ 'x-ratelimit-interval-length-seconds': '45' }, JTL, now)).toBe(
			45_000,
		);
	});

	it('says nothing when the response says nothing', () => {
		expect(serverRequestedWait({}, JTL, now)).toBeUndefined();
	});
});

describe('rateLimitGate', () => {
	let fakeNow = 1_000_000;
	let slept: number[];

	beforeEach(() => {
		rateLimitGate.reset();
		slept = [];
		fakeNow = 1_000_000;
		jest.spyOn(clock, 'now').mockImplementation(() => fakeNow);
		jest.spyOn(clock, 'sleep').mockImplementation(async (ms) => {
			slept.push(ms);
			fakeNow += ms;
		});
	});

	afterEach(() => jest.restoreAllMocks());

	it('lets requests through while the window has room', async () => {
		rateLimitGate.observe('k', { 'x-ratelimit-remaining': '5' }, JTL, 200);
		await rateLimitGate.wait('k', 60_000);
		expect(slept).toEqual([]);
	});

	it('holds the next request until the window reopens once none remain', async () => {
		rateLimitGate.observe(
			'k',
			{ 'x-ratelimit-remaining': '0', 'x-ratelimit-interval-length-seconds': '10' },
			JTL,
			200,
		);
		await rateLimitGate.wait('k', 60_000);
		expect(slept).toEqual([10_000]);
		await rateLimitGate.wait('k', 60_000);
		expect(slept).toEqual([10_000]);
	});

	it('keeps gates apart per key', async () => {
		rateLimitGate.block('a', 4000);
		await rateLimitGate.wait('b', 60_000);
		expect(slept).toEqual([]);
		await rateLimitGate.wait('a', 60_000);
		expect(slept).toEqual([4000]);
	});

	it('leaves the closing of the window after a 429 to the retry loop', async () => {
		rateLimitGate.observe('k', { 'retry-after': '4', 'x-ratelimit-remaining': '3' }, JTL, 429);
		await rateLimitGate.wait('k', 60_000);
		expect(slept).toEqual([]);
	});

	it('never waits longer than the cap', async () => {
		rateLimitGate.block('k', 600_000);
		await rateLimitGate.wait('k', 60_000);
		expect(slept).toEqual([60_000]);
	});
});
