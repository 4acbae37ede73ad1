/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
// The JTL-Wawi node against a sandbox that answers as JTL's documents say (issue "JTL-Wawi: what
// the vendor's documents say, not what the sandbox agrees to").
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import * as listSearch from '../../../nodes/JtlWawi/methods/listSearch';
import * as loadOptions from '../../../nodes/JtlWawi/methods/loadOptions';
import { useJtlSandbox } from '../../harness/jtlSuite';
import { loadOptionsContext } from '../../harness/loadOptions';
import { createPoller } from '../../harness/poll';

const NEEDS_VERSION =
	'This operation needs JTL-Wawi 2.2 or newer: this JTL-Wawi has no customer list on REST v2 (GET /v2/customers answered HTTP 404)';

const context = (jtl: ReturnType<typeof useJtlSandbox>): ILoadOptionsFunctions =>
	loadOptionsContext({
		type: 'n8n-nodes-erp-customers.jtlWawi',
		parameters: { resource: 'customer', operation: 'update' },
		credentials: jtl.credentials(),
	});

describe('JTL-Wawi as its documents describe it', () => {
	const jtl = useJtlSandbox();

	describe('v2 dropdowns from the bare arrays of /v2/customerGroups and /v2/customerCategories', () => {
		it.each([
			['getCustomerGroupsV2', '/v2/customerGroups'],
			['getCustomerCategoriesV2', '/v2/customerCategories'],
		] as const)('%s lists every entry of %s by name with its UUID', async (method, path) => {
			const entries = (await jtl.direct.get(path)) as any[];
			expect(Array.isArray(entries)).toBe(true);
			await jtl.sandbox.clearRequests();
			const options = await loadOptions[method].call(context(jtl));
			expect(options.length).toBeGreaterThan(0);
			expect(options).toEqual(
				entries
					.map((e) => ({ name: e.name, value: e.id }))
					.sort((a, b) => a.name.localeCompare(b.name)),
			);
			expect((await jtl.apiCalls()).filter((c) => c.path === `/erp${path}`)).toHaveLength(1);
		});
	});

	describe('Address > Update sends a body JTL documents', () => {
		it('sends every editor field under its seed-001 name in the customer update command', async () => {
			const customer = (await jtl.direct.get('/v2/customers?pageSize=1')).items[0];
			const target =
				customer.addresses.find((a: any) => !a.isDefaultAddress) ?? customer.addresses[0];
			await jtl.sandbox.clearRequests();
			const result = await jtl.run('JtlWawi/vendorDocuments-address-update.workflow.json', [
				{ customerUuid: customer.id, addressUuid: target.customerAddressId },
			]);
			expect(result.error).toBeUndefined();
			const fields = {
				street: 'Hafenstraße 1',
				additionalAddressLine: 'Hinterhaus',
				postalCode: '24103',
				city: 'Kiel',
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
				isDefaultAddress: true,
			};
			const writes = await jtl.writes();
			expect(writes).toHaveLength(1);
			expect(writes[0]).toMatchObject({
				method: 'PATCH',
				path: '/erp/v2/customer/update',
				status: 200,
				body: {
					customerId: customer.id,
					addresses: [{ customerAddressId: target.customerAddressId, ...fields }],
				},
			});
			expect(result.output('JTL-Wawi')).toEqual([
				{ customerId: customer.id, ...target, ...fields },
			]);
		});
	});
});

describe('JTL-Wawi older than 2.2 (no GET /v2/customers)', () => {
	const jtl = useJtlSandbox(['--without-v2-customer-list']);

	it('Customer > Get Many on the v2 list names the JTL-Wawi version it needs', async () => {
		const result = await jtl.run('JtlWawi/vendorDocuments-customer-getAll.workflow.json', [{}]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe(NEEDS_VERSION);
		expect(result.error?.httpCode).toBe('404');
	});

	it('Customer > Get of one unknown UUID keeps its "not found" meaning', async () => {
		const result = await jtl.run('JtlWawi/vendorDocuments-customer-get.workflow.json', [
			{ customerUuid: '00000000-0000-4000-8000-000000000001' },
		]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).not.toContain('JTL-Wawi 2.2');
		expect(result.error?.description).toContain('The record was not found');
	});

	it('the v2 customer search (From List) names the version it needs', async () => {
		await expect(listSearch.searchCustomersV2.call(context(jtl))).rejects.toMatchObject({
			name: 'NodeApiError',
			message: NEEDS_VERSION,
		});
	});

	it.each(['newCustomer', 'updatedCustomer'])(
		'the trigger (%s) names the version it needs',
		async (event) => {
			const poller = createPoller({
				type: 'n8n-nodes-erp-customers.jtlWawiTrigger',
				parameters: { event },
				credentials: jtl.credentials(),
			});
			await expect(poller.poll('manual')).rejects.toMatchObject({
				name: 'NodeApiError',
				message: NEEDS_VERSION,
			});
		},
	);
});
