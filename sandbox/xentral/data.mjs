// Deterministic seed data for the Xentral sandbox: same seed => identical state. IDs are strings of
// digits as in the v1/v2 API; every timestamp is BASE_TIME plus a seeded offset.
import { seededRandom } from '../shared/faults.mjs';

export const BASE_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);
const HOUR = 3600 * 1000;

const FIRST = ['Lukas', 'Anna', 'Jonas', 'Sophie', 'Florian', 'Lena', 'Tobias', 'Verena'];
const LAST = ['Müller', 'Schmidt', 'Weber', 'Becker', 'Hofer', 'Keller', 'Brunner', 'Wolf'];
const COMPANIES = ['Alpenblick', 'Nordlicht', 'Bergquell', 'Rheintal', 'Seeblick', 'Sonnenhof'];
const TRADES = ['Handel GmbH', 'Technik AG', 'Feinkost KG', 'Elektro GmbH'];
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Gartenweg', 'Lindenallee', 'Marktplatz'];
const CITIES = [
	['Berlin', '10115', 'DE'],
	['Hamburg', '20095', 'DE'],
	['München', '80331', 'DE'],
	['Wien', '1010', 'AT'],
	['Zürich', '8001', 'CH'],
];

/** The event types the sandbox offers at GET /api/v1/webhookEventTypes. */
export const EVENT_TYPES = [
	{ id: 'com.xentral.salesPrice.created.v1', group: 'salesPrice' },
	{ id: 'com.xentral.salesPrice.updated.v1', group: 'salesPrice' },
	{ id: 'com.xentral.salesPrice.deleted.v1', group: 'salesPrice' },
	{ id: 'com.xentral.salesOrder.created.v1', group: 'salesOrder' },
	{ id: 'com.xentral.project.created.v1', group: 'project' },
];

const iso = (ms) => new Date(ms).toISOString();

function makeCustomer(rng, n) {
	const id = String(n);
	const isCompany = rng() < 0.5;
	const [city, zip, country] = CITIES[Math.floor(rng() * CITIES.length)];
	const first = FIRST[Math.floor(rng() * FIRST.length)];
	const last = LAST[Math.floor(rng() * LAST.length)];
	const company = `${COMPANIES[Math.floor(rng() * COMPANIES.length)]} ${TRADES[Math.floor(rng() * TRADES.length)]}`;
	const created = BASE_TIME + n * HOUR;
	const customer = {
		id,
		number: String(10000 + n),
		customerType: isCompany ? 'company' : 'person',
		name: isCompany ? company : `${first} ${last}`,
		firstname: isCompany ? null : first,
		lastname: isCompany ? null : last,
		salutation: isCompany ? 'company' : rng() < 0.5 ? 'mr' : 'mrs',
		title: null,
		department: null,
		contactDetails: {
			email: `kunde${n}@example.com`,
			phone: `+49 30 ${1000 + n}`,
			mobile: null,
			fax: null,
			website: null,
		},
		project: { id: '1' },
		isLead: false,
		groups: n % 3 === 0 ? [1] : [],
		language: 'de',
		createdAt: iso(created),
		updatedAt: iso(created),
	};
	const masterdata = {
		id: 'masterdata',
		type: 'masterdata',
		street: `${STREETS[Math.floor(rng() * STREETS.length)]} ${1 + Math.floor(rng() * 90)}`,
		addressSupplement: null,
		zip,
		city,
		country,
		state: null,
	};
	return { customer, masterdata };
}

/**
 * A customer made as the seed makes them (with its master-data address), created at `atIso`, added
 * to the state under the next ID: what `POST /__sandbox/changes` creates.
 */
export function newCustomer(state, atIso) {
	const n = ++state.nextIds.customer;
	const { customer, masterdata } = makeCustomer(seededRandom(state.seed * 100_003 + n), n);
	customer.createdAt = atIso;
	customer.updatedAt = atIso;
	state.customers.push(customer);
	state.addresses[customer.id] = { masterdata, billingaddress: null, delivery: [] };
	return customer;
}

/** A fresh state: customers with their master-data address, contact persons, sales prices. */
export function seedState(options = {}) {
	const seed = options.seed ?? 1;
	const rng = seededRandom(seed);
	const count = options.customers ?? 25;
	const customers = [];
	const addresses = {};
	const contactPersons = [];
	const salesPrices = [];
	let contactId = 0;
	let priceId = 0;
	for (let n = 1; n <= count; n++) {
		const { customer, masterdata } = makeCustomer(rng, n);
		customers.push(customer);
		addresses[customer.id] = { masterdata, billingaddress: null, delivery: [] };
		if (n <= 5) {
			for (let k = 0; k < 2; k++) {
				contactPersons.push({
					id: String(++contactId),
					customer: { id: customer.id },
					type: k === 0 ? 'mr' : 'mrs',
					name: `${FIRST[(n + k) % FIRST.length]} ${LAST[(n + k) % LAST.length]}`,
					title: null,
					birthday: null,
					birthdayShowInCalendar: false,
					sendBirthdayCard: false,
					marketingBan: false,
					department: k === 0 ? 'Einkauf' : 'Buchhaltung',
					subDepartment: null,
					position: null,
					language: 'de',
					address: {
						street: null,
						additionalStreet: null,
						zip: null,
						city: null,
						state: null,
						country: null,
					},
					contact: {
						phone: null,
						fax: null,
						mobile: null,
						salutation: null,
						email: `kontakt${contactId}@example.com`,
					},
					groups: [],
					comment: null,
					others: null,
				});
			}
			salesPrices.push({
				id: String(++priceId),
				product: { id: String(10 + n) },
				validFrom: null,
				expiresAt: null,
				amount: 1,
				packageAmount: null,
				customer: { id: customer.id },
				customerGroup: null,
				price: { amount: `${(10 + n).toFixed(2)}`, currency: 'EUR' },
			});
		}
	}
	salesPrices.push({
		id: String(++priceId),
		product: { id: '11' },
		validFrom: '2026-01-01',
		expiresAt: null,
		amount: 10,
		packageAmount: null,
		customer: null,
		customerGroup: { id: '1' },
		price: { amount: '9.50', currency: 'EUR' },
	});
	return {
		seed,
		customers,
		addresses,
		contactPersons,
		salesPrices,
		nextIds: {
			customer: count,
			delivery: 100,
			contactPerson: contactId,
			salesPrice: priceId,
			webhook: 0,
		},
		projects: [
			{
				id: '1',
				name: 'Standard',
				keyName: 'STANDARD',
				description: 'Standardprojekt',
				currency: 'EUR',
				normalTaxRate: 19,
				reducedTaxRate: 7,
				storageProcess: 'order',
				pickingProcess: 'invoiceMail',
			},
			{
				id: '2',
				name: 'Onlineshop',
				keyName: 'SHOP',
				description: 'Bestellungen aus dem Onlineshop',
				currency: 'EUR',
				normalTaxRate: 19,
				reducedTaxRate: 7,
				storageProcess: 'order',
				pickingProcess: 'shipmentNote',
			},
		],
		shippingMethods: [
			{ id: '1', module: 'dhl', type: 'dhl', designation: 'DHL Paket', project: null },
			{ id: '2', module: 'glsapi', type: 'gls', designation: 'GLS International', project: null },
			{
				id: '3',
				module: 'selbstabholer',
				type: 'pickup',
				designation: 'Abholung',
				project: { id: '1' },
			},
		],
		paymentMethods: [
			{ id: '1', type: 'rechnung', designation: 'Rechnung', project: null },
			{ id: '2', type: 'vorkasse', designation: 'Vorkasse', project: null },
			{ id: '3', type: 'lastschrift', designation: 'Lastschrift', project: { id: '1' } },
		],
		webhooks: [],
	};
}
