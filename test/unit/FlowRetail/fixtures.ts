/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON */
import { answer, locator } from '../../harness/mockContext';
import type { Params } from '../../harness/mockContext';

const C = locator('cust-1');

/** Valid parameters of every Flow Retail operation, as the editor stores them. */
export const VALID: Record<string, Params> = {
	'customer.addExtension': { customerUid: C, extensionCode: 'TWO_INVOICE', storeUid: 'store-1' },
	'customer.batch': {
		batchMode: 'create',
		batchUid: 'new-1',
		fields: { firstname: 'Ada', lastname: 'Lo', countryCode: 'NO' },
		batchSize: 100,
		simplify: true,
	},
	'customer.create': {
		fields: { firstname: 'Ada', lastname: 'Lo', countryCode: 'no', ehfEnabled: true },
		clientUid: 'new-1',
		simplify: true,
	},
	'customer.delete': { customerUid: C },
	'customer.export': { customerUid: C },
	'customer.externalSearch': { query: 'Ada', returnAll: false, limit: 10 },
	'customer.get': { customerUid: C, simplify: true },
	'customer.getAll': {
		returnAll: false,
		limit: 10,
		externalId: 'EXT-1',
		sortBy: 'lastModifiedAt',
		sortDirection: 'DESC',
		simplify: true,
	},
	'customer.getForStore': { storeUid: 'store-1', customerUid: C, simplify: true },
	'customer.removeExtension': { customerUid: C, extensionCode: 'TWO_INVOICE', storeUid: 'store-1' },
	'customer.search': {
		criteria: {
			query: 'Ada',
			exactMatch: true,
			storeUid: 'store-1',
			createdAt: '2026-01-01T00:00:00',
		},
		returnAll: false,
		limit: 10,
		sortBy: '',
		simplify: true,
	},
	'customer.update': {
		customerUid: C,
		updateFields: { city: 'Oslo', ehfAddress: '9908:1' },
		simplify: true,
	},
	'customer.upsert': { externalId: 'EXT-1', fields: { city: 'Oslo' }, simplify: true },
	'customerAddress.create': {
		customerUid: C,
		type: 'DELIVERY_ADDRESS',
		additionalFields: { city: 'Oslo' },
		clientUid: 'ad-1',
		simplify: true,
	},
	'customerAddress.delete': { customerUid: C, recordUid: 'ad-1' },
	'customerAddress.get': { customerUid: C, recordUid: 'ad-1', simplify: true },
	'customerAddress.getAll': { customerUid: C, returnAll: false, limit: 10, simplify: true },
	'customerAddress.update': {
		customerUid: C,
		recordUid: 'ad-1',
		updateFields: { city: 'Bergen' },
		simplify: true,
	},
	'customerContact.create': {
		customerUid: C,
		firstname: 'Ada',
		lastname: 'Lo',
		additionalFields: { email: 'ada@example.no' },
		clientUid: 'ct-1',
		simplify: true,
	},
	'customerContact.delete': { customerUid: C, recordUid: 'ct-1' },
	'customerContact.get': { customerUid: C, recordUid: 'ct-1', simplify: true },
	'customerContact.getAll': { customerUid: C, returnAll: false, limit: 10, simplify: true },
	'customerContact.update': {
		customerUid: C,
		recordUid: 'ct-1',
		updateFields: { mobile: '+4712345678' },
		simplify: true,
	},
	'customerGroup.create': { name: 'VIP', clientUid: 'g-1' },
	'customerGroup.get': { recordUid: locator('g-1') },
	'customerGroup.getAll': { returnAll: false, limit: 10 },
	'customerGroup.update': { recordUid: locator('g-1'), updateFields: { name: 'VIP+' } },
	'price.create': {
		pricelistUid: locator('pl-1'),
		productUid: 'prod-1',
		price: 12900,
		clientUid: 'pr-1',
	},
	'price.get': { pricelistUid: locator('pl-1'), recordUid: 'pr-1' },
	'price.getAll': { pricelistUid: locator('pl-1'), returnAll: false, limit: 10 },
	'price.update': {
		pricelistUid: locator('pl-1'),
		recordUid: 'pr-1',
		updateFields: { price: 9900 },
	},
	'priceList.create': {
		name: 'Outlet',
		additionalFields: { externalId: 'OUT' },
		clientUid: 'pl-9',
	},
	'priceList.get': { recordUid: locator('pl-1') },
	'priceList.getAll': { returnAll: false, limit: 10, filters: { pricelistName: 'Out' } },
	'priceList.update': { recordUid: locator('pl-1'), updateFields: { externalId: 'OUT-2' } },
};

const customer = {
	customerUid: 'cust-1',
	customerType: 'PERSON',
	firstname: 'Ada',
	lastname: 'Lo',
	countryCode: 'NO',
	customerGroupUids: ['group-1'],
	createdAt: '2026-01-01T00:00:00.000Z',
	lastModifiedAt: '2026-01-02T00:00:00.000Z',
};

const page = (items: any[]) => ({
	items,
	paging: { pageNumber: 1, pageSize: 100, totalCount: items.length },
});

/** Plausible answers, so that an accepted value runs its operation to the end. */
export function respond(method: string, path: string, body?: any) {
	if (method === 'DELETE') return answer(undefined, 204);
	if (path === '/customers/batch') {
		const [mode, entries] = Object.entries(body ?? {})[0] as [string, any[]];
		return answer(
			{
				results: {
					[mode]: entries.map((e, index) => ({
						index,
						status: 201,
						customerUid: e.customerUid,
						customer,
					})),
				},
			},
			200,
		);
	}
	if (/\/contacts(\/|$)/.test(path)) {
		const contact = {
			customerContactUid: 'ct-1',
			firstname: 'Ada',
			lastname: 'Lo',
			email: '',
			mobile: '',
		};
		return answer(method === 'GET' && path.endsWith('/contacts') ? page([contact]) : contact);
	}
	if (/\/addresses(\/|$)/.test(path)) {
		const address = { customerAddressUid: 'ad-1', type: 'DELIVERY_ADDRESS', city: 'Oslo' };
		return answer(method === 'GET' && path.endsWith('/addresses') ? page([address]) : address);
	}
	if (/\/prices(\/|$)/.test(path)) {
		const price = { priceUid: 'pr-1', pricelistUid: 'pl-1', productUid: 'prod-1', price: 100 };
		return answer(method === 'GET' && path.endsWith('/prices') ? page([price]) : price);
	}
	if (path.startsWith('/pricelists')) {
		const list = { pricelistUid: 'pl-1', name: 'Outlet' };
		return answer(method === 'GET' && path === '/pricelists' ? page([list]) : list);
	}
	if (path.startsWith('/customer-groups')) {
		const group = { customerGroupUid: 'g-1', name: 'VIP' };
		return answer(method === 'GET' && path === '/customer-groups' ? page([group]) : group);
	}
	if (path.endsWith('/export')) return answer({ customer, orders: [] });
	if (path.startsWith('/customers/search')) return answer(page([customer]));
	if (path === '/customers' && method === 'GET') return answer(page([customer]));
	return answer(customer, method === 'POST' && path === '/customers' ? 201 : 200);
}
