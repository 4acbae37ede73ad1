// Real-n8n cases for the JTL-Wawi node. Each case: a workflow, an optional set-up, a check.
import assert from 'node:assert/strict';

/**
 * Sends one request to the sandbox as a third party (not through n8n) and returns its status and
 * parsed body.
 */
export async function directCall(jtl, method, path, body) {
	const res = await fetch(`${jtl.apiBase}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${jtl.issueToken()}`,
			'x-tenant-id': jtl.credentials.tenantId,
			'x-appid': 'e2e/1.0',
			'x-appversion': '1.0',
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The parsed body of a direct request (see directCall). */
export async function direct(jtl, method, path, body) {
	return (await directCall(jtl, method, path, body)).body;
}

export const apiCalls = (jtl) => jtl.requests.filter((r) => r.path.startsWith('/erp/'));

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'jtl';

export function cases({ jtl, workflowWithInput }) {
	const firstCustomer = () => jtl.state.customers[0];
	return [
		{
			name: 'JTL contact > get many returns the contacts of a customer',
			workflow: workflowWithInput('JtlWawi/contact-getAll.workflow.json', 'e2eJtlContacts', {
				customerId: 1,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				const expected = await direct(jtl, 'GET', '/customers/1/contacts');
				assert.ok(expected.length >= 2);
				assert.deepEqual(items, expected);
			},
		},
		{
			name: 'JTL customer > update sends only the set fields and changes the customer',
			before: async () => {
				jtl.requests.length = 0;
			},
			workflow: workflowWithInput('JtlWawi/customer-update.workflow.json', 'e2eJtlCustomerUpdate', {
				customerUuid: firstCustomer().uuid,
				addressUuid: firstCustomer().addresses[0].uuid,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				const customer = await direct(jtl, 'GET', `/v2/customers/${firstCustomer().uuid}`);
				// The customer is read back and returned (the test workflow turns Simplify off).
				assert.deepEqual(items, [customer]);
				assert.equal(customer.homepage, 'https://shop.example.com');
				assert.deepEqual(customer.paymentSettings, {
					creditLimit: 2500,
					paymentDueDateInDays: 30,
					discount: 2.5,
					isDunningBlocked: false,
				});
				const patch = apiCalls(jtl).find((r) => r.method === 'PATCH');
				assert.equal(patch.path, '/erp/v2/customer/update');
				assert.deepEqual(Object.keys(patch.body).sort(), [
					'accountsReceivableNumber',
					'addresses',
					'customerId',
					'homepage',
					'isLocked',
					'languageIso',
					'paymentSettings',
				]);
				assert.equal(patch.body.addresses[0].street, 'Neue Straße 5');
			},
		},
		{
			name: 'JTL customer price > get many returns the prices of an item',
			workflow: workflowWithInput('JtlWawi/customerPrice-getAll.workflow.json', 'e2eJtlPrices', {
				itemId: 1,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.deepEqual(items, await direct(jtl, 'GET', '/items/1/customerPrices'));
			},
		},
		{
			name: 'JTL bad input fails before sending, naming the field and the item',
			before: async () => {
				jtl.requests.length = 0;
			},
			workflow: workflowWithInput('JtlWawi/contact-getAll.workflow.json', 'e2eJtlBadInput', {
				customerId: 'abc',
			}),
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error.name, 'NodeOperationError');
				assert.equal(
					error.message,
					'Customer (item 0) must be a positive whole number (v1) or a UUID (v2)',
				);
				assert.equal(apiCalls(jtl).length, 0, 'no API request may be sent');
			},
		},
		{
			name: 'JTL API error becomes a NodeApiError with the vendor message',
			workflow: workflowWithInput('JtlWawi/contact-getAll.workflow.json', 'e2eJtlNotFound', {
				customerId: 999999,
			}),
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error.name, 'NodeApiError');
				assert.equal(String(error.httpCode), '404');
				assert.match(error.message, /^JTL-Wawi: /);
			},
		},
		{
			name: 'JTL expired token is renewed by n8n and the request repeated',
			before: async () => {
				jtl.advanceClock(7200);
			},
			workflow: workflowWithInput(
				'JtlWawi/customerPrice-getAll.workflow.json',
				'e2eJtlTokenRenewal',
				{
					itemId: 2,
				},
			),
			check: async ({ code, items }) => {
				try {
					assert.equal(code, 0);
					assert.deepEqual(items, await direct(jtl, 'GET', '/items/2/customerPrices'));
					assert.ok(
						jtl.state.tokensIssued >= 2,
						`expected a second token, saw ${jtl.state.tokensIssued}`,
					);
				} finally {
					jtl.advanceClock(-7200); // later cases expect the sandbox clock to be real time
				}
			},
		},
	];
}
