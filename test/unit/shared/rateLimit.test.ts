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

/**
 * Registers a fake clock for each test (and forgets the rate-limit gates): `now` starts at
 * 1,000,000 ms, and each sleep adds its wait to `now` and to `slept`.
 */
function useFakeClock() {
	const fake = { now: 1_000_000, slept: [] as number[] };
	beforeEach(() => {
		rateLimitGate.reset();
		fake.slept = [];
		fake.now = 1_000_000;
		jest.spyOn(clock, 'now').mockImplementation(() => fake.now);
		jest.spyOn(clock, 'sleep').mockImplementation(async (ms) => {
			fake.slept.push(ms);
			fake.now += ms;
		});
	});
	afterEach(() => jest.restoreAllMocks());
	return fake;
}

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
	const fake = useFakeClock();

	it('lets requests through while the window has room', async () => {
		rateLimitGate.observe('k', { 'x-ratelimit-remaining': '5' }, JTL, 200);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([]);
	});

	it('holds the next request until the window reopens once none remain', async () => {
		rateLimitGate.observe(
			'k',
			{ 'x-ratelimit-remaining': '0', 'x-ratelimit-interval-length-seconds': '10' },
			JTL,
			200,
		);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([10_000]);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([10_000]);
	});

	it('keeps gates apart per key', async () => {
		rateLimitGate.block('a', 4000);
		await rateLimitGate.wait('b', 60_000);
		expect(fake.slept).toEqual([]);
		await rateLimitGate.wait('a', 60_000);
		expect(fake.slept).toEqual([4000]);
	});

	it('leaves the closing of the window after a 429 to the retry loop', async () => {
		rateLimitGate.observe('k', { 'retry-after': '4', 'x-ratelimit-remaining': '3' }, JTL, 429);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([]);
	});

	it('keeps the wait of a 429 when an answer without rate-limit headers arrives after it', async () => {
		rateLimitGate.block('k', 3000);
		// A request sent before the 429 is answered 200, without any rate-limit header.
		rateLimitGate.observe('k', {}, undefined, 200);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([3000]);
		// Once the wait is over, such an answer forgets the gate.
		rateLimitGate.observe('k', {}, undefined, 200);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([3000]);
	});

	it('never waits longer than the cap', async () => {
		rateLimitGate.block('k', 600_000);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([60_000]);
	});
});

describe('rateLimitGate over a window of the vendor (limit 3 per 10 s, no reset header)', () => {
	const fake = useFakeClock();
	const headers = (remaining: number) => ({
		'x-ratelimit-limit': '3',
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-interval-length-seconds': '10',
	});

	/** One request through the gate, answered with `remaining`. */
	async function request(remaining: number) {
		await rateLimitGate.wait('k', 60_000);
		const sentAt = fake.now;
		rateLimitGate.observe('k', headers(remaining), JTL, 200, sentAt);
	}

	it('waits until the window that began with its first request ends, not a whole interval more', async () => {
		await request(2); // the window begins now
		fake.now += 3000;
		await request(1);
		fake.now += 4000;
		await request(0); // 7 s into the window
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([3000]);
	});

	it('counts requests still on their way against what remains', async () => {
		await request(2); // two left in this window
		await rateLimitGate.wait('k', 60_000); // in flight
		await rateLimitGate.wait('k', 60_000); // in flight
		expect(fake.slept).toEqual([]);
		await rateLimitGate.wait('k', 60_000); // would be the fourth in a window of three
		expect(fake.slept).toEqual([10_000]);
	});

	it('starts counting afresh once the window is over', async () => {
		await request(2);
		fake.now += 11_000;
		await request(2); // a new window
		await rateLimitGate.wait('k', 60_000);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.slept).toEqual([]);
	});
});

/**
 * A vendor's fixed window on the fake clock: `limit` requests per `windowMs`, counted per budget,
 * the window beginning with its first request. `budgetOf` maps a gate key to the vendor's budget.
 */
function fakeVendor(
	fake: { now: number },
	limit: number,
	windowMs: number,
	budgetOf: (key: string) => string,
) {
	const windows = new Map<string, { start: number; count: number }>();
	const answers: number[] = [];
	return {
		answers,
		/** One request through the gate: granted, counted by the vendor, answered at once. */
		async send(key: string, family?: string) {
			await rateLimitGate.wait(key, 60_000, family);
			const budget = budgetOf(key);
			let window = windows.get(budget);
			if (!window || window.start + windowMs <= fake.now) {
				window = { start: fake.now, count: 0 };
				windows.set(budget, window);
			}
			const status = window.count >= limit ? 429 : 200;
			if (status === 200) window.count++;
			answers.push(status);
			const headers = {
				'x-ratelimit-limit': String(limit),
				'x-ratelimit-remaining': String(limit - window.count),
				'x-ratelimit-interval-length-seconds': String(windowMs / 1000),
			};
			rateLimitGate.observe(key, headers, JTL, status, fake.now, family);
		},
	};
}

describe('rateLimitGate pacing one endpoint and several', () => {
	const fake = useFakeClock();
	const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

	it.each([
		[130, 60],
		[60, 60],
		[61, 60],
		[300, 60],
	])('%i requests at %i per 10 s take ceil(M/L) - 1 windows, no 429', async (m, l) => {
		const vendor = fakeVendor(fake, l, 10_000, (key) => key);
		for (let i = 0; i < m; i++) await vendor.send('GET /customers');
		expect(vendor.answers.every((s) => s === 200)).toBe(true);
		expect(sum(fake.slept)).toBe((Math.ceil(m / l) - 1) * 10_000);
	});

	it('does not hold one endpoint by the budget of another', async () => {
		const vendor = fakeVendor(fake, 3, 10_000, (key) => key);
		for (let i = 0; i < 3; i++) await vendor.send('POST /customers');
		// POST /customers is used up; PATCH goes on at once, and so does POST's own next window only.
		for (let i = 0; i < 3; i++) await vendor.send('PATCH /customers/{id}');
		expect(fake.slept).toEqual([]);
		await vendor.send('POST /customers');
		expect(fake.slept).toEqual([10_000]);
		expect(vendor.answers.every((s) => s === 200)).toBe(true);
	});

	it('keeps the methods of a path apart while the vendor counts them apart', async () => {
		const vendor = fakeVendor(fake, 3, 10_000, (key) => key);
		for (let i = 0; i < 3; i++) {
			await vendor.send('GET /customers', '* /customers');
			await vendor.send('POST /customers', '* /customers');
		}
		expect(fake.slept).toEqual([]);
		expect(rateLimitGate.isShared('* /customers')).toBe(false);
		expect(vendor.answers.every((s) => s === 200)).toBe(true);
	});

	it('joins the methods of a path once the vendor counts them together: no 429, the whole window used', async () => {
		const vendor = fakeVendor(fake, 10, 10_000, () => '/customers');
		for (let i = 0; i < 15; i++) {
			await vendor.send('GET /customers', '* /customers');
			await vendor.send('POST /customers', '* /customers');
		}
		expect(rateLimitGate.isShared('* /customers')).toBe(true);
		expect(vendor.answers.every((s) => s === 200)).toBe(true);
		// 30 requests on one budget of 10: two windows of waiting, not more.
		expect(sum(fake.slept)).toBe(20_000);
	});
});

describe('rateLimitGate with requests side by side', () => {
	// Sleepers wake at their own time: overlapping waits move the clock once, not once each.
	const fake = { now: 1_000_000 };
	beforeEach(() => {
		rateLimitGate.reset();
		fake.now = 1_000_000;
		jest.spyOn(clock, 'now').mockImplementation(() => fake.now);
		jest.spyOn(clock, 'sleep').mockImplementation(async (ms) => {
			const wakeAt = fake.now + ms;
			await Promise.resolve();
			fake.now = Math.max(fake.now, wakeAt);
		});
	});
	afterEach(() => jest.restoreAllMocks());

	it("takes the requests sent after an answer's request off what it says remains", async () => {
		const headers = (remaining: number) => ({
			'x-ratelimit-limit': '10',
			'x-ratelimit-remaining': String(remaining),
			'x-ratelimit-interval-length-seconds': '10',
		});
		// A first answer opens the gate's window; then four requests go out side by side.
		await rateLimitGate.wait('k', 60_000);
		rateLimitGate.observe('k', headers(9), JTL, 200, fake.now);
		fake.now += 100;
		for (let i = 0; i < 4; i++) await rateLimitGate.wait('k', 60_000);
		const sentAt = fake.now;
		// The vendor counted the first of the four only when it answered: 5 remain, but the other
		// three may not be counted yet, so only 2 more may go.
		rateLimitGate.observe('k', headers(5), JTL, 200, sentAt);
		await rateLimitGate.wait('k', 60_000);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.now).toBe(sentAt);
		await rateLimitGate.wait('k', 60_000);
		expect(fake.now).toBe(1_000_000 + 10_000);
	});

	it('counts the requests on their way: 4 at a time, 130 at 60 per 10 s, two windows and no 429', async () => {
		const windows = { start: -Infinity, count: 0 };
		const statuses: number[] = [];
		let next = 0;
		const worker = async () => {
			while (next < 130) {
				next++;
				await rateLimitGate.wait('GET /customers', 60_000);
				const sentAt = fake.now;
				// The request travels while others are sent; the vendor counts it on arrival.
				await Promise.resolve();
				if (windows.start + 10_000 <= fake.now)
					Object.assign(windows, { start: fake.now, count: 0 });
				const status = windows.count >= 60 ? 429 : 200;
				if (status === 200) windows.count++;
				statuses.push(status);
				await Promise.resolve();
				rateLimitGate.observe(
					'GET /customers',
					{
						'x-ratelimit-limit': '60',
						'x-ratelimit-remaining': String(60 - windows.count),
						'x-ratelimit-interval-length-seconds': '10',
					},
					JTL,
					status,
					sentAt,
				);
			}
		};
		await Promise.all([worker(), worker(), worker(), worker()]);
		expect(statuses.filter((s) => s === 429)).toEqual([]);
		expect(statuses).toHaveLength(130);
		expect(fake.now - 1_000_000).toBe(20_000);
	});
});
