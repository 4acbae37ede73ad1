// Deterministic seed data for the JTL sandbox: same seed => identical state.
// No Math.random, no Date.now: every timestamp is BASE_TIME plus a seeded offset.

export const BASE_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** mulberry32: a tiny 32-bit seeded PRNG returning floats in [0, 1). */
export function createRng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	next.int = (min, max) => min + Math.floor(next() * (max - min + 1));
	next.pick = (list) => list[Math.floor(next() * list.length)];
	next.chance = (p) => next() < p;
	next.uuid = () => {
		const bytes = [];
		for (let i = 0; i < 16; i++) bytes.push(Math.floor(next() * 256));
		bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4 layout
		bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
		const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	};
	return next;
}

/** Split a space-separated word list. */
const words = (text) => text.split(' ');

const FIRST_NAMES = words(
	'Herr:Lukas Frau:Anna Herr:Maximilian Frau:Sophie Herr:Jonas Frau:Lena Herr:Florian Frau:Johanna Herr:Matthias Frau:Katharina Herr:Tobias Frau:Verena Herr:Jürgen Frau:Ursula Herr:Reto Frau:Regula Herr:Andreas Frau:Birgit Herr:Stefan Frau:Monika',
).map((w) => w.split(':'));
const LAST_NAMES = words(
	'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hofer Gruber Huber Steiner Brunner Baumann Keller Zimmermann Schäfer Koch Wolf Lehmann Pichler Moser Egger Frei Gerber',
);
const COMPANY_STEMS = words(
	'Alpenblick Nordlicht Bergquell Rheintal Donauwerk Seeblick Waldhaus Sonnenhof Eichenlaub Lindenhof Kristall Edelweiss',
);
const COMPANY_TRADES = ['Handel', 'Technik', 'Feinkost', 'Elektro', 'Holzbau', 'Druck', 'Textil'];
const STREETS = [
	'Hauptstraße',
	'Bahnhofstraße',
	'Gartenweg',
	'Schillerstraße',
	'Goethestraße',
	'Lindenallee',
	'Marktplatz',
	'Kirchgasse',
	'Bergstrasse',
	'Seestrasse',
	'Mozartgasse',
	'Ringstraße',
];
const CITIES = {
	DE: [
		['Berlin', '10115', 'Berlin'],
		['Hamburg', '20095', 'Hamburg'],
		['München', '80331', 'Bayern'],
		['Köln', '50667', 'Nordrhein-Westfalen'],
		['Leipzig', '04109', 'Sachsen'],
		['Hückelhoven', '41836', 'Nordrhein-Westfalen'],
		['Freiburg im Breisgau', '79098', 'Baden-Württemberg'],
	],
	AT: [
		['Wien', '1010', 'Wien'],
		['Graz', '8010', 'Steiermark'],
		['Linz', '4020', 'Oberösterreich'],
		['Salzburg', '5020', 'Salzburg'],
	],
	CH: [
		['Zürich', '8001', 'ZH'],
		['Bern', '3011', 'BE'],
		['Basel', '4051', 'BS'],
		['Luzern', '6003', 'LU'],
	],
};
const PHONE_PREFIX = { DE: '+49', AT: '+43', CH: '+41' };
const COMPANY_SUFFIX = {
	DE: ['GmbH', 'KG', 'GmbH & Co. KG'],
	AT: ['GmbH', 'e.U.'],
	CH: ['AG', 'GmbH'],
};
const DEPARTMENTS = ['Einkauf', 'Buchhaltung', 'Geschäftsführung', 'Lager', 'Vertrieb', ''];
const INITIAL_CONTACTS = ['Messe', 'Webshop', 'Empfehlung', 'Telefon', ''];
const ITEM_NAMES = [
	'Kaffeebohnen 1 kg',
	'Espressotasse',
	'Milchaufschäumer',
	'Entkalker',
	'Wasserfilter',
	'Siebträger',
	'Tamper',
	'Kaffeemühle',
	'Reinigungstabletten',
	'Barista-Schürze',
];

/** Lower-case ASCII slug for e-mail addresses and user names. */
function slug(text) {
	return text
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

function iso(ms) {
	return new Date(ms).toISOString();
}

function phone(rng, country) {
	return `${PHONE_PREFIX[country]} ${rng.int(30, 899)} ${rng.int(100000, 9999999)}`;
}

function referenceData(rng) {
	const stamp = iso(BASE_TIME);
	const meta = () => ({ uuid: rng.uuid(), createdAt: stamp, lastChanged: stamp });
	return {
		companies: [
			{ id: 1, name: 'Sandbox Handels GmbH', ...meta() },
			{ id: 2, name: 'Sandbox Alpen GmbH', ...meta() },
		],
		groups: [
			{ id: 1, name: 'Endkunden', isDefault: true, discount: 0, isNetPrice: false, ...meta() },
			{ id: 2, name: 'Händler', isDefault: false, discount: 5, isNetPrice: true, ...meta() },
			{ id: 3, name: 'Großkunden', isDefault: false, discount: 10, isNetPrice: true, ...meta() },
		],
		categories: [
			{ id: 1, name: 'Stammkunde', ...meta() },
			{ id: 2, name: 'Neukunde', ...meta() },
		],
		paymentMethods: [
			{ id: 1, name: 'Rechnung', isStandard: true, isActive: true, ...meta() },
			{ id: 2, name: 'Vorkasse', isStandard: false, isActive: true, ...meta() },
			{ id: 3, name: 'Lastschrift', isStandard: false, isActive: false, ...meta() },
		],
	};
}

/** Empty internal address (all string fields ''), used by seed data and creates. */
export function blankAddress() {
	return {
		company: '',
		company2: '',
		formOfAddress: '',
		title: '',
		firstName: '',
		lastName: '',
		street: '',
		address2: '',
		postalCode: '',
		city: '',
		state: '',
		countryIso: '',
		vatId: '',
		phoneNumber: '',
		mobilePhoneNumber: '',
		emailAddress: '',
		fax: '',
	};
}

/**
 * The customers are created one a week from BASE_TIME on, closer together when there are many, so
 * that the seed spans at most SEED_SPAN_DAYS and, with its changes (at most 21 days after the
 * creation), no date lies after the sandbox clock: realistic data has no future dates.
 */
export const SEED_SPAN_DAYS = 300;
const spacingFor = (customers) =>
	Math.min(7 * DAY, Math.floor((SEED_SPAN_DAYS * DAY) / Math.max(1, customers)));

function seedCustomer(rng, state, id, spacing) {
	const country = rng.pick(['DE', 'DE', 'DE', 'AT', 'CH']);
	const [formOfAddress, firstName] = rng.pick(FIRST_NAMES);
	const lastName = rng.pick(LAST_NAMES);
	const [city, postalCode, region] = rng.pick(CITIES[country]);
	const isBusiness = rng.chance(0.45);
	const company = isBusiness
		? `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_TRADES)} ${rng.pick(COMPANY_SUFFIX[country])}`
		: '';
	const domain = isBusiness
		? `${slug(company.split(' ').slice(0, 2).join(' '))}.example`
		: 'mail.example';
	const vatId = isBusiness
		? `${country === 'CH' ? 'CHE' : country}${rng.int(100000000, 999999999)}`
		: '';
	const billing = {
		...blankAddress(),
		company,
		formOfAddress,
		title: rng.chance(0.1) ? 'Dr.' : '',
		firstName,
		lastName,
		street: `${rng.pick(STREETS)} ${rng.int(1, 120)}`,
		postalCode,
		city,
		state: region,
		countryIso: country,
		vatId,
		phoneNumber: phone(rng, country),
		mobilePhoneNumber: rng.chance(0.5) ? phone(rng, country) : '',
		emailAddress: `${slug(firstName)}.${slug(lastName)}@${domain}`,
	};
	const addresses = [
		{ ...billing, type: 0, isDefault: true },
		{ ...billing, type: 1, isDefault: true },
	];
	if (rng.chance(0.25)) {
		const [otherCity, otherZip, otherRegion] = rng.pick(CITIES[country]);
		const street = `${rng.pick(STREETS)} ${rng.int(1, 120)}`;
		addresses.push({
			...billing,
			type: 3,
			isDefault: false,
			street,
			city: otherCity,
			postalCode: otherZip,
			state: otherRegion,
		});
	}
	if (rng.chance(0.15))
		addresses.push({ ...billing, type: 2, isDefault: false, address2: 'Rechnungsabteilung' });
	if (rng.chance(0.1))
		addresses.push({ ...billing, type: 4, isDefault: true, address2: 'Postfach' });

	const createdMs = BASE_TIME + (id - 1) * spacing + rng.int(0, 23) * HOUR + rng.int(0, 59) * 60000;
	const changedMs = createdMs + rng.int(0, 20) * DAY + rng.int(0, 23) * HOUR;
	return {
		id,
		uuid: rng.uuid(),
		number: `K${10000 + id}`,
		groupId: rng.pick([1, 1, 1, 2, 3]),
		categoryId: rng.pick([null, 1, 2]),
		companyId: rng.chance(0.8) ? 1 : 2,
		languageIso: country === 'CH' && rng.chance(0.3) ? 'fr' : rng.chance(0.15) ? 'en' : 'de',
		createdAt: iso(createdMs),
		// "Customer since" as its own business date (used under --customer-since-separate): the
		// day of creation, or for some customers (carried over from an older system) years before.
		customerSince: iso(createdMs - (createdMs % DAY) - (id % 4) * 365 * DAY),
		lastChanged: iso(changedMs),
		taxIdentificationNumber: isBusiness
			? `${rng.int(10, 99)}/${rng.int(100, 999)}/${rng.int(10000, 99999)}`
			: '',
		accountsReceivableNumber: rng.chance(0.7) ? 10000 + id : null,
		commercialRegisterNumber: isBusiness && country !== 'CH' ? `HRB ${rng.int(1000, 99999)}` : '',
		website: isBusiness ? `https://www.${domain}` : '',
		initialContact: rng.pick(INITIAL_CONTACTS),
		ebayName: rng.chance(0.2) ? `${slug(firstName)}_${rng.int(10, 99)}` : '',
		birthday:
			!isBusiness && rng.chance(0.4)
				? iso(Date.UTC(rng.int(1955, 2000), rng.int(0, 11), rng.int(1, 28)))
				: null,
		isLocked: rng.chance(0.05),
		isCashRegisterBased: rng.chance(0.05),
		paymentMethodId: rng.pick([1, 1, 2, 3]),
		discount: rng.pick([0, 0, 0, 2, 3]),
		paymentTarget: rng.pick([0, 14, 30]),
		creditLimit: rng.pick([0, 0, 1000, 5000]),
		stopPaymentRequest: rng.chance(0.05),
		addresses: addresses.map((a) => ({ ...a, id: state.nextId.address++, uuid: rng.uuid() })),
	};
}

/**
 * A customer made as the seed makes them, created at `atIso` (never changed since), added to the
 * state: what `POST /__sandbox/changes` creates.
 */
export function newCustomer(state, atIso) {
	const customer = seedCustomer(state.rng, state, state.nextId.customer++, DAY);
	customer.createdAt = atIso;
	customer.lastChanged = atIso;
	state.customers.push(customer);
	return customer;
}

/** Build a complete fresh state from options.seed / options.customers / options.items. */
export function seedState({ seed = 1, customers = 25, items = 10 } = {}) {
	const rng = createRng(seed);
	const state = {
		seed,
		rng,
		nextId: { customer: 1, address: 1, contact: 1 },
		...referenceData(rng),
		items: [],
		customers: [],
		contacts: [],
		prices: [],
		tokens: new Map(),
		tokensIssued: 0,
	};
	for (let id = 1; id <= items; id++) {
		state.items.push({
			id,
			uuid: rng.uuid(),
			sku: `ART-${1000 + id}`,
			name: ITEM_NAMES[(id - 1) % ITEM_NAMES.length],
		});
	}
	for (let i = 0; i < customers; i++)
		state.customers.push(seedCustomer(rng, state, state.nextId.customer++, spacingFor(customers)));

	// Ties on purpose: pollers must cope with several records sharing one lastChanged value.
	for (const group of [
		[7, 8],
		[15, 16, 17],
	]) {
		const members = group.map((id) => state.customers[id - 1]).filter(Boolean);
		const latest = members
			.map((c) => c.lastChanged)
			.sort()
			.at(-1);
		for (const c of members) c.lastChanged = latest;
	}

	for (const customer of state.customers) {
		const drawn = rng.int(0, 3);
		// Customer 1 always has contacts so demos and smoke tests have something to show.
		const count = customer.id === 1 ? Math.max(2, drawn) : drawn;
		for (let i = 0; i < count; i++) {
			const [honorific, firstName] = rng.pick(FIRST_NAMES);
			const lastName = rng.pick(LAST_NAMES);
			const country = customer.addresses[0].countryIso;
			state.contacts.push({
				id: state.nextId.contact++,
				customerId: customer.id,
				department: rng.pick(DEPARTMENTS),
				honorific,
				firstName,
				lastName,
				phoneNumber: phone(rng, country),
				mobilePhoneNumber: rng.chance(0.5) ? phone(rng, country) : '',
				emailAddress: `${slug(firstName)}.${slug(lastName)}@kontakt.example`,
				fax: rng.chance(0.2) ? phone(rng, country) : '',
				createdAt: customer.createdAt,
				lastChanged: customer.lastChanged,
			});
		}
	}

	for (const item of state.items) {
		const count = customers > 0 ? rng.int(0, 5) : 0;
		const seen = new Set();
		for (let i = 0; i < count; i++) {
			const customerId = rng.int(1, customers);
			const fromQuantity = rng.pick([0, 0, 10, 50, 100]);
			const key = `${customerId}/${fromQuantity}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const byPercent = rng.chance(0.35);
			state.prices.push({
				itemId: item.id,
				customerId,
				fromQuantity,
				netPrice: byPercent ? null : rng.int(100, 99999) / 100,
				reducePercent: byPercent ? rng.int(2, 25) : null,
				createdAt: iso(BASE_TIME + rng.int(0, 150) * DAY),
			});
		}
	}
	for (const p of state.prices) p.lastChanged = p.createdAt;
	return state;
}
