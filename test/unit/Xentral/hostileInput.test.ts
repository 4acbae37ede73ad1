/* eslint-disable @typescript-eslint/no-explicit-any, @n8n/community-nodes/no-restricted-globals -- editor descriptions and vendor JSON; a test, not shipped */
/**
 * Every parameter of every Xentral operation fuzzed with hostile values (test/harness/
 * hostileValues.ts): refused naming the field and item before any request, or sent on the
 * operation's own routes with nothing unsafe in the query or body.
 */
import { NodeOperationError } from 'n8n-workflow';

import { resources } from '../../../nodes/Xentral/actions/router';
import { xentralApiRequest } from '../../../nodes/Xentral/transport';
import {
	expectRefusedOrSent,
	fuzzOperation,
	fuzzSuite,
	HUGE_TEXT,
} from '../../harness/hostileValues';
import type { Params } from '../../harness/mockContext';
import { locator, mockExecuteContext } from '../../harness/mockContext';

jest.mock('../../../nodes/Xentral/transport', () => ({
	...jest.requireActual('../../../nodes/Xentral/transport'),
	xentralApiRequest: jest.fn(),
	// The run's connection as a valid credential gives it (the requests themselves are mocked).
	xentralConnection: async () => ({
		baseUrl: 'https://x.xentral.biz',
		timeZone: 'Europe/Berlin',
		timeoutMs: 30_000,
	}),
}));
const request = xentralApiRequest as jest.MockedFunction<typeof xentralApiRequest>;

const cust = locator('12');
const VALID: Record<string, Params> = {
	'customer.create': { customerType: 'company', companyName: 'ACME', additionalFields: {} },
	'customer.upsert': {
		matchOn: 'number',
		customerType: 'company',
		companyName: 'ACME',
		additionalFields: { number: 'K1' },
	},
	'customer.get': { customerId: cust },
	'customer.getAll': { returnAll: false, limit: 10, filters: {}, sort: {} },
	'customer.update': { customerId: cust, updateFields: { department: 'X' } },
	'customer.delete': { customerId: cust },
	'address.create': {
		customerId: cust,
		addressType: 'deliveryaddress',
		addressName: 'L',
		street: 'S 1',
		city: 'C',
		country: 'DE',
		deliveryAddressFields: {},
	},
	'address.get': { customerId: cust, addressType: 'deliveryaddress', deliveryAddressId: '101' },
	'address.getAll': { customerId: cust, returnAll: true, filters: {} },
	'address.update': {
		customerId: cust,
		addressType: 'billingaddress',
		billingAddressUpdateFields: { city: 'X' },
	},
	'address.delete': { customerId: cust, addressType: 'deliveryaddress', deliveryAddressId: '101' },
	'contactPerson.create': { customerId: cust, name: 'Eva', additionalFields: {} },
	'contactPerson.get': { customerId: cust, contactPersonId: locator('5') },
	'contactPerson.getAll': { customerId: cust, returnAll: true, filters: {} },
	'contactPerson.update': {
		customerId: cust,
		contactPersonId: locator('5'),
		updateFields: { position: 'X' },
	},
	'contactPerson.delete': { customerId: cust, contactPersonId: locator('5') },
	'salesPrice.create': {
		productId: '14',
		priceFor: 'customer',
		customerId: cust,
		fromQuantity: 1,
		price: 9.5,
		currency: 'EUR',
		additionalFields: {},
	},
	'salesPrice.get': { salesPriceId: locator('3') },
	'salesPrice.getAll': { returnAll: true, filters: {}, sort: {} },
	'salesPrice.update': { salesPriceId: locator('3'), updateFields: { price: 1 } },
	'salesPrice.delete': { salesPriceId: locator('3') },
};

const ID = '[1-9][0-9]*';
// Besides its own routes, an operation may read the customer list (a customer's number for
// Simplify, a match for Create or Update) and a customer's master-data address (Simplify).
const CUSTOMER_READS = [
	'GET /api/v2/customers',
	`GET /api/v2/customers/${ID}/addresses/masterdata`,
];
const ROUTES: Record<string, string[]> = {
	customer: [
		`(GET|PATCH) /api/v2/customers/${ID}`,
		'(GET|POST) /api/v2/customers',
		`DELETE /api/v1/customers/${ID}`,
		...CUSTOMER_READS,
	],
	address: [
		`(GET|PATCH|DELETE) /api/v2/customers/${ID}/addresses/(masterdata|billingaddress|${ID})`,
		`(GET|POST) /api/v2/customers/${ID}/addresses`,
		...CUSTOMER_READS,
	],
	contactPerson: [
		`(GET|PATCH|DELETE) /api/v1/customers/${ID}/contactPerson/${ID}`,
		`(GET|POST) /api/v1/customers/${ID}/contactPerson`,
		...CUSTOMER_READS,
	],
	salesPrice: [
		`(GET|PATCH|DELETE) /api/v1/salesPrices/${ID}`,
		'(GET|POST) /api/v1/salesPrices',
		...CUSTOMER_READS,
	],
};

const headers = (path: string) => ({ location: `https://x.xentral.biz${path}/7` });
function respond(method: string, path: string) {
	const ok = (body: unknown, statusCode = 200, h: Record<string, string> = {}) =>
		({ statusCode, headers: h, body }) as any;
	if (method === 'POST') return ok('', 201, headers(path));
	if (method === 'PATCH' || method === 'DELETE') return ok(undefined, 204);
	if (/\/(customers|contactPerson|salesPrices|addresses)$/.test(path))
		return ok({ data: [{ id: '7' }], extra: { totalCount: 1, page: { number: 1, size: 50 } } });
	return ok({ data: { id: '7', price: { amount: '1', currency: 'EUR' } } });
}

const suite = fuzzSuite(resources, VALID, request, respond, {
	routes: (_key, resource) => ROUTES[resource],
	numRuns: 40,
	validFirst: true,
});
const { operations, tally } = suite;

describe('hostile parameter values (Xentral)', () => {
	it('covers all 21 operations', () => {
		expect(operations).toHaveLength(21);
		for (const { resource, operation } of operations)
			expect(VALID[`${resource}.${operation}`]).toBeDefined();
	});

	it.each(operations)('$resource > $operation', ({ resource, operation }) =>
		fuzzOperation(suite, resource, operation),
	);

	it('tried over 3,000 values, each refused naming field and item or sent safely', () => {
		// 40 runs per target: about 4,000 values.
		expect(tally.tried).toBeGreaterThan(3000);
		expectRefusedOrSent(tally);
	});

	it('refuses a 100 KB filter value and a control character in a customer number, naming them', async () => {
		request.mockReset();
		const huge = mockExecuteContext([
			{},
			{
				...VALID['customer.getAll'],
				filters: { conditions: [{ key: 'name', op: 'equals', value: HUGE_TEXT }] },
			},
		]);
		await expect(resources.customer.operations.getAll.execute.call(huge, 1)).rejects.toThrow(
			'Filters > Condition 1 > Value (item 1) must be at most 255 characters',
		);
		const crlf = mockExecuteContext({
			...VALID['customer.create'],
			additionalFields: { number: 'K1\r\nX: 1' },
		});
		const error = await resources.customer.operations.create.execute
			.call(crlf, 0)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe(
			'Additional Fields > Customer Number (item 0) must not contain control or bidirectional formatting characters (found U+000D at position 3)',
		);
		expect(request).not.toHaveBeenCalled();
	});
});

afterAll(() => {
	// Printed for the fault-suite table in docs/testing.md.
	process.stdout.write(
		`Xentral hostile input: ${tally.tried} values, ${tally.refused} refused, ${tally.sent} sent\n`,
	);
});
