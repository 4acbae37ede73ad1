import type { IDataObject, INode, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { simplifyCustomerV2 } from '../../../nodes/JtlWawi/helpers/simplify';
import { jtlApiRequest } from '../../../nodes/JtlWawi/transport';
import { JtlWawiTrigger } from '../../../nodes/JtlWawiTrigger/JtlWawiTrigger.node';
import { clock } from '../../../nodes/shared/clock';
import { MAX_PROCESSED_KEYS, OVERLAP_MS } from '../../../nodes/shared/pollEngine';

jest.mock('../../../nodes/JtlWawi/transport', () => ({
	...jest.requireActual('../../../nodes/JtlWawi/transport'),
	jtlApiRequest: jest.fn(),
	// The credential's Time Zone (a mocked context has no credentials).
	jtlTimeZone: jest.fn(async () => 'Europe/Berlin'),
}));

const request = jest.mocked(jtlApiRequest);

const NODE: INode = {
	id: 'trigger-node',
	name: 'JTL-Wawi Trigger',
	type: 'n8n-nodes-erp-customers.jtlWawiTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

/** A v2 customer as JTL lists it. */
function customer(n: number, createdMs: number, changedMs = createdMs): IDataObject {
	return {
		id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		customerNumber: `K${10000 + n}`,
		customerGroupId: 'aaaaaaaa-0000-4000-8000-000000000001',
		languageIso: 'de',
		createdDate: iso(createdMs),
		lastChanged: iso(changedMs),
		isLocked: false,
		addresses: [
			{
				customerAddressId: `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`,
				addressType: 1,
				companyName: 'Lager',
				firstName: 'Ship',
				lastName: 'To',
				city: 'Elsewhere',
				isDefaultAddress: true,
			},
			{
				customerAddressId: `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`,
				addressType: 0,
				companyName: `Firma ${n}`,
				firstName: 'Anna',
				lastName: `Kunde${n}`,
				emailAddress: `kunde${n}@example.com`,
				phoneNumber: '+49 30 1234',
				street: 'Hauptstr. 1',
				postalCode: '10115',
				city: 'Berlin',
				countryIso: 'DE',
				isDefaultAddress: true,
			},
		],
	};
}

/**
 * A fake of `GET /v2/customers` with the vendor's semantics: strict After/Before filters, sortBy
 * as order-by/then-by, sortDescending, page numbers. Logs every query.
 */
function fakeJtl() {
	const records: IDataObject[] = [];
	const queries: IDataObject[] = [];
	let failure: ((qs: IDataObject) => Error | undefined) | undefined;
	request.mockReset();
	const v1Lookups: IDataObject[] = [];
	request.mockImplementation(async (_ctx, method, path, options = {}) => {
		const qs = { ...(options.qs ?? {}) };
		// Simplify looks up each emitted customer's v1 ID by its number; none here has one.
		if (path === '/customers') {
			v1Lookups.push(qs);
			return {
				statusCode: 200,
				headers: {} as Record<string, string>,
				body: { Items: [], HasNextPage: false },
			};
		}
		queries.push(qs);
		expect(method).toBe('GET');
		expect(path).toBe('/v2/customers');
		const error = failure?.(qs);
		if (error) throw error;
		let list = records.filter((r) =>
			(['createdDate', 'lastChanged'] as const).every((field) => {
				const t = Date.parse(String(r[field]));
				const after = qs[`${field}After`];
				const before = qs[`${field}Before`];
				return (
					(after === undefined || t > Date.parse(String(after))) &&
					(before === undefined || t < Date.parse(String(before)))
				);
			}),
		);
		const keys = String(qs.sortBy ?? 'id').split(',');
		const sign = qs.sortDescending === true ? -1 : 1;
		list = [...list].sort((a, b) => {
			for (const key of keys) {
				const va = String(a[key]);
				const vb = String(b[key]);
				if (va !== vb) return va < vb ? -sign : sign;
			}
			return 0;
		});
		const pageNumber = Number(qs.pageNumber ?? 1);
		const pageSize = Number(qs.pageSize ?? 100);
		const totalPages = Math.max(1, Math.ceil(list.length / pageSize));
		return {
			statusCode: 200,
			headers: { date: new Date(now).toUTCString() }, // JTL's clock
			body: {
				items: list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
				pageNumber,
				pageSize,
				totalItems: list.length,
				totalPages,
				hasNextPage: pageNumber < totalPages,
			},
		};
	});
	return {
		records,
		queries,
		v1Lookups,
		failWhen(fn: ((qs: IDataObject) => Error | undefined) | undefined) {
			failure = fn;
		},
	};
}

function pollContext(
	params: IDataObject,
	staticData: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
) {
	return {
		getNodeParameter: jest.fn((name: string, fallback?: unknown) =>
			name in params ? params[name] : fallback,
		),
		getWorkflowStaticData: jest.fn(() => staticData),
		getMode: jest.fn(() => mode),
		getNode: jest.fn(() => NODE),
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	} as unknown as IPollFunctions;
}

let now = T0;
const trigger = new JtlWawiTrigger();

/** Polls once at `at`. */
async function pollAt(at: number, ctx: IPollFunctions) {
	now = at;
	return await trigger.poll.call(ctx);
}

const ids = (result: INodeExecutionData[][] | null) =>
	(result?.[0] ?? []).map((item) => item.json.id as string);

beforeEach(() => {
	now = T0;
	clock.now = () => now;
});

describe('JtlWawiTrigger description', () => {
	it('is a polling trigger with one output and the JTL credential', () => {
		const d = trigger.description;
		expect(d.name).toBe('jtlWawiTrigger');
		expect(d.displayName).toBe('JTL-Wawi Trigger');
		expect(d.polling).toBe(true);
		expect(d.inputs).toEqual([]);
		expect(d.outputs).toEqual(['main']);
		expect(d.credentials).toEqual([{ name: 'jtlWawiOAuth2Api', required: true }]);
		const event = d.properties.find((p) => p.name === 'event');
		expect(event?.options?.map((o) => (o as { value?: unknown }).value)).toEqual([
			'newCustomer',
			'updatedCustomer',
		]);
		const options = d.properties.find((p) => p.name === 'options');
		expect(options?.options?.map((o) => [o.name, (o as { default?: unknown }).default])).toEqual([
			['changeFields', []],
			['simplify', true],
		]);
	});
});

describe('JtlWawiTrigger poll', () => {
	const updated = { event: 'updatedCustomer', options: {} };
	const created = { event: 'newCustomer', options: {} };

	it("first run stores JTL's time (its Date header) as the cursor and emits nothing", async () => {
		const api = fakeJtl();
		api.records.push(customer(1, T0 - 10 * MIN, T0 - MIN));
		const state: IDataObject = {};
		clock.now = () => T0 + 2 * MIN; // n8n's clock runs 2 minutes ahead of JTL's
		expect(await trigger.poll.call(pollContext(updated, state))).toBeNull();
		expect(state).toEqual({ cursor: iso(T0), startedAt: iso(T0), processedKeys: [] });
		expect(api.queries).toEqual([
			{ sortBy: 'lastChanged,id', sortDescending: true, pageNumber: 1, pageSize: 1 },
		]);
	});

	it('queries from cursor − 5 min sorted by (lastChanged, id) ascending; the cursor is JTL time', async () => {
		const api = fakeJtl();
		const state: IDataObject = {
			cursor: iso(T0),
			startedAt: iso(T0 - 60 * MIN),
			processedKeys: [],
		};
		expect(await pollAt(T0 + MIN, pollContext(updated, state))).toBeNull();
		expect(api.queries).toEqual([
			{
				sortBy: 'lastChanged,id',
				sortDescending: false,
				lastChangedAfter: iso(T0 - OVERLAP_MS - 1),
				pageNumber: 1,
				pageSize: 100,
			},
		]);
		expect(state.cursor).toBe(iso(T0 + MIN));
	});

	it('New Customer filters and sorts on createdDate', async () => {
		const api = fakeJtl();
		const state: IDataObject = { cursor: iso(T0), processedKeys: [] };
		await pollAt(T0 + MIN, pollContext(created, state));
		expect(api.queries[0]).toEqual({
			sortBy: 'createdDate,id',
			sortDescending: false,
			createdDateAfter: iso(T0 - OVERLAP_MS - 1),
			pageNumber: 1,
			pageSize: 100,
		});
	});

	it('never reaches back before the first poll (no backlog from the overlap)', async () => {
		const api = fakeJtl();
		api.records.push(customer(1, T0 - 60 * MIN, T0 - 2 * MIN)); // changed before activation
		const state: IDataObject = {};
		await pollAt(T0, pollContext(updated, state));
		api.records.push(customer(2, T0 - 60 * MIN, T0)); // exactly at the first poll: included
		expect(ids(await pollAt(T0 + MIN, pollContext(updated, state)))).toEqual([customer(2, 0).id]);
		expect(api.queries[1].lastChangedAfter).toBe(iso(T0 - 1));
	});

	it('does not emit a record of the overlap twice', async () => {
		const api = fakeJtl();
		const state: IDataObject = { cursor: iso(T0), startedAt: iso(T0 - 60 * MIN) };
		api.records.push(customer(1, T0 - 60 * MIN, T0 + 30_000));
		expect(ids(await pollAt(T0 + MIN, pollContext(updated, state)))).toEqual([customer(1, 0).id]);
		// Still inside the next window's overlap: read again, not emitted again.
		expect(await pollAt(T0 + 2 * MIN, pollContext(updated, state))).toBeNull();
		expect(api.queries).toHaveLength(2);
		expect(state.processedKeys).toEqual([`${customer(1, 0).id as string}@${iso(T0 + 30_000)}`]);
	});

	it('a record stamped exactly "now" is emitted once', async () => {
		const api = fakeJtl();
		const state: IDataObject = { cursor: iso(T0), startedAt: iso(T0 - 60 * MIN) };
		api.records.push(customer(1, T0 - 60 * MIN, T0 + MIN));
		expect(ids(await pollAt(T0 + MIN, pollContext(updated, state)))).toEqual([customer(1, 0).id]);
		expect(await pollAt(T0 + 2 * MIN, pollContext(updated, state))).toBeNull();
	});

	it('emits two customers with the same timestamp across a page boundary exactly once', async () => {
		const api = fakeJtl();
		const state: IDataObject = { cursor: iso(T0), startedAt: iso(T0 - 60 * MIN) };
		for (let n = 1; n <= 99; n++) api.records.push(customer(n, T0 - 60 * MIN, T0 + n * 100));
		const tie = T0 + 30_000;
		api.records.push(customer(100, T0 - 60 * MIN, tie), customer(101, T0 - 60 * MIN, tie));
		const result = await pollAt(T0 + MIN, pollContext(updated, state));
		// the next page starts after the last date read, not at page 2
		expect(api.queries.map((q) => [q.lastChangedAfter, q.pageNumber])).toEqual([
			[iso(T0 - OVERLAP_MS - 1), 1],
			[iso(tie - 1), 1],
		]);
		const emitted = ids(result);
		expect(emitted).toHaveLength(101);
		expect(new Set(emitted).size).toBe(101);
		expect(emitted.slice(-2)).toEqual([customer(100, 0).id, customer(101, 0).id]);
		expect(await pollAt(T0 + 2 * MIN, pollContext(updated, state))).toBeNull();
	});

	it('catches a late commit: stamped inside the overlap, older than the cursor, emitted once', async () => {
		const api = fakeJtl();
		const state: IDataObject = { cursor: iso(T0), startedAt: iso(T0 - 60 * MIN) };
		expect(await pollAt(T0 + MIN, pollContext(updated, state))).toBeNull();
		// Committed after that poll, but stamped 2 minutes before it.
		api.records.push(customer(7, T0 - 60 * MIN, T0 - MIN));
		expect(ids(await pollAt(T0 + 2 * MIN, pollContext(updated, state)))).toEqual([
			customer(7, 0).id,
		]);
		expect(await pollAt(T0 + 3 * MIN, pollContext(updated, state))).toBeNull();
	});

	it('an error mid-pagination does not advance the cursor; the next poll reads the window again', async () => {
		const api = fakeJtl();
		const state: IDataObject = {
			cursor: iso(T0),
			startedAt: iso(T0 - 60 * MIN),
			processedKeys: ['older@key'],
		};
		for (let n = 1; n <= 150; n++) api.records.push(customer(n, T0 - 60 * MIN, T0 + n * 100));
		api.failWhen(() =>
			api.queries.length === 2
				? new NodeApiError(NODE, { message: 'Service Unavailable' }, { httpCode: '503' })
				: undefined,
		);
		const before = JSON.parse(JSON.stringify(state));
		await expect(pollAt(T0 + MIN, pollContext(updated, state))).rejects.toThrow(NodeApiError);
		expect(state).toEqual(before);

		api.failWhen(undefined);
		const retry = await pollAt(T0 + 2 * MIN, pollContext(updated, state));
		expect(ids(retry)).toHaveLength(150);
		expect(api.queries.slice(2).map((q) => [q.lastChangedAfter, q.pageNumber])).toEqual([
			[iso(T0 - OVERLAP_MS - 1), 1],
			[iso(T0 + 100 * 100 - 1), 1],
		]);
		expect(state.cursor).toBe(iso(T0 + 2 * MIN));
	});

	it('an unexpected body fails the poll without advancing', async () => {
		fakeJtl();
		request.mockResolvedValueOnce({ statusCode: 200, headers: {}, body: '<html>oops</html>' });
		const state: IDataObject = { cursor: iso(T0), processedKeys: [] };
		await expect(pollAt(T0 + MIN, pollContext(updated, state))).rejects.toThrow(/unexpected body/);
		expect(state.cursor).toBe(iso(T0));
	});

	it('makes exactly one request per poll when nothing changed', async () => {
		const api = fakeJtl();
		api.records.push(customer(1, T0 - 60 * MIN, T0 - 50 * MIN));
		const state: IDataObject = {};
		await pollAt(T0, pollContext(updated, state));
		for (let i = 1; i <= 3; i++) {
			expect(await pollAt(T0 + i * MIN, pollContext(updated, state))).toBeNull();
			expect(api.queries).toHaveLength(i + 1); // the first poll asked for JTL's time
			expect(state.cursor).toBe(iso(T0 + i * MIN));
		}
	});

	it('Updated Customer skips never-changed customers and fires again on each later change', async () => {
		const api = fakeJtl();
		const state: IDataObject = { cursor: iso(T0), startedAt: iso(T0 - 60 * MIN) };
		const fresh = customer(1, T0 + 10_000); // createdDate === lastChanged
		const changed = customer(2, T0 - 60 * MIN, T0 + 20_000);
		api.records.push(fresh, changed);
		expect(ids(await pollAt(T0 + MIN, pollContext(updated, state)))).toEqual([changed.id]);
		changed.lastChanged = iso(T0 + 90_000);
		expect(ids(await pollAt(T0 + 2 * MIN, pollContext(updated, state)))).toEqual([changed.id]);
		expect(state.processedKeys).toEqual([
			`${changed.id as string}@${iso(T0 + 20_000)}`,
			`${changed.id as string}@${iso(T0 + 90_000)}`,
		]);
	});

	it('New Customer emits each customer once by id, however often it changes', async () => {
		const api = fakeJtl();
		const state: IDataObject = { cursor: iso(T0), startedAt: iso(T0 - 60 * MIN) };
		const c = customer(3, T0 + 10_000);
		api.records.push(c, customer(4, T0 - 60 * MIN, T0 + 10_000));
		expect(ids(await pollAt(T0 + MIN, pollContext(created, state)))).toEqual([c.id]);
		c.lastChanged = iso(T0 + 70_000);
		expect(await pollAt(T0 + 2 * MIN, pollContext(created, state))).toBeNull();
		expect(state.processedKeys).toEqual([c.id]);
	});

	it('caps the key set to the newest 10,000 keys', async () => {
		const api = fakeJtl();
		const old = Array.from({ length: MAX_PROCESSED_KEYS }, (_, i) => `old-${i}`);
		const state: IDataObject = { cursor: iso(T0), startedAt: iso(T0), processedKeys: old };
		for (let n = 1; n <= 5; n++) api.records.push(customer(n, T0 + n * 1000));
		expect(ids(await pollAt(T0 + MIN, pollContext(created, state)))).toHaveLength(5);
		const keys = state.processedKeys as string[];
		expect(keys).toHaveLength(MAX_PROCESSED_KEYS);
		expect(keys[0]).toBe('old-5');
		expect(keys.slice(-5)).toEqual([1, 2, 3, 4, 5].map((n) => customer(n, 0).id));
	});

	it('returns the simplified shape by default and the full record with Simplify off', async () => {
		const api = fakeJtl();
		const record = customer(9, T0 + 1000);
		api.records.push(record);
		const simple = await pollAt(
			T0 + MIN,
			pollContext(created, { cursor: iso(T0), processedKeys: [] }),
		);
		expect(simple?.[0][0].json).toEqual(simplifyCustomerV2(record));
		const full = await pollAt(
			T0 + MIN,
			pollContext(
				{ event: 'newCustomer', options: { simplify: false } },
				{ cursor: iso(T0), processedKeys: [] },
			),
		);
		expect(full?.[0][0].json).toEqual(record);
	});
});

describe('JtlWawiTrigger manual mode', () => {
	it('returns the newest record and leaves the static data untouched', async () => {
		const api = fakeJtl();
		api.records.push(
			customer(1, T0 - 60 * MIN, T0 - 5 * MIN),
			customer(2, T0 - 50 * MIN, T0 - 1 * MIN),
			customer(3, T0 - 40 * MIN, T0 - 9 * MIN),
		);
		const state: IDataObject = { cursor: iso(T0 - 30 * MIN), processedKeys: ['x'] };
		const before = JSON.parse(JSON.stringify(state));
		const result = await pollAt(T0, pollContext(updated(), state, 'manual'));
		expect(ids(result)).toEqual([customer(2, 0).id]);
		expect(state).toEqual(before);
		expect(api.queries).toEqual([
			{ sortBy: 'lastChanged,id', sortDescending: true, pageNumber: 1, pageSize: 1 },
		]);

		const empty: IDataObject = {};
		const newest = await pollAt(T0, pollContext({ event: 'newCustomer' }, empty, 'manual'));
		expect(ids(newest)).toEqual([customer(3, 0).id]);
		expect(empty).toEqual({});
	});

	it('returns null when there is no customer', async () => {
		fakeJtl();
		expect(await pollAt(T0, pollContext(updated(), {}, 'manual'))).toBeNull();
	});

	function updated() {
		return { event: 'updatedCustomer', options: {} };
	}
});

describe('simplifyCustomerV2', () => {
	it('takes name, company and contact data from the default billing address', () => {
		expect(simplifyCustomerV2(customer(5, T0, T0 + 1000))).toEqual({
			id: customer(5, 0).id,
			legacyId: null,
			number: 'K10005',
			externalId: null,
			type: 'company',
			// createdDate can be set by an update (seed 001): no creation time, and not surely
			// v1's CustomerSince either.
			createdAt: null,
			updatedAt: iso(T0 + 1000),
			customerSince: null,
			company: 'Firma 5',
			firstName: 'Anna',
			lastName: 'Kunde5',
			email: 'kunde5@example.com',
			phone: '+49 30 1234',
			mobile: null,
			street: 'Hauptstr. 1',
			postalCode: '10115',
			city: 'Berlin',
			countryIso: 'DE',
			groupId: 'aaaaaaaa-0000-4000-8000-000000000001',
			languageIso: 'de',
			isLocked: false,
			source: 'jtlWawi',
		});
	});

	it('prefers the billing address flagged default and yields nulls without one', () => {
		const record = customer(6, T0);
		(record.addresses as IDataObject[]).unshift({
			addressType: 0,
			city: 'Other',
			isDefaultAddress: false,
		});
		expect(simplifyCustomerV2(record).city).toBe('Berlin');
		const bare = simplifyCustomerV2({ id: 'x', addresses: [] });
		expect(bare.company).toBeNull();
		expect(bare.city).toBeNull();
		expect(bare.isLocked).toBeNull();
	});
});
