/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Each Xentral operation with the transport mocked: the requests it sends (method, path, query,
 * body), what it returns, and the refusals it makes before any request.
 */
import { resources } from '../../../../nodes/Xentral/actions/router';
import { xentralApiRequest } from '../../../../nodes/Xentral/transport';
import type { Params } from '../../../harness/mockContext';
import { locator, mockExecuteContext, operationFailure } from '../../../harness/mockContext';

jest.mock('../../../../nodes/Xentral/transport', () => ({
	...jest.requireActual('../../../../nodes/Xentral/transport'),
	xentralApiRequest: jest.fn(),
	// The run's connection as a valid credential gives it (the requests themselves are mocked).
	xentralConnection: async () => ({
		baseUrl: 'https://x.xentral.biz',
		timeZone: 'Europe/Berlin',
		timeoutMs: 30_000,
	}),
}));
const request = xentralApiRequest as jest.MockedFunction<typeof xentralApiRequest>;

const CUSTOMER = {
	id: '12',
	number: '10012',
	customerType: 'company',
	name: 'ACME GmbH',
	contactDetails: { email: 'a@acme.example', phone: '1' },
	address: { street: 'Weg 1', zip: '1010', city: 'Wien', country: 'at' },
	groups: [3],
	language: 'de',
};
const PRICE = {
	id: '3',
	product: { id: '14' },
	customer: { id: '12' },
	customerGroup: null,
	amount: 5,
	price: { amount: '9.50', currency: 'EUR' },
	validFrom: '2026-01-01',
	expiresAt: null,
};

type Call = { method: string; path: string; qs?: any; body?: any };
let calls: Call[];

/** Answers like Xentral: creates 201 + Location, writes 204, lists and records in `data`. */
function answerWith(record: any, list: any[] = [record]) {
	calls = [];
	request.mockReset();
	request.mockImplementation(async (_ctx, method, path, req = {}) => {
		calls.push({ method, path, qs: req.qs, body: req.body });
		if (method === 'POST')
			return {
				statusCode: 201,
				headers: { location: `https://x.xentral.biz${path}/${record.id}` },
				body: '',
			} as any;
		if (method !== 'GET') return { statusCode: 204, headers: {}, body: undefined } as any;
		if (/\/(customers|contactPerson|salesPrices|addresses)$/.test(path))
			return {
				statusCode: 200,
				headers: {},
				body: { data: list, extra: { totalCount: list.length, page: { number: 1, size: 50 } } },
			} as any;
		return { statusCode: 200, headers: {}, body: { data: record } } as any;
	});
}

const run = async (key: string, params: Params, itemIndex = 0) => {
	const [resource, operation] = key.split('.');
	return await resources[resource].operations[operation].execute.call(
		mockExecuteContext(Array.from({ length: itemIndex + 1 }, () => params)),
		itemIndex,
	);
};
const fail = async (key: string, params: Params) => {
	const [resource, operation] = key.split('.');
	return await operationFailure(
		resources[resource].operations[operation],
		mockExecuteContext(params),
	);
};
const line = (c: Call) => `${c.method} ${c.path}`;

describe('Customer', () => {
	it('Create sends the v2 body and returns the ID from Location with the fields sent; Return Full Record reads the record', async () => {
		answerWith(CUSTOMER);
		// The project and the single group as workflows saved before they moved keep working.
		const params = {
			customerType: 'company',
			companyName: 'ACME GmbH',
			additionalFields: {
				email: 'a@acme.example',
				paymentMethodId: '2',
				birthdate: '1980-05-01T00:00:00',
				defaultCurrency: 'eur',
				projectId: 1,
				groupId: 3,
			},
		};
		const [sent] = await run('customer.create', params);
		expect(calls.map(line)).toEqual(['POST /api/v2/customers']);
		// The write's answer carries no record: the output is what the write establishes, and a new
		// customer has no address yet.
		expect(sent).toMatchObject({
			id: '12',
			number: null,
			company: 'ACME GmbH',
			email: 'a@acme.example',
			city: null,
			groupId: '3',
			createdAt: null,
			source: 'xentral',
		});
		const [raw] = await run('customer.create', { ...params, simplify: false });
		expect(raw).toEqual({ id: '12', ...calls[0].body });
		const [out] = await run('customer.create', { ...params, options: { returnFullRecord: true } });
		expect(calls.slice(2).map(line)).toEqual([
			'POST /api/v2/customers',
			'GET /api/v2/customers/12',
		]);
		expect(calls[0].body).toEqual({
			customerType: 'company',
			name: 'ACME GmbH',
			contactDetails: { email: 'a@acme.example' },
			financials: { paymentMethod: { id: '2' }, defaultCurrency: 'EUR' },
			birthdate: '1980-05-01',
			project: { id: '1' },
			groups: [3],
		});
		expect(out).toMatchObject({
			id: '12',
			company: 'ACME GmbH',
			city: 'Wien',
			countryIso: 'AT',
			groupId: '3',
			source: 'xentral',
		});
	});

	it('Create refuses a person without a first name and a company without a name', async () => {
		answerWith(CUSTOMER);
		expect(
			(
				await fail('customer.create', {
					customerType: 'person',
					firstName: '',
					lastName: 'X',
					additionalFields: {},
				})
			).message,
		).toBe('First Name (item 0) is required for a person customer');
		expect(
			(
				await fail('customer.create', {
					customerType: 'company',
					companyName: ' ',
					additionalFields: {},
				})
			).message,
		).toBe('Company Name (item 0) is required for a company customer');
		expect(calls).toEqual([]);
	});

	it('Get, Update and Delete use the v2 view/patch and the v1 delete', async () => {
		answerWith(CUSTOMER);
		expect(await run('customer.get', { customerId: locator('12'), simplify: false })).toEqual([
			CUSTOMER,
		]);
		await run('customer.update', {
			customerId: locator('12'),
			updateFields: { lastName: 'Neu', language: 'EN' },
		});
		expect(calls.slice(1).map(line)).toEqual(['PATCH /api/v2/customers/12']);
		expect(calls[1].body).toEqual({ lastname: 'Neu', language: 'en' });
		expect(
			await run('customer.update', {
				customerId: locator('12'),
				updateFields: { lastName: 'Neu', language: 'EN' },
				simplify: false,
			}),
		).toEqual([{ id: '12', lastname: 'Neu', language: 'en' }]);
		expect(calls.slice(2).map(line)).toEqual(['PATCH /api/v2/customers/12']);
		await run('customer.update', {
			customerId: locator('12'),
			updateFields: { lastName: 'Neu' },
			options: { returnFullRecord: true },
		});
		expect(calls.slice(3).map(line)).toEqual([
			'PATCH /api/v2/customers/12',
			'GET /api/v2/customers/12',
		]);
		expect(await run('customer.delete', { customerId: locator('12') })).toEqual([
			{ deleted: true, customerId: '12' },
		]);
		expect(line(calls[5])).toBe('DELETE /api/v1/customers/12');
	});

	it('Get Many pages by page[number]/page[size] with the filter and sort', async () => {
		answerWith(CUSTOMER);
		await run('customer.getAll', {
			returnAll: false,
			limit: 5,
			filters: { conditions: [{ key: 'number', op: 'notIn', value: '1,2' }] },
			sort: { field: 'id', direction: 'desc' },
			simplify: true,
		});
		expect(calls[0].qs).toEqual({
			'filter[0][key]': 'number',
			'filter[0][op]': 'notIn',
			'filter[0][value][0]': '1',
			'filter[0][value][1]': '2',
			'order[0][field]': 'id',
			'order[0][dir]': 'desc',
			'page[number]': 1,
			'page[size]': 5,
		});
	});

	it('Create or Update updates one match, creates on none, stops on two', async () => {
		const params = {
			matchOn: 'number',
			customerType: 'company',
			companyName: 'ACME',
			additionalFields: { number: '10012' },
		};
		answerWith(CUSTOMER);
		await run('customer.upsert', params);
		expect(calls.map(line)).toEqual(['GET /api/v2/customers', 'PATCH /api/v2/customers/12']);
		expect(calls[0].qs).toEqual({
			'filter[0][key]': 'number',
			'filter[0][op]': 'in',
			'filter[0][value][0]': '10012',
			'page[number]': 1,
			'page[size]': 50,
		});
		answerWith(CUSTOMER, []);
		await run('customer.upsert', { ...params, options: { returnFullRecord: true } });
		expect(calls.map(line)).toEqual([
			'GET /api/v2/customers',
			'POST /api/v2/customers',
			'GET /api/v2/customers/12',
		]);
		answerWith(CUSTOMER, [CUSTOMER, { ...CUSTOMER, id: '13' }]);
		expect((await fail('customer.upsert', params)).message).toBe(
			'2 customers match Customer Number "10012" (item 0); the node does not guess which one to update',
		);
		expect(calls.map(line)).toEqual(['GET /api/v2/customers']);
		expect((await fail('customer.upsert', { ...params, matchOn: 'email' })).message).toBe(
			'Additional Fields > Email (item 0) is required to match on it',
		);
	});
});

describe('Address', () => {
	const MASTER = {
		id: 'masterdata',
		type: 'masterdata',
		street: 'Weg 1',
		zip: '1',
		city: 'Wien',
		country: 'AT',
	};

	it('Create sends the fields of the chosen type and returns the address named by Location', async () => {
		answerWith(MASTER);
		const [out] = await run('address.create', {
			customerId: locator('12'),
			addressType: 'masterdata',
			street: 'Weg 1',
			city: 'Wien',
			country: 'at',
			masterdataFields: { zip: '1' },
			billingAddressFields: { email: 'ignored@x.example' },
		});
		expect(calls.map(line)).toEqual([
			'POST /api/v2/customers/12/addresses',
			// The customer's number, for the simplified address.
			'GET /api/v2/customers',
		]);
		expect(calls[1].qs).toMatchObject({
			'filter[0][key]': 'id',
			'filter[0][op]': 'in',
			'filter[0][value][0]': '12',
		});
		expect(calls[0].body).toEqual({
			type: 'masterdata',
			street: 'Weg 1',
			city: 'Wien',
			country: 'AT',
			zip: '1',
		});
		expect(out).toMatchObject({
			id: 'masterdata',
			customerId: '12',
			type: 'main',
			isDefault: true,
			countryIso: 'AT',
		});
	});

	it('Get, Get Many, Update and Delete address the type or the delivery ID', async () => {
		answerWith({ ...MASTER, id: '101', type: 'deliveryaddress' });
		await run('address.get', {
			customerId: locator('12'),
			addressType: 'deliveryaddress',
			deliveryAddressId: '101',
		});
		await run('address.getAll', {
			customerId: locator('12'),
			returnAll: true,
			filters: { conditions: [{ key: 'type', op: 'equals', value: 'deliveryaddress' }] },
		});
		await run('address.update', {
			customerId: locator('12'),
			addressType: 'billingaddress',
			billingAddressUpdateFields: { city: 'Graz' },
		});
		await run('address.delete', { customerId: locator('12'), addressType: 'billingaddress' });
		// Each run reads the customer's number once for Simplify; Delete returns no address.
		expect(calls.map(line)).toEqual([
			'GET /api/v2/customers/12/addresses/101',
			'GET /api/v2/customers',
			'GET /api/v2/customers/12/addresses',
			'GET /api/v2/customers',
			'PATCH /api/v2/customers/12/addresses/billingaddress',
			'GET /api/v2/customers',
			'DELETE /api/v2/customers/12/addresses/billingaddress',
		]);
		expect(calls[4].body).toEqual({ city: 'Graz' });
	});

	it('refuses a filter key the address list does not have', async () => {
		answerWith(MASTER);
		expect(
			(
				await fail('address.getAll', {
					customerId: locator('12'),
					returnAll: true,
					filters: { conditions: [{ key: 'city', op: 'equals', value: 'x' }] },
				})
			).message,
		).toBe('Filters > Condition 1 > Field (item 0) must be one of type');
	});
});

describe('Contact Person', () => {
	const PERSON = {
		id: '5',
		customer: { id: '12' },
		type: 'mrs',
		name: 'Eva Kurz',
		contact: { email: 'e@x.example', phone: null, mobile: '0170', fax: null },
		department: 'Einkauf',
	};

	it('Create, Get, Get Many, Update, Delete on the v1 paths', async () => {
		answerWith(PERSON);
		const [created] = await run('contactPerson.create', {
			customerId: locator('12'),
			name: ' Eva Kurz ',
			additionalFields: { email: 'e@x.example', country: 'de', birthday: '1990-02-03' },
		});
		expect(calls[0].body).toEqual({
			name: 'Eva Kurz',
			contact: { email: 'e@x.example' },
			address: { country: 'DE' },
			birthday: '1990-02-03',
		});
		// The ID from Location and the fields sent: Xentral's answer carries no record.
		expect(created).toEqual({
			id: '5',
			customerId: '12',
			customerNumber: null,
			salutation: null,
			firstName: 'Eva',
			lastName: 'Kurz',
			email: 'e@x.example',
			phone: null,
			mobilePhone: null,
			fax: null,
			department: null,
		});
		await run('contactPerson.get', { customerId: locator('12'), contactPersonId: locator('5') });
		await run('contactPerson.getAll', {
			customerId: locator('12'),
			returnAll: true,
			filters: { conditions: [{ key: 'name', op: 'contains', value: 'Eva' }] },
		});
		await run('contactPerson.update', {
			customerId: locator('12'),
			contactPersonId: locator('5'),
			updateFields: { position: 'CEO' },
		});
		await run('contactPerson.delete', { customerId: locator('12'), contactPersonId: locator('5') });
		// Each run with Simplify reads the customer's number once (GET /api/v2/customers).
		expect(calls.map(line)).toEqual([
			'POST /api/v1/customers/12/contactPerson',
			'GET /api/v2/customers',
			'GET /api/v1/customers/12/contactPerson/5',
			'GET /api/v2/customers',
			'GET /api/v1/customers/12/contactPerson',
			'GET /api/v2/customers',
			'PATCH /api/v1/customers/12/contactPerson/5',
			'GET /api/v2/customers',
			'DELETE /api/v1/customers/12/contactPerson/5',
		]);
		expect(calls[4].qs).toMatchObject({ 'filter[0][key]': 'name', 'filter[0][op]': 'contains' });
		// Return Full Record reads the contact person back, and that is the output.
		const [full] = await run('contactPerson.create', {
			customerId: locator('12'),
			name: 'Eva Kurz',
			additionalFields: {},
			options: { returnFullRecord: true },
		});
		expect(calls.slice(9).map(line)).toEqual([
			'POST /api/v1/customers/12/contactPerson',
			'GET /api/v1/customers/12/contactPerson/5',
			'GET /api/v2/customers',
		]);
		expect(full).toMatchObject({ salutation: 'Frau', mobilePhone: '0170', department: 'Einkauf' });
	});

	it('Create refuses an empty name', async () => {
		answerWith(PERSON);
		expect(
			(
				await fail('contactPerson.create', {
					customerId: locator('12'),
					name: '',
					additionalFields: {},
				})
			).message,
		).toBe('Name (item 0) is required');
	});
});

describe('Sales Price', () => {
	it('Create sends product, customer or group, tier, price text and dates', async () => {
		answerWith(PRICE);
		const [out] = await run('salesPrice.create', {
			productId: '14',
			priceFor: 'customerGroup',
			customerGroupId: '2',
			fromQuantity: 5,
			price: 9.5,
			currency: 'chf',
			additionalFields: { validFrom: '2026-01-01T00:00:00', validTo: '2026-12-31' },
		});
		expect(calls[0].body).toEqual({
			product: { id: '14' },
			customerGroup: { id: '2' },
			amount: 5,
			price: { amount: '9.5', currency: 'CHF' },
			validFrom: '2026-01-01',
			expiresAt: '2026-12-31',
		});
		// The ID from Location and the fields sent, without a read.
		expect(calls.map(line)).toEqual(['POST /api/v1/salesPrices']);
		expect(out).toEqual({
			id: '3',
			productId: '14',
			customerId: null,
			customerNumber: null,
			customerGroupId: '2',
			fromQuantity: 5,
			price: 9.5,
			currency: 'CHF',
			validFrom: '2026-01-01',
			validTo: '2026-12-31',
		});
	});

	it('Update fills the currency from the stored price when only the price changes', async () => {
		answerWith(PRICE);
		await run('salesPrice.update', { salesPriceId: locator('3'), updateFields: { price: 1.25 } });
		expect(calls.map(line)).toEqual(['GET /api/v1/salesPrices/3', 'PATCH /api/v1/salesPrices/3']);
		expect(calls[1].body).toEqual({ price: { amount: '1.25', currency: 'EUR' } });
		await run('salesPrice.update', {
			salesPriceId: locator('3'),
			updateFields: { price: 1.25, currency: 'EUR' },
			options: { returnFullRecord: true },
		});
		expect(calls.slice(2).map(line)).toEqual([
			'PATCH /api/v1/salesPrices/3',
			'GET /api/v1/salesPrices/3',
			'GET /api/v2/customers',
		]);
	});

	it('Get, Get Many with sort, Delete', async () => {
		answerWith(PRICE);
		await run('salesPrice.get', { salesPriceId: locator('3') });
		await run('salesPrice.getAll', {
			returnAll: true,
			filters: { conditions: [{ key: 'isValidAt', op: 'equals', value: '2026-06-01' }] },
			sort: { field: 'amount' },
		});
		await run('salesPrice.delete', { salesPriceId: locator('3') });
		expect(calls.map(line)).toEqual([
			'GET /api/v1/salesPrices/3',
			'GET /api/v2/customers',
			'GET /api/v1/salesPrices',
			'GET /api/v2/customers',
			'DELETE /api/v1/salesPrices/3',
		]);
		expect(calls[2].qs).toMatchObject({ 'order[0][field]': 'amount', 'order[0][dir]': 'asc' });
	});

	it('refuses a zero quantity tier and an unknown currency before any request', async () => {
		answerWith(PRICE);
		const base = {
			productId: '14',
			priceFor: 'customer',
			customerId: locator('12'),
			fromQuantity: 1,
			price: 1,
			currency: 'EUR',
			additionalFields: {},
		};
		expect((await fail('salesPrice.create', { ...base, fromQuantity: 0 })).message).toBe(
			'From Quantity (item 0) must be greater than 0',
		);
		expect((await fail('salesPrice.create', { ...base, currency: 'EURO' })).message).toBe(
			'Currency (item 0) must be a three-letter ISO 4217 code such as EUR',
		);
		expect(calls).toEqual([]);
	});
});
