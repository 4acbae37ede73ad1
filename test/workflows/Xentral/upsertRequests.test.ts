/* eslint-disable @typescript-eslint/no-explicit-any -- node parameters are free-form JSON */
/**
 * What Customer > Create or Update costs, counted in the requests the sandbox received: the items of
 * a run are looked up together (`number in […]`, 50 keys a request), each item is written once, and
 * nothing is read after a write unless Return Full Record asks for it (exactly one GET per written
 * item). Xentral allows 100 requests a minute, so these counts are the run's time. The sandbox's
 * rate limit is off here: the counts, not the waits, are under test (rateLimit.test.ts has those).
 */
import type { NodeChange } from '../../harness/jtlSuite';
import { continueOnFail } from '../../harness/jtlSuite';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox(['--customers', '50', '--rate-limit', '0']);
const FILE = 'Xentral/customer-upsert.workflow.json';

/** Item i of 100: the first 50 are the sandbox's customers 10001…10050, renamed; the rest new. */
const item = (i: number) => ({
	matchOn: 'number',
	number: String(i < 50 ? 10001 + i : 20001 + i),
	companyName: `Firma ${i}`,
	email: `firma${i}@example.com`,
	projectId: '1',
});
const HUNDRED = Array.from({ length: 100 }, (_, i) => item(i));

const calls = async () =>
	(await xentral.apiCalls()).map((c) => `${c.method} ${c.path} ${c.status}`);
const count = (lines: string[], pattern: RegExp) => lines.filter((l) => pattern.test(l)).length;

const fullRecord: NodeChange = (p) => {
	p.options = { returnFullRecord: true };
	// The raw record: with Simplify a customer view without an address has its address read too.
	p.simplify = false;
};

describe('Customer > Create or Update: requests per run', () => {
	it('100 items, 50 of them existing: 2 lookups and 100 writes, 102 requests, no read after a write', async () => {
		const result = await xentral.run(FILE, HUNDRED);
		expect(result.error).toBeUndefined();
		const lines = await calls();
		expect(lines).toHaveLength(102);
		expect(lines.slice(0, 2)).toEqual(['GET /api/v2/customers 200', 'GET /api/v2/customers 200']);
		expect(count(lines, /^PATCH \/api\/v2\/customers\/\d+ 204$/)).toBe(50);
		expect(count(lines, /^POST \/api\/v2\/customers 201$/)).toBe(50);
		expect(count(lines, /^GET /)).toBe(2);
		// The lookups ask Xentral's documented `in` for the run's numbers, 50 to a request.
		const [first, second] = await xentral.apiCalls();
		expect(first.query).toMatchObject({
			'filter[0][key]': 'number',
			'filter[0][op]': 'in',
			'filter[0][value][0]': '10001',
			'filter[0][value][49]': '10050',
			'page[size]': '50',
		});
		expect(second.query).toMatchObject({
			'filter[0][value][0]': '20051',
			'filter[0][value][49]': '20100',
		});
		// Each output item is its input's, the existing customers updated, the new ones created.
		const out = result.output('Xentral') as any[];
		expect(out).toHaveLength(100);
		expect(result.pairedItems('Xentral')).toEqual(HUNDRED.map((_, i) => i));
		expect(out[0]).toMatchObject({ id: '1', number: '10001', company: 'Firma 0' });
		expect(out[99]).toMatchObject({ id: '100', number: '20100', company: 'Firma 99' });
		expect(await xentral.get('/api/v2/customers/1')).toMatchObject({ name: 'Firma 0' });
		expect(await xentral.get('/api/v2/customers/100')).toMatchObject({ number: '20100' });
	});

	it('Return Full Record adds exactly one GET of each written customer: 202 requests', async () => {
		const result = await xentral.run(FILE, HUNDRED, fullRecord);
		expect(result.error).toBeUndefined();
		const lines = await calls();
		expect(lines).toHaveLength(202);
		const views = lines.filter((l) => /^GET \/api\/v2\/customers\/\d+ 200$/.test(l));
		expect(views).toHaveLength(100);
		expect(new Set(views).size).toBe(100);
		// Each read follows its own write.
		lines.forEach((line, i) => {
			if (/^(PATCH|POST) /.test(line))
				expect(lines[i + 1]).toMatch(/^GET \/api\/v2\/customers\/\d+ 200$/);
		});
		const out = result.output('Xentral') as any[];
		expect(out[0]).toMatchObject({ id: '1', name: 'Firma 0', createdAt: expect.any(String) });
		expect(out[99]).toMatchObject({ id: '100', createdAt: expect.any(String) });
	});

	it('without Return Full Record returns the ID and the fields sent, in the shape of a read', async () => {
		const result = await xentral.run(FILE, [item(0), item(50)], (p) => (p.simplify = false));
		const [updated, created] = result.output('Xentral') as any[];
		// An update: the customer as the lookup found it, with the fields sent, without its change time.
		const before = (await xentral.apiCalls())[0];
		expect(before.method).toBe('GET');
		expect(updated).toMatchObject({
			id: '1',
			number: '10001',
			name: 'Firma 0',
			contactDetails: { email: 'firma0@example.com' },
			language: 'de',
		});
		expect(updated.updatedAt).toBeUndefined();
		// A create: the ID from Location and the body sent.
		expect(created).toEqual({
			id: '51',
			customerType: 'company',
			name: 'Firma 50',
			number: '20051',
			contactDetails: { email: 'firma50@example.com' },
			project: { id: '1' },
		});
	});

	it('items sharing a key in one run create one customer, and the next updates it', async () => {
		const twice = { ...item(60), companyName: 'Erst' };
		const result = await xentral.run(FILE, [twice, { ...twice, companyName: 'Dann' }]);
		expect(result.error).toBeUndefined();
		expect(await calls()).toEqual([
			'GET /api/v2/customers 200',
			'POST /api/v2/customers 201',
			'PATCH /api/v2/customers/51 204',
		]);
		const [a, b] = result.output('Xentral') as any[];
		expect([a.id, b.id]).toEqual(['51', '51']);
		const all = await xentral.direct(
			'GET',
			'/api/v2/customers?filter[0][key]=number&filter[0][op]=equals&filter[0][value]=20061',
		);
		expect(all.body.data).toHaveLength(1);
		expect(all.body.data[0].name).toBe('Dann');
	});

	it('with Continue On Fail keeps each failure on its own item and pairs every item right', async () => {
		const items = [
			item(0),
			{ ...item(1), number: '' }, // bad input: no request for it
			{ ...item(51), projectId: '' }, // refused by Xentral: the strict instance wants a project
			item(52),
		];
		const result = await xentral.run(FILE, items, continueOnFail);
		expect(result.error).toBeUndefined();
		const out = result.output('Xentral') as any[];
		expect(result.pairedItems('Xentral')).toEqual([0, 1, 2, 3]);
		expect(out[0]).toMatchObject({ id: '1', company: 'Firma 0' });
		expect(out[1].error).toBe(
			'Additional Fields > Customer Number (item 1) is required to match on it',
		);
		expect(out[2].error).toBe(
			'Project (item 2) is required by this Xentral instance for a new customer',
		);
		expect(out[3]).toMatchObject({ id: '51', number: '20053' });
		// One lookup for the three keys, then the writes: one refused.
		expect(await calls()).toEqual([
			'GET /api/v2/customers 200',
			'PATCH /api/v2/customers/1 204',
			'POST /api/v2/customers 400',
			'POST /api/v2/customers 201',
		]);
	});

	it('without Continue On Fail stops at the failing item: the items before it are written, none after', async () => {
		const items = [item(50), { ...item(51), projectId: '' }, item(52)];
		const result = await xentral.run(FILE, items);
		expect(result.error?.message).toBe(
			'Project (item 1) is required by this Xentral instance for a new customer',
		);
		expect(await calls()).toEqual([
			'GET /api/v2/customers 200',
			'POST /api/v2/customers 201',
			'POST /api/v2/customers 400',
		]);
	});

	it('bad input stops the run before any request when Continue On Fail is off', async () => {
		const result = await xentral.run(FILE, [item(0), { ...item(1), number: '' }]);
		expect(result.error?.message).toBe(
			'Additional Fields > Customer Number (item 1) is required to match on it',
		);
		expect(await calls()).toEqual([]);
	});

	it('a failed lookup fails the items it was for, each on its own item', async () => {
		// 60 keys: the second lookup (keys 51 to 60) is refused with a 400, which is not retried.
		await xentral.sandbox.fault({
			method: 'GET',
			path: '/api/v2/customers',
			status: 400,
			skip: 1,
			times: 1,
		});
		const items = Array.from({ length: 60 }, (_, i) => item(i));
		const result = await xentral.run(FILE, items, continueOnFail);
		expect(result.error).toBeUndefined();
		const out = result.output('Xentral') as any[];
		expect(out).toHaveLength(60);
		expect(out.slice(0, 50).every((o) => o.error === undefined)).toBe(true);
		expect(out.slice(50).every((o) => typeof o.error === 'string')).toBe(true);
		expect(result.pairedItems('Xentral')).toEqual(items.map((_, i) => i));
		expect(count(await calls(), /^(PATCH|POST) /)).toBe(50);
	});
});

describe('Customer > Create or Update by e-mail: requests per run', () => {
	it('where the filter ignores case: the probe, then one lookup per 50 e-mails', async () => {
		await xentral.sandbox.control('POST', 'readings', { filterCase: 'insensitive' });
		const items = HUNDRED.map((it, i) => ({
			...it,
			matchOn: 'email',
			// The first 50 are the sandbox's customers' e-mails, in another case.
			email: i < 50 ? `Kunde${i + 1}@Example.com` : it.email,
		}));
		const result = await xentral.run(FILE, items, (p) => delete p.additionalFields.number);
		expect(result.error).toBeUndefined();
		const lines = await calls();
		// Probe (first page, one e-mail in swapped case), 2 lookups, 50 PATCH, 50 POST.
		expect(lines).toHaveLength(104);
		expect(count(lines, /^GET /)).toBe(4);
		expect(count(lines, /^PATCH /)).toBe(50);
		expect(count(lines, /^POST /)).toBe(50);
		const out = result.output('Xentral') as any[];
		expect(out[0]).toMatchObject({ id: '1' });
	});
});
