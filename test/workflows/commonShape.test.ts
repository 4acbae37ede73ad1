/**
 * One customer, three systems, one meaning per field. The same business data is written into each
 * sandbox in the vendor's own API form (outside the nodes), then read back through each node's
 * Customer > Get and Get Many with Simplify on. Every field of the common shape must mean the same
 * in all three: `phone` the landline and `mobile` the mobile number, `number` the system's own
 * customer number and `externalId` another system's key, `createdAt`/`updatedAt` the instants the
 * vendor holds (its offset-less wall-clock times read in the vendor's zone) and `customerSince` a
 * business date, `id` and `groupId` each in one ID space per system.
 *
 * The sandboxes send their times without an offset (Flow Retail `--local-times`, Xentral
 * `--offsetless-times`, JTL-Wawi `--offset-less-times`), so a time read in the n8n server's zone
 * fails here; the expected instants are computed from the vendor's zone, so the test holds
 * whatever zone the server has (run it under TZ=America/New_York too).
 */
import { COMMON_CUSTOMER_KEYS } from '../../nodes/shared/customer';
import { useFlowRetailSandbox } from '../harness/flowRetailSuite';
import { useJtlSandbox } from '../harness/jtlSuite';
import { systemOf } from '../harness/systems';
import { useXentralSandbox } from '../harness/xentralSuite';

/** Each sandbox with its switch for times without an offset (its entry in systems/). */
const offsetLess = (system: string) => systemOf(system).sandbox.offsetLessTimes;
const flow = useFlowRetailSandbox([offsetLess('flow')]);
const xentral = useXentralSandbox([offsetLess('xentral')]);

/** The customer, as a person would state it; each system gets it in its own words below. */
const CUSTOMER = {
	company: 'Nordlicht Handel GmbH',
	firstName: 'Maren',
	lastName: 'Solberg',
	email: 'maren.solberg@nordlicht.example',
	landline: '+4930123456',
	mobile: '+4917098765',
	street: 'Torstraße 12',
	postalCode: '10119',
	city: 'Berlin',
	countryIso: 'DE',
	languageIso: 'de',
	/** The customer number the ERP gives (Xentral, JTL-Wawi). */
	number: 'K-47110',
	/** The ERP's key as another system (Flow Retail) carries it. */
	externalId: 'ERP-K-47110',
	customerSince: '2019-04-01',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const OFFSETLESS = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?$/;

/** The wall-clock time of an instant in a zone, as `YYYY-MM-DD HH:mm:ss.SSS` (sv-SE writes ISO). */
function wallTime(ms: number, timeZone: string): string {
	const milli = String(new Date(ms).getUTCMilliseconds()).padStart(3, '0');
	return `${new Date(ms).toLocaleString('sv-SE', { timeZone })}.${milli}`;
}

/**
 * The instant a vendor means by an offset-less wall-clock time in its zone: searched over every
 * quarter-hour offset a zone can have, so it shares no code with the nodes' reading.
 */
function instantOf(text: string, timeZone: string): string {
	const [date, time] = text.split(/[T ]/);
	const [clock, fraction = '0'] = time.split('.');
	const normalised = `${date} ${clock}.${fraction.padEnd(3, '0').slice(0, 3)}`;
	const asUtc = Date.parse(`${date}T${clock}.${fraction.padEnd(3, '0').slice(0, 3)}Z`);
	const found = new Set<string>();
	for (let quarter = -14 * 4; quarter <= 14 * 4; quarter++) {
		const ms = asUtc - quarter * 15 * 60_000;
		if (wallTime(ms, timeZone) === normalised) found.add(new Date(ms).toISOString());
	}
	if (found.size !== 1) throw new Error(`${text} names ${found.size} instants in ${timeZone}`);
	return [...found][0];
}

/** The fields a system may not keep; where it does not, the common shape has null. */
type Optional = 'number' | 'externalId' | 'phone' | 'languageIso' | 'customerSince';

/**
 * What the common shape must hold for the customer in a system that keeps the `held` optional
 * fields: the business data, and null where the system has no such field. IDs and times are
 * checked apart.
 */
function expectedValues(...held: Optional[]) {
	const when = <T>(field: Optional, value: T) => (held.includes(field) ? value : null);
	return {
		number: when('number', CUSTOMER.number),
		externalId: when('externalId', CUSTOMER.externalId),
		type: 'company',
		company: CUSTOMER.company,
		firstName: CUSTOMER.firstName,
		lastName: CUSTOMER.lastName,
		email: CUSTOMER.email,
		phone: when('phone', CUSTOMER.landline),
		mobile: CUSTOMER.mobile,
		street: CUSTOMER.street,
		postalCode: CUSTOMER.postalCode,
		city: CUSTOMER.city,
		countryIso: CUSTOMER.countryIso,
		languageIso: when('languageIso', CUSTOMER.languageIso),
		customerSince: when('customerSince', CUSTOMER.customerSince),
	};
}

/** The vendor's times of the record, and the zone its offset-less times are wall-clock times of. */
interface VendorTimes {
	createdAt: string | null;
	updatedAt: string | null;
	timeZone: string;
}

/** The checks every system's simplified customer must pass. */
function checkMeanings(
	customer: Record<string, unknown>,
	expected: {
		source: string;
		id: string;
		idPattern: RegExp;
		legacyId: string | null;
		groupId: string;
		isLocked: boolean | null;
		values: ReturnType<typeof expectedValues>;
		times: VendorTimes;
		/** When the record was written, by the clock of this machine (the sandboxes use it). */
		written: { from: number; to: number };
	},
) {
	expect(Object.keys(customer)).toEqual([...COMMON_CUSTOMER_KEYS]);
	expect(customer).toMatchObject(expected.values);
	expect(customer.source).toBe(expected.source);
	// One ID space per system: never null, the ID the record was written under.
	expect(customer.id).toMatch(expected.idPattern);
	expect(customer.id).toBe(expected.id);
	expect(customer.legacyId).toBe(expected.legacyId);
	expect(customer.groupId).toBe(expected.groupId);
	expect(customer.isLocked).toBe(expected.isLocked);
	// Creation and change times: the instants the vendor holds, in UTC with `Z`.
	for (const key of ['createdAt', 'updatedAt'] as const) {
		const vendor = expected.times[key];
		if (vendor === null) {
			expect(customer[key]).toBeNull();
			continue;
		}
		expect(vendor).toMatch(OFFSETLESS);
		expect(customer[key]).toMatch(ISO_INSTANT);
		expect(customer[key]).toBe(instantOf(vendor, expected.times.timeZone));
		// And it is when the record was written, not an hour or a business date off.
		const ms = Date.parse(String(customer[key]));
		expect(ms).toBeGreaterThanOrEqual(Math.floor(expected.written.from / 1000) * 1000 - 1000);
		expect(ms).toBeLessThanOrEqual(expected.written.to + 1000);
	}
	if (customer.customerSince !== null)
		expect(customer.customerSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

/** Each system's reading of the customer, kept for the comparison across systems. */
const readings = new Map<string, Record<string, unknown>>();

describe('Flow Retail', () => {
	it('reads the customer with one meaning per field, in Get and in Get Many', async () => {
		const from = Date.now();
		const created = await flow.direct.send('POST', '/customers', {
			customerType: 'COMPANY',
			companyName: CUSTOMER.company,
			firstname: CUSTOMER.firstName,
			lastname: CUSTOMER.lastName,
			email: CUSTOMER.email,
			// Flow Retail keeps one number on a customer, the mobile; it has no landline field.
			mobile: CUSTOMER.mobile,
			address: CUSTOMER.street,
			postalCode: CUSTOMER.postalCode,
			city: CUSTOMER.city,
			countryCode: CUSTOMER.countryIso,
			externalId: CUSTOMER.externalId,
			customerGroupUids: ['group-2'],
		});
		const to = Date.now();
		expect(created.status).toBe(201);
		const uid = String(created.body.customerUid);
		const raw = await flow.direct.get(`/customers/${uid}`);

		const get = await flow.run('FlowRetail/customer-get.workflow.json', [{ customerUid: uid }]);
		expect(get.error).toBeUndefined();
		const [customer] = get.output('Flow Retail');
		checkMeanings(customer, {
			source: 'flowRetail',
			id: uid,
			idPattern: /^[A-Za-z0-9_-]+$/,
			legacyId: null,
			groupId: 'group-2',
			isLocked: null,
			// No customer number, landline, language or business date on a Flow Retail customer.
			values: expectedValues('externalId'),
			times: { createdAt: raw.createdAt, updatedAt: raw.lastModifiedAt, timeZone: 'Europe/Oslo' },
			written: { from, to },
		});
		readings.set('flowRetail', customer);

		// The first page of the list carries the same customer, field for field.
		const list = await flow.run('FlowRetail/customer-getAll.workflow.json', [{ limit: 50 }]);
		expect(list.error).toBeUndefined();
		const page = list.output('Flow Retail');
		expect(page.every((c) => typeof c.id === 'string' && c.id !== '')).toBe(true);
		expect(page.find((c) => c.id === uid)).toEqual(customer);
	});
});

describe('Xentral', () => {
	it('reads the customer with one meaning per field, in Get and in Get Many', async () => {
		const from = Date.now();
		const created = await xentral.direct('POST', '/api/v2/customers', {
			customerType: 'company',
			name: CUSTOMER.company,
			firstname: CUSTOMER.firstName,
			lastname: CUSTOMER.lastName,
			number: CUSTOMER.number,
			project: { id: '1' },
			groups: [1],
			contactDetails: { email: CUSTOMER.email, phone: CUSTOMER.landline, mobile: CUSTOMER.mobile },
		});
		expect(created.status).toBe(201);
		const id = String(created.location).split('/').pop()!;
		const base = `/api/v2/customers/${id}`;
		// The language is an update field; the main address is the master-data address.
		expect((await xentral.direct('PATCH', base, { language: CUSTOMER.languageIso })).status).toBe(
			204,
		);
		const address = await xentral.direct('POST', `${base}/addresses`, {
			type: 'masterdata',
			street: CUSTOMER.street,
			zip: CUSTOMER.postalCode,
			city: CUSTOMER.city,
			country: CUSTOMER.countryIso,
		});
		expect(address.status).toBe(201);
		const to = Date.now();
		const raw = await xentral.get(base);

		const get = await xentral.run('Xentral/customer-get.workflow.json', [{ customerId: id }]);
		expect(get.error).toBeUndefined();
		const [customer] = get.output('Xentral');
		checkMeanings(customer, {
			source: 'xentral',
			id,
			idPattern: /^\d+$/,
			legacyId: null,
			groupId: '1',
			isLocked: null,
			// No foreign key field and no "customer since" date on a Xentral customer.
			values: expectedValues('number', 'phone', 'languageIso'),
			times: { createdAt: raw.createdAt, updatedAt: raw.updatedAt, timeZone: 'Europe/Berlin' },
			written: { from, to },
		});
		readings.set('xentral', customer);

		const list = await xentral.run('Xentral/customer-getAll.workflow.json', [
			{ returnAll: false, limit: 50, key: 'number', op: 'equals', value: CUSTOMER.number },
		]);
		expect(list.error).toBeUndefined();
		expect(list.output('Xentral')).toEqual([customer]);
	});
});

/**
 * JTL-Wawi under both readings of what its documents leave open: v1 `CustomerSince` and v2
 * `createdDate` one stored date (so the business date is also the v2 "created" date), or two.
 */
describe.each([
	['one stored date', []],
	['two fields', ['--customer-since-separate']],
])('JTL-Wawi, CustomerSince and createdDate as %s', (reading, flags) => {
	const jtl = useJtlSandbox([offsetLess('jtl'), ...flags]);

	it('reads the customer with one meaning per field, by either ID, in Get and in both lists', async () => {
		const groups = await jtl.direct.get('/v2/customerGroups');
		const groupUuid = String(groups.find((g: { name: string }) => g.name === 'Händler').id);
		const from = Date.now();
		const created = await jtl.direct.call('POST', '/customers', {
			Number: CUSTOMER.number,
			CustomerGroupId: 2,
			InternalCompanyId: 1,
			LanguageIso: CUSTOMER.languageIso,
			CustomerSince: `${CUSTOMER.customerSince}T00:00:00`,
			BillingAddress: {
				Company: CUSTOMER.company,
				FirstName: CUSTOMER.firstName,
				LastName: CUSTOMER.lastName,
				Street: CUSTOMER.street,
				PostalCode: CUSTOMER.postalCode,
				City: CUSTOMER.city,
				CountryIso: CUSTOMER.countryIso,
				EmailAddress: CUSTOMER.email,
				PhoneNumber: CUSTOMER.landline,
				MobilePhoneNumber: CUSTOMER.mobile,
			},
		});
		const to = Date.now();
		expect(created.status).toBe(201);
		const legacyId = String(created.body.Id);
		const v2 = (await jtl.direct.get(`/v2/customers?pageSize=100`)).items.find(
			(c: { customerNumber: string }) => c.customerNumber === CUSTOMER.number,
		);
		const uuid = String(v2.id);
		// The v2 record's times leave without an offset, as wall-clock times of Europe/Berlin.
		const raw = await jtl.direct.get(`/v2/customers/${uuid}`);
		const expected = {
			source: 'jtlWawi',
			id: uuid,
			idPattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
			legacyId,
			groupId: groupUuid,
			isLocked: false,
			// No foreign key field on a JTL-Wawi customer.
			values: expectedValues('number', 'phone', 'languageIso', 'customerSince'),
			// JTL has no creation time the node can vouch for: `createdDate` is set by the update
			// command too and may be CustomerSince itself; `createdAt` is null, never that date.
			times: { createdAt: null, updatedAt: raw.lastChanged, timeZone: 'Europe/Berlin' },
			written: { from, to },
		};

		// Read through v1 (the whole number) and through v2 (the UUID): the same customer.
		const get = await jtl.run('JtlWawi/customer-get.workflow.json', [
			{ customerId: legacyId },
			{ customerId: uuid },
		]);
		expect(get.error).toBeUndefined();
		const [byLegacyId, byUuid] = get.output('JTL-Wawi');
		checkMeanings(byLegacyId, expected);
		expect(byUuid).toEqual(byLegacyId);
		if (reading === 'one stored date') readings.set('jtlWawi', byLegacyId);

		// The v1 list (a search filter) and the first page of the v2 list carry it the same way.
		const v1List = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { number: CUSTOMER.number };
		});
		expect(v1List.error).toBeUndefined();
		expect(v1List.output('JTL-Wawi')).toEqual([byLegacyId]);
		const v2List = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{ limit: 50 }], (p) => {
			p.sort = { sortBy: 'customerNumber' };
			p.lookUpBothIds = true;
		});
		expect(v2List.error).toBeUndefined();
		const page = v2List.output('JTL-Wawi');
		expect(page.every((c) => typeof c.id === 'string' && c.id !== '')).toBe(true);
		expect(page.find((c) => c.id === uuid)).toEqual(byLegacyId);
	});
});

describe('across the systems', () => {
	it('a field two systems both hold has the same value in both', () => {
		expect([...readings.keys()].sort()).toEqual(['flowRetail', 'jtlWawi', 'xentral']);
		const perSystem = (key: string) =>
			new Set([...readings.values()].map((c) => c[key]).filter((v) => v !== null));
		// IDs, group IDs and times are each system's own; every other field means one thing.
		const own = new Set(['id', 'legacyId', 'groupId', 'createdAt', 'updatedAt', 'source']);
		for (const key of COMMON_CUSTOMER_KEYS.filter((k) => !own.has(k)))
			expect({ key, values: [...perSystem(key)] }).toEqual({
				key,
				values: [...perSystem(key)].slice(0, 1),
			});
	});
});
