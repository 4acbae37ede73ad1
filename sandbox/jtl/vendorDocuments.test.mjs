// The JTL sandbox against what JTL's documents say (the 2.0 spec, SPEC2 in shared/api/jtl-wawi.md):
// bare-array v2 reference lists, the nested address PATCH body, and an older JTL-Wawi without the
// v2 customer list. Run: node --test sandbox/
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { parseCliArgs, startJtlSandbox } from './server.mjs';

function client(sb) {
	const headers = {
		authorization: `Bearer ${sb.issueToken()}`,
		'x-tenant-id': sb.credentials.tenantId,
		'x-appid': 'SelfTest/1.0.0',
		'x-appversion': '1.0.0',
	};
	return async (method, path, body) => {
		const res = await fetch(sb.apiBase + path, {
			method,
			headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, json: text ? JSON.parse(text) : undefined };
	};
}

describe('JTL sandbox: what the vendor documents say', () => {
	let sb;
	let api;
	before(async () => {
		sb = await startJtlSandbox({ rateLimit: false });
		api = client(sb);
	});
	after(() => sb.close());

	describe('v2 customer groups and categories are bare arrays (2.0 spec)', () => {
		for (const [path, keys] of [
			['/v2/customerGroups', ['id', 'name', 'isDefault', 'discount', 'isNetPrice']],
			['/v2/customerCategories', ['id', 'name']],
		]) {
			it(`GET ${path} => a bare array of every entry with its documented fields`, async () => {
				const r = await api('GET', `${path}?pageNumber=1&pageSize=1`);
				assert.equal(r.status, 200);
				assert.ok(Array.isArray(r.json), 'a bare JSON array, not a paged envelope');
				assert.ok(r.json.length > 1, 'the whole list, whatever the page parameters');
				for (const entry of r.json) {
					assert.deepEqual(Object.keys(entry).sort(), [...keys].sort());
					assert.match(entry.id, /^[0-9a-f-]{36}$/);
				}
			});
		}

		it('keeps the paged envelope for payment methods and companies', async () => {
			for (const path of ['/v2/paymentMethods', '/v2/companies']) {
				const r = await api('GET', path);
				assert.ok(Array.isArray(r.json.items), path);
			}
		});
	});

	describe('PATCH /v2/customers/{id}/addresses/{addressId} takes UpdateCustomerAddress', () => {
		const target = () => {
			const customer = sb.state.customers[0];
			return { customer, address: customer.addresses[0] };
		};
		const patch = (body) => {
			const { customer, address } = target();
			return api('PATCH', `/v2/customers/${customer.uuid}/addresses/${address.uuid}`, body);
		};

		it('applies every nested group to the address', async () => {
			const r = await patch({
				Address: {
					Street: 'Hafenstraße 1',
					AddressAdditional: 'Hinterhaus',
					City: 'Kiel',
					PostalCode: '24103',
					State: 'SH',
					CountryISO2: 'DE',
				},
				Identity: {
					Salutation: 'Frau',
					Title: 'Dr.',
					FirstName: 'Ada',
					LastName: 'Lovelace',
					CompanyName: 'Analytical GmbH',
					CompanyExtension: 'Abteilung 2',
				},
				ContactDetails: {
					EmailAddress: 'ada@example.test',
					PhoneNumber: '0431 1',
					MobilePhoneNumber: '0170 1',
					FaxNumber: '0431 2',
				},
				FinancialDetails: { VatID: 'DE123456789' },
			});
			assert.equal(r.status, 200);
			const { customer, address } = target();
			const v2 = (await api('GET', `/v2/customers/${customer.uuid}`)).json.addresses.find(
				(a) => a.customerAddressId === address.uuid,
			);
			assert.deepEqual(
				{
					street: v2.street,
					additionalAddressLine: v2.additionalAddressLine,
					city: v2.city,
					postalCode: v2.postalCode,
					state: v2.state,
					countryIso: v2.countryIso,
					salutation: v2.salutation,
					title: v2.title,
					firstName: v2.firstName,
					lastName: v2.lastName,
					companyName: v2.companyName,
					additionalCompanyLine: v2.additionalCompanyLine,
					emailAddress: v2.emailAddress,
					phoneNumber: v2.phoneNumber,
					mobilePhoneNumber: v2.mobilePhoneNumber,
					faxNumber: v2.faxNumber,
					vatId: v2.vatId,
				},
				{
					street: 'Hafenstraße 1',
					additionalAddressLine: 'Hinterhaus',
					city: 'Kiel',
					postalCode: '24103',
					state: 'SH',
					countryIso: 'DE',
					salutation: 'Frau',
					title: 'Dr.',
					firstName: 'Ada',
					lastName: 'Lovelace',
					companyName: 'Analytical GmbH',
					additionalCompanyLine: 'Abteilung 2',
					emailAddress: 'ada@example.test',
					phoneNumber: '0431 1',
					mobilePhoneNumber: '0170 1',
					faxNumber: '0431 2',
					vatId: 'DE123456789',
				},
			);
		});

		it('accepts the camelCase spelling of the documented names', async () => {
			const r = await patch({ address: { street: 'Camelweg 2' }, identity: { firstName: 'Bo' } });
			assert.equal(r.status, 200);
			assert.equal(target().address.street, 'Camelweg 2');
			assert.equal(target().address.firstName, 'Bo');
		});

		it('refuses the flat seed-001 names, unknown nested names and nulls with 400', async () => {
			const before = JSON.stringify(target().address);
			let r = await patch({ street: 'Flach 1', postalCode: '20095' });
			assert.equal(r.status, 400);
			assert.deepEqual(Object.keys(r.json.validationErrors).sort(), ['postalCode', 'street']);
			r = await patch({ Address: { Street: 'x', Zip: '1' }, FinancialDetails: { VatId2: 'x' } });
			assert.equal(r.status, 400);
			assert.deepEqual(Object.keys(r.json.validationErrors).sort(), [
				'Address.Zip',
				'FinancialDetails.VatId2',
			]);
			r = await patch({ ContactDetails: { EmailAddress: null } });
			assert.equal(r.status, 400);
			assert.ok('ContactDetails.EmailAddress' in r.json.validationErrors);
			r = await patch({ Address: { Street: 'a' }, address: { street: 'b' } });
			assert.equal(r.status, 400, 'one spelling per property');
			r = await patch({ isDefaultAddress: true });
			assert.equal(r.status, 400, 'the nested shape has no default flag');
			assert.equal(JSON.stringify(target().address), before, 'nothing changed');
		});
	});
});

describe('JTL sandbox as an older JTL-Wawi without GET /v2/customers', () => {
	let sb;
	let api;
	before(async () => {
		sb = await startJtlSandbox({ rateLimit: false, withoutV2CustomerList: true });
		api = client(sb);
	});
	after(() => sb.close());

	it('answers GET /v2/customers with 404 and keeps the record endpoints', async () => {
		const list = await api('GET', '/v2/customers?pageSize=1');
		assert.equal(list.status, 404);
		assert.equal(list.json.errorCode, 'NotFound');
		const customer = sb.state.customers[0];
		assert.equal((await api('GET', `/v2/customers/${customer.uuid}`)).status, 200);
		assert.equal((await api('GET', '/customers?pageSize=1')).status, 200);
	});

	it('is off by default and set by --without-v2-customer-list', () => {
		assert.equal(parseCliArgs(['--without-v2-customer-list']).withoutV2CustomerList, true);
		assert.equal(parseCliArgs([]).withoutV2CustomerList, undefined);
	});
});
