// Real-n8n cases for the Xentral node: every operation once against the Xentral sandbox, through
// the same workflow files as the workflow tests. Each case's name starts with "xentral".
import assert from 'node:assert/strict';

/** A call to the sandbox's API outside n8n. */
async function call(xentral, method, path, body) {
	const res = await fetch(`${xentral.url}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${xentral.credentials.token}`,
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return {
		status: res.status,
		location: res.headers.get('location'),
		body: text ? JSON.parse(text) : undefined,
	};
}

const ok = ({ code, error }) => {
	assert.equal(error, undefined, JSON.stringify(error));
	assert.equal(code, 0);
};

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'xentral';

export function cases({ xentral, workflowWithInput }) {
	const wf = (file, id, input, change) =>
		workflowWithInput(`Xentral/${file}.workflow.json`, id, input, change);
	const node = 'Xentral';
	const customer = (id) => xentral.state.customers.find((c) => c.id === id);
	let upsertFrom = 0;
	return [
		{
			name: 'xentral customer create: a company from the Location, in the common shape',
			node,
			workflow: wf('customer-create', 'e2eXentralCustomerCreate', {
				customerType: 'company',
				companyName: 'E2E Handel GmbH',
				email: 'e2e@example.com',
				projectId: '1',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(r.items.length, 1);
				assert.equal(r.items[0].company, 'E2E Handel GmbH');
				assert.equal(r.items[0].source, 'xentral');
				assert.ok(/^\d+$/.test(r.items[0].id));
				// No read after the write (Return Full Record is off): the ID and the fields sent.
				assert.equal(r.items[0].createdAt, null);
			},
		},
		{
			name: 'xentral customer create: bank account, SEPA, shipping, groups, custom fields and extra body fields',
			node,
			workflow: wf(
				'customer-create',
				'e2eXentralCustomerCreateFull',
				{
					customerType: 'company',
					companyName: 'E2E Voll GmbH',
					email: 'voll@example.com',
					projectId: '2',
				},
				(target) => {
					Object.assign(target.parameters.additionalFields, {
						iban: 'DE89 3704 0044 0532 0130 00',
						bic: 'COBADEFFXXX',
						sepaMandateReference: 'E2E-1',
						sepaMandateDate: '2026-03-01T00:00:00',
						sepaMandateUsage: 'recurring',
						groupIds: '1, 4',
						taxation: 'eu-delivery',
						freeShippingFrom: 99.5,
						shippingMethodId: '2',
						autoCreateDocuments: 'invoice',
					});
					target.parameters.customFields = { fields: [{ id: 2, value: 'E2E' }] };
					target.parameters.extraBodyFields = '{"salesManager": {"id": "5"}}';
				},
			),
			check: async (r) => {
				ok(r);
				const stored = customer(r.items[0].id);
				assert.deepEqual(stored.project, { id: '2' });
				assert.deepEqual(stored.groups, [1, 4]);
				assert.equal(stored.primaryBankAccount.iban, 'DE89370400440532013000');
				assert.deepEqual(stored.primaryBankAccount.sepa, {
					mandateReference: 'E2E-1',
					mandateReferenceDate: '2026-03-01',
					usage: 'recurring',
				});
				assert.equal(stored.financials.tax.taxation, 'eu-delivery');
				assert.deepEqual(stored.shipping, { freeShippingFrom: 99.5, shippingMethod: { id: '2' } });
				assert.deepEqual(stored.customFields, [{ id: 2, value: 'E2E' }]);
				assert.deepEqual(stored.salesManager, { id: '5' });
			},
		},
		{
			name: 'xentral customer create: without a project on an instance that requires one, the error names it',
			node,
			workflow: wf('customer-create', 'e2eXentralCustomerCreateNoProject', {
				customerType: 'company',
				companyName: 'E2E Ohne Projekt GmbH',
				email: 'ohne@example.com',
			}),
			check: async ({ error }) => {
				assert.match(
					String(error?.message),
					/Project \(item 0\) is required by this Xentral instance for a new customer/,
				);
			},
		},
		{
			name: 'xentral customer create: a person without a last name stops before any request',
			node,
			workflow: wf('customer-create', 'e2eXentralCustomerCreateBad', {
				customerType: 'person',
				firstName: 'Max',
				lastName: '',
				email: 'm@example.com',
			}),
			check: async ({ error }) => {
				assert.match(
					String(error?.message),
					/Last Name \(item 0\) is required for a person customer/,
				);
			},
		},
		{
			name: 'xentral customer get',
			node,
			workflow: wf('customer-get', 'e2eXentralCustomerGet', { customerId: '4' }),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].id, '4');
				assert.equal(r.items[0].number, customer('4').number);
			},
		},
		{
			name: 'xentral customer getAll: filter list and limit',
			node,
			workflow: wf('customer-getAll', 'e2eXentralCustomerGetAll', {
				returnAll: false,
				limit: 5,
				key: 'id',
				op: 'greaterThan',
				value: '10',
			}),
			check: async (r) => {
				ok(r);
				assert.deepEqual(
					r.items.map((c) => c.id),
					['11', '12', '13', '14', '15'],
				);
			},
		},
		{
			name: 'xentral customer update',
			node,
			workflow: wf('customer-update', 'e2eXentralCustomerUpdate', {
				customerId: '5',
				email: 'neu5@example.com',
				department: 'Einkauf',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].email, 'neu5@example.com');
				assert.equal(customer('5').department, 'Einkauf');
			},
		},
		{
			name: 'xentral customer upsert: updates the one customer with the number',
			node,
			before: async () => {
				upsertFrom = xentral.requests.length;
			},
			workflow: wf('customer-upsert', 'e2eXentralCustomerUpsert', {
				matchOn: 'number',
				number: '10007',
				companyName: 'Upsert AG',
				email: 'u@example.com',
				projectId: '1',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].id, '7');
				assert.equal(customer('7').name, 'Upsert AG');
				// One PATCH of the customer and no read of it after the write.
				assert.deepEqual(
					xentral.requests
						.slice(upsertFrom)
						.filter((q) => q.path === '/api/v2/customers/7')
						.map((q) => q.method),
					['PATCH'],
				);
			},
		},
		{
			name: 'xentral customer delete (v1)',
			node,
			workflow: wf('customer-delete', 'e2eXentralCustomerDelete', { customerId: '20' }),
			check: async (r) => {
				ok(r);
				assert.deepEqual(r.items, [{ deleted: true, customerId: '20' }]);
				assert.equal(customer('20'), undefined);
			},
		},
		{
			name: 'xentral address create: a delivery address',
			node,
			workflow: wf('address-create', 'e2eXentralAddressCreate', {
				customerId: '3',
				addressType: 'deliveryaddress',
				name: 'Lager',
				street: 'Hafen 1',
				city: 'Kiel',
				country: 'DE',
				zip: '24103',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].type, 'shipping');
				assert.equal(r.items[0].city, 'Kiel');
			},
		},
		{
			name: 'xentral address get: the master data',
			node,
			workflow: wf('address-get', 'e2eXentralAddressGet', {
				customerId: '2',
				addressType: 'masterdata',
				deliveryAddressId: '',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].id, 'masterdata');
			},
		},
		{
			name: 'xentral address getAll',
			node,
			workflow: wf('address-getAll', 'e2eXentralAddressGetAll', { customerId: '2' }),
			check: async (r) => {
				ok(r);
				assert.deepEqual(
					r.items.map((a) => a.type),
					['main'],
				);
			},
		},
		{
			name: 'xentral address update: the master data',
			node,
			workflow: wf('address-update', 'e2eXentralAddressUpdate', {
				customerId: '6',
				addressType: 'masterdata',
				deliveryAddressId: '',
				city: 'Graz',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].city, 'Graz');
			},
		},
		{
			name: 'xentral address delete: the billing address',
			node,
			before: async () => {
				const res = await call(xentral, 'POST', '/api/v2/customers/8/addresses', {
					type: 'billingaddress',
					name: 'Buchhaltung',
					street: 'S 1',
					city: 'C',
					country: 'AT',
				});
				assert.equal(res.status, 201);
			},
			workflow: wf('address-delete', 'e2eXentralAddressDelete', {
				customerId: '8',
				addressType: 'billingaddress',
				deliveryAddressId: '',
			}),
			check: async (r) => {
				ok(r);
				assert.deepEqual(r.items, [
					{ deleted: true, customerId: '8', addressId: 'billingaddress' },
				]);
				assert.equal(xentral.state.addresses['8'].billingaddress, null);
			},
		},
		{
			name: 'xentral contactPerson create',
			node,
			workflow: wf('contactPerson-create', 'e2eXentralContactCreate', {
				customerId: '1',
				name: 'Eva Kurz',
				email: 'eva@example.com',
				department: 'Vertrieb',
			}),
			check: async (r) => {
				ok(r);
				// The one name split as Xentral stores it (first name first), and whose contact it is.
				assert.equal(r.items[0].firstName, 'Eva');
				assert.equal(r.items[0].lastName, 'Kurz');
				assert.equal(r.items[0].customerId, '1');
				assert.equal(r.items[0].customerNumber, '10001');
				assert.equal(r.items[0].department, 'Vertrieb');
			},
		},
		{
			name: 'xentral contactPerson get',
			node,
			workflow: wf('contactPerson-get', 'e2eXentralContactGet', {
				customerId: '2',
				contactPersonId: '3',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].id, '3');
			},
		},
		{
			name: 'xentral contactPerson getAll',
			node,
			workflow: wf('contactPerson-getAll', 'e2eXentralContactGetAll', { customerId: '2' }),
			check: async (r) => {
				ok(r);
				assert.deepEqual(
					r.items.map((p) => p.id),
					['3', '4'],
				);
			},
		},
		{
			name: 'xentral contactPerson update',
			node,
			workflow: wf('contactPerson-update', 'e2eXentralContactUpdate', {
				customerId: '3',
				contactPersonId: '5',
				position: 'Leitung',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(xentral.state.contactPersons.find((p) => p.id === '5').position, 'Leitung');
			},
		},
		{
			name: 'xentral contactPerson delete',
			node,
			workflow: wf('contactPerson-delete', 'e2eXentralContactDelete', {
				customerId: '3',
				contactPersonId: '6',
			}),
			check: async (r) => {
				ok(r);
				assert.equal(
					xentral.state.contactPersons.find((p) => p.id === '6'),
					undefined,
				);
			},
		},
		{
			name: 'xentral salesPrice create: a customer price with tier, price, currency and date',
			node,
			workflow: wf('salesPrice-create', 'e2eXentralPriceCreate', {
				customerId: '2',
				productId: '14',
				fromQuantity: 10,
				price: 24.2,
				currency: 'EUR',
				validFrom: '2026-03-01',
			}),
			check: async (r) => {
				ok(r);
				assert.deepEqual(
					{ ...r.items[0], id: undefined },
					{
						id: undefined,
						productId: '14',
						customerId: '2',
						customerNumber: '10002',
						customerGroupId: null,
						fromQuantity: 10,
						price: 24.2,
						currency: 'EUR',
						validFrom: '2026-03-01',
						validTo: null,
					},
				);
			},
		},
		{
			name: 'xentral salesPrice get: a customer-group price',
			node,
			workflow: wf('salesPrice-get', 'e2eXentralPriceGet', { salesPriceId: '6' }),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].customerGroupId, '1');
			},
		},
		{
			name: 'xentral salesPrice getAll: sorted by price',
			node,
			workflow: wf('salesPrice-getAll', 'e2eXentralPriceGetAll', {}),
			check: async (r) => {
				ok(r);
				const prices = r.items.map((p) => p.price);
				assert.deepEqual(
					prices,
					[...prices].sort((a, b) => b - a),
				);
			},
		},
		{
			name: 'xentral salesPrice update',
			node,
			workflow: wf('salesPrice-update', 'e2eXentralPriceUpdate', {
				salesPriceId: '2',
				price: 8.75,
			}),
			check: async (r) => {
				ok(r);
				assert.equal(r.items[0].price, 8.75);
				assert.equal(r.items[0].currency, 'EUR');
			},
		},
		{
			name: 'xentral salesPrice delete',
			node,
			workflow: wf('salesPrice-delete', 'e2eXentralPriceDelete', { salesPriceId: '3' }),
			check: async (r) => {
				ok(r);
				assert.deepEqual(r.items, [{ deleted: true, salesPriceId: '3' }]);
			},
		},
	];
}
