// Deterministic seed data for the Flow Retail sandbox: same seed => identical state. Records are
// kept in the vendor's own shape (camelCase, `firstname`/`lastname`, UIDs as text); every
// timestamp is BASE_TIME plus a seeded offset.
import { seededRandom } from '../shared/faults.mjs';

export const BASE_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);
const HOUR = 3600 * 1000;

const FIRST = ['Ola', 'Kari', 'Lars', 'Ingrid', 'Nils', 'Sigrid', 'Eirik', 'Marte', 'Jonas', 'Ida'];
const LAST = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Berg'];
const COMPANIES = ['Fjord Handel AS', 'Nordlys Sport AS', 'Bergen Kaffe AS', 'Trollstua AS'];
const CITIES = [
	['Oslo', '0150'],
	['Bergen', '5003'],
	['Trondheim', '7010'],
	['Stavanger', '4006'],
	['Tromsø', '9008'],
];
const STREETS = ['Storgata', 'Kirkegata', 'Strandkaien', 'Dronningens gate', 'Torggata'];

/** A seeded generator with the helpers the seed needs. */
export function createRng(seed) {
	const next = seededRandom(seed);
	next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
	next.pick = (list) => list[Math.floor(next() * list.length)];
	next.uid = (prefix) =>
		`${prefix}-${Math.floor(next() * 36 ** 6)
			.toString(36)
			.padStart(6, '0')}`;
	return next;
}

export const iso = (ms) => new Date(ms).toISOString();

/** A customer in the vendor's read shape, with every field present. */
export function blankCustomer(uid, nowIso) {
	return {
		customerUid: uid,
		customerParentUid: null,
		externalId: null,
		customerType: 'PERSON',
		origin: null,
		displayName: '',
		firstname: '',
		lastname: '',
		companyName: '',
		email: '',
		mobile: '',
		address: '',
		postalCode: '',
		city: '',
		countryCode: '',
		vatNumber: '',
		ledgerNumber: '',
		pricelistUid: null,
		loyaltyId: null,
		credit: { limit: 0, balance: 0 },
		paymentTerms: null,
		internalNote: '',
		accountManager: null,
		ehfEnabled: false,
		ehf: { enabled: false, address: null },
		customerGroupUids: [],
		defaultStore: null,
		addresses: [],
		contacts: [],
		extensions: [],
		consents: [],
		createdAt: nowIso,
		lastModifiedAt: nowIso,
	};
}

/** The display name the vendor derives: the company, else first and last name. */
export function displayNameOf(customer) {
	if (customer.companyName) return customer.companyName;
	return [customer.firstname, customer.lastname].filter(Boolean).join(' ');
}

/** Whether the tenant has the extension `code` switched on. */
export const hasExtension = (state, code) =>
	state.tenant.extensions.some((e) => e.extensionCode === code && e.active);

/** The seed's customer number `i`, created (and last changed) at `at`. */
function seedCustomer(rng, i, at, groups, stores) {
	const c = blankCustomer(`cust-${String(i).padStart(4, '0')}`, at);
	const company = i % 5 === 0;
	const [city, postalCode] = rng.pick(CITIES);
	Object.assign(c, {
		externalId: i % 3 === 0 ? `EXT-${i}` : null,
		customerType: company ? 'COMPANY' : 'PERSON',
		firstname: rng.pick(FIRST),
		lastname: rng.pick(LAST),
		companyName: company ? rng.pick(COMPANIES) : '',
		email: `customer${i}@example.no`,
		mobile: `+47${rng.int(40000000, 99999999)}`,
		address: `${rng.pick(STREETS)} ${rng.int(1, 120)}`,
		postalCode,
		city,
		countryCode: 'NO',
		vatNumber: company ? `NO${rng.int(900000000, 999999999)}MVA` : '',
		customerGroupUids: [groups[i % groups.length].customerGroupUid],
		defaultStore: {
			storeUid: stores[i % stores.length].storeUid,
			name: stores[i % stores.length].name,
		},
	});
	c.displayName = displayNameOf(c);
	return c;
}

/**
 * A customer made as the seed makes them, created at `atIso` under the next free seed UID, added
 * to the state: what `POST /__sandbox/changes` creates.
 */
export function newCustomer(state, atIso) {
	let i = state.customers.length + 1;
	const taken = new Set(state.customers.map((c) => c.customerUid));
	while (taken.has(`cust-${String(i).padStart(4, '0')}`)) i++;
	const customer = seedCustomer(
		createRng(state.seed * 100_003 + i),
		i,
		atIso,
		state.groups,
		state.stores,
	);
	state.customers.push(customer);
	return customer;
}

/**
 * Fresh state for `options.seed`: the tenant, stores, groups, price lists, prices, customers, CRM
 * entries.
 */
export function seedState(options = {}) {
	const seed = options.seed ?? 1;
	const rng = createRng(seed);
	const stores = [
		{ storeUid: 'store-oslo', name: 'Oslo Sentrum', externalId: 'S-01', organizationUid: 'org-1' },
		{
			storeUid: 'store-bergen',
			name: 'Bergen Torget',
			externalId: 'S-02',
			organizationUid: 'org-1',
		},
		{ storeUid: 'store-tromso', name: 'Tromsø Nord', externalId: 'S-03', organizationUid: 'org-2' },
	].map((s) => ({ ...s, createdAt: iso(BASE_TIME), lastModifiedAt: iso(BASE_TIME) }));
	const groups = ['Retail', 'Wholesale', 'Staff'].map((name, i) => ({
		customerGroupUid: `group-${i + 1}`,
		name,
		createdBy: 'seed',
		createdAt: iso(BASE_TIME + i * HOUR),
		lastModifiedBy: 'seed',
		lastModifiedAt: iso(BASE_TIME + i * HOUR),
	}));
	const pricelists = ['Standard', 'B2B', 'Staff'].map((name, i) => ({
		pricelistUid: `pricelist-${i + 1}`,
		name,
		externalId: `PL-${i + 1}`,
		createdAt: iso(BASE_TIME + i * HOUR),
		lastModifiedAt: iso(BASE_TIME + i * HOUR),
	}));
	const prices = [];
	for (const list of pricelists) {
		for (let p = 1; p <= 3; p++) {
			prices.push({
				priceUid: `${list.pricelistUid}-price-${p}`,
				pricelistUid: list.pricelistUid,
				productUid: `product-${p}`,
				price: rng.int(1000, 99900),
				createdAt: list.createdAt,
				lastModifiedAt: list.lastModifiedAt,
			});
		}
	}
	const customers = [];
	for (let i = 1; i <= (options.customers ?? 25); i++)
		customers.push(
			seedCustomer(rng, i, iso(BASE_TIME + i * HOUR + rng.int(0, 59) * 60_000), groups, stores),
		);
	// One customer with a contact and both kinds of address, as a B2B customer would have.
	const withChildren = customers[19];
	if (withChildren) {
		const at = withChildren.createdAt;
		withChildren.contacts.push({
			customerContactUid: 'contact-0020-1',
			firstname: 'Sigrid',
			lastname: 'Berg',
			displayName: 'Sigrid Berg',
			email: 'sigrid.berg@example.no',
			mobile: '+4790000020',
			extensions: [],
			createdAt: at,
			lastModifiedAt: at,
		});
		for (const type of ['INVOICE_ADDRESS', 'DELIVERY_ADDRESS'])
			withChildren.addresses.push({
				customerAddressUid: `address-0020-${type === 'INVOICE_ADDRESS' ? 'i' : 'd'}`,
				type,
				address: withChildren.address,
				city: withChildren.city,
				companyName: withChildren.companyName,
				firstname: withChildren.firstname,
				lastname: withChildren.lastname,
				countryCode: 'NO',
				email: withChildren.email,
				phone: '',
				postalCode: withChildren.postalCode,
				displayName: withChildren.displayName,
				createdAt: at,
				lastModifiedAt: at,
			});
	}
	const externalCrm = [1, 2, 3].map((i) => ({
		externalId: `VOY-${1000 + i}`,
		firstname: rng.pick(FIRST),
		lastname: rng.pick(LAST),
		email: `crm${i}@example.no`,
		mobile: `+47${rng.int(40000000, 99999999)}`,
		source: 'VOYADO',
	}));
	const orders = customers.slice(0, 3).map((c, i) => ({
		orderUid: `order-${i + 1}`,
		createdAt: c.createdAt,
		customerUid: c.customerUid,
		customerAddress: {
			address: c.address,
			postalCode: c.postalCode,
			city: c.city,
			countryCode: 'NO',
		},
		customerContact: null,
		totalAmount: rng.int(10000, 500000),
	}));
	// The tenant object [verified: DEV tenant]; the B2B extension's code is an assumption.
	const tenant = {
		tenantUid: options.tenantUid ?? 'sandbox-tenant',
		name: 'Sandbox Retail AS',
		pricelistUid: pricelists[0].pricelistUid,
		vatNumber: 'NO999999999MVA',
		timezone: options.timezone ?? 'Europe/Oslo',
		languageCode: 'nb',
		currency: {
			code: 'NOK',
			symbol: 'kr',
			decimalSeparator: ',',
			thousandSeparator: ' ',
			cashRounding: 100,
		},
		extensions: [
			{
				extensionCode: 'EXTERNAL_CUSTOMER_SEARCH',
				name: 'External customer search',
				active: options.externalCustomerSearch ?? true,
			},
			{ extensionCode: 'B2B', name: 'B2B (agreement customers)', active: options.b2b ?? false },
		],
	};
	return {
		seed,
		rng,
		tenant,
		stores,
		groups,
		pricelists,
		prices,
		customers,
		externalCrm,
		orders,
		transports: [],
		counter: 0,
	};
}
