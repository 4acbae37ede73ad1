/**
 * Xentral records in the package's shapes: one meaning per field of the common customer shape,
 * the contact person's one name split as Xentral stores it, every contact, address and price
 * naming its customer.
 */
import {
	simplifyAddress,
	simplifyContactPerson,
	simplifyCustomer,
	simplifySalesPrice,
	splitPersonName,
} from '../../../../nodes/Xentral/helpers/simplify';
import { matchesSearch } from '../../../../nodes/Xentral/helpers/customerSearch';

const CUSTOMER = {
	id: '12',
	number: '10012',
	customerType: 'company',
	name: 'ACME GmbH',
	contactDetails: { email: 'a@acme.example', phone: '+49 30 1', mobile: '+49 171 2' },
	groups: [3, 5],
	language: 'DE',
	createdAt: '2026-01-01T10:00:00Z',
	updatedAt: '2026-02-01T10:00:00Z',
};
const MASTER = { street: 'Weg 1', zip: '1010', city: 'Wien', country: 'at' };

describe('simplifyCustomer', () => {
	it('gives every common field one meaning: phone the landline, mobile the mobile, number the number', () => {
		expect(simplifyCustomer({ ...CUSTOMER, address: MASTER })).toEqual({
			id: '12',
			legacyId: null,
			number: '10012',
			externalId: null,
			type: 'company',
			company: 'ACME GmbH',
			firstName: null,
			lastName: null,
			email: 'a@acme.example',
			phone: '+49 30 1',
			mobile: '+49 171 2',
			street: 'Weg 1',
			postalCode: '1010',
			city: 'Wien',
			countryIso: 'AT',
			groupId: '3',
			languageIso: 'de',
			createdAt: '2026-01-01T10:00:00.000Z',
			updatedAt: '2026-02-01T10:00:00.000Z',
			customerSince: null,
			isLocked: null,
			source: 'xentral',
		});
	});

	it('takes the master-data address read apart when the view carries none, and null for none', () => {
		expect(simplifyCustomer(CUSTOMER, { mainAddress: MASTER })).toMatchObject({
			street: 'Weg 1',
			city: 'Wien',
			countryIso: 'AT',
		});
		expect(simplifyCustomer(CUSTOMER, { mainAddress: null })).toMatchObject({
			street: null,
			city: null,
			countryIso: null,
		});
	});

	it('reads offset-less times in the given zone', () => {
		const record = { ...CUSTOMER, createdAt: '2026-07-01 12:00:00' };
		expect(simplifyCustomer(record, { timeZone: 'Europe/Berlin' }).createdAt).toBe(
			'2026-07-01T10:00:00.000Z',
		);
		expect(simplifyCustomer(record, { timeZone: 'Europe/London' }).createdAt).toBe(
			'2026-07-01T11:00:00.000Z',
		);
	});
});

describe('splitPersonName', () => {
	it.each([
		['Petra Lindner', 'Petra', 'Lindner'],
		['Anna Maria Schmidt', 'Anna Maria', 'Schmidt'],
		['Ursula von der Leyen', 'Ursula', 'von der Leyen'],
		['Dr. Jan van Dijk', 'Dr. Jan', 'van Dijk'],
		['  Lindner  ', null, 'Lindner'],
		['', null, null],
	])('%j → %j %j', (name, firstName, lastName) => {
		expect(splitPersonName(name)).toEqual({ firstName, lastName });
	});
});

describe('contacts, addresses and prices name their customer', () => {
	it('a contact person: split name, customer ID from the record, number as given', () => {
		const person = {
			id: '5',
			customer: { id: '12' },
			type: 'mrs',
			name: 'Petra Lindner',
			contact: { email: 'p@x.example', phone: '030 1', mobile: '0171 2' },
		};
		expect(simplifyContactPerson(person, { id: '12', number: '10012' })).toEqual({
			id: '5',
			customerId: '12',
			customerNumber: '10012',
			salutation: 'Frau',
			firstName: 'Petra',
			lastName: 'Lindner',
			email: 'p@x.example',
			phone: '030 1',
			mobilePhone: '0171 2',
			fax: null,
			department: null,
		});
		expect(
			simplifyContactPerson({ ...person, type: 'company', name: 'Buchhaltung Nord' }),
		).toMatchObject({
			firstName: null,
			lastName: 'Buchhaltung Nord',
		});
	});

	it('an address keeps its kind as ID when the record has none', () => {
		expect(
			simplifyAddress({ type: 'masterdata', ...MASTER }, { id: '12', number: '10012' }),
		).toMatchObject({
			id: 'masterdata',
			customerId: '12',
			customerNumber: '10012',
			type: 'main',
		});
	});

	it("a price: its customer's number, none for a group price", () => {
		expect(
			simplifySalesPrice({ id: '3', customer: { id: '12' }, price: { amount: '9.5' } }, '10012'),
		).toMatchObject({ customerId: '12', customerNumber: '10012' });
		expect(
			simplifySalesPrice({ id: '4', customer: null, customerGroup: { id: '1' } }, null),
		).toMatchObject({ customerId: null, customerNumber: null, customerGroupId: '1' });
	});
});

describe('matchesSearch (the customer picker)', () => {
	const entry = {
		id: '3',
		number: '10003',
		name: 'Nordwind Handel GmbH',
		email: 'info@nordwind.example',
	};
	it.each(['Nordwind', 'nordwind handel', 'Handel Nordwind', 'GMBH', '0003', 'info@nord'])(
		'finds %j',
		(text) => expect(matchesSearch(entry, text)).toBe(true),
	);
	it.each(['Südwind', 'Nordwind AG'])('does not find %j', (text) =>
		expect(matchesSearch(entry, text)).toBe(false),
	);
});
