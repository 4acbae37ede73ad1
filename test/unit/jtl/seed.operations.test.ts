/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as contactGetAll from '../../../nodes/JtlWawi/actions/contact/getAll.operation';
import * as update from '../../../nodes/JtlWawi/actions/customer/update.operation';
import * as priceGetAll from '../../../nodes/JtlWawi/actions/customerPrice/getAll.operation';
import { jtlApiRequest } from '../../../nodes/JtlWawi/transport';
import { answer, locator, mockExecuteContext } from '../../harness/mockContext';

jest.mock('../../../nodes/JtlWawi/transport', () => ({
	...jest.requireActual('../../../nodes/JtlWawi/transport'),
	jtlApiRequest: jest.fn(),
}));
const request = jtlApiRequest as jest.MockedFunction<typeof jtlApiRequest>;

const UUID = 'b45f6432-2462-4c6f-b00f-1d9d01000000';
const ADDRESS = '11111111-2222-4333-8444-555555555555';

beforeEach(() => request.mockReset());

describe('Contact > Get Many', () => {
	const contacts = [{ Id: 1 }, { Id: 2 }, { Id: 3 }];

	it('reads the customer contacts and cuts the list at the limit', async () => {
		request.mockResolvedValue(answer(contacts) as any);
		const out = await contactGetAll.execute.call(
			mockExecuteContext({ customerId: locator('12'), returnAll: false, limit: 2 }),
			0,
		);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'GET', '/customers/12/contacts', {
			itemIndex: 0,
		});
		expect(out).toEqual([{ Id: 1 }, { Id: 2 }]);
	});

	it('returns every contact with Return All', async () => {
		request.mockResolvedValue(answer(contacts) as any);
		const out = await contactGetAll.execute.call(
			mockExecuteContext({ customerId: locator(12), returnAll: true }),
			0,
		);
		expect(out).toEqual(contacts);
	});

	it('fails clearly when JTL answers something else than a list', async () => {
		request.mockResolvedValue(answer({ unexpected: true }) as any);
		const error = await contactGetAll.execute
			.call(mockExecuteContext({ customerId: locator(12), returnAll: true }), 1)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'JTL-Wawi answered with an unexpected body: expected a list of contacts',
		);
		expect(error.context.itemIndex).toBe(1);
	});
});

describe('Customer Price > Get Many', () => {
	const prices = [
		{ ItemId: 4, CustomerId: 1, FromQuantity: 0, NetPrice: 10, ReduceStandardPriceByPercent: null },
		{ ItemId: 4, CustomerId: 2, FromQuantity: 0, NetPrice: null, ReduceStandardPriceByPercent: 5 },
		{ ItemId: 4, CustomerId: 2, FromQuantity: 10, NetPrice: 8, ReduceStandardPriceByPercent: null },
	];

	it('filters the item prices by customer on the client side', async () => {
		request.mockResolvedValue(answer(prices) as any);
		const out = await priceGetAll.execute.call(
			mockExecuteContext({ itemId: '4', returnAll: true, filters: { customerId: '2' } }),
			0,
		);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'GET', '/items/4/customerPrices', {
			itemIndex: 0,
		});
		expect(out).toEqual(prices.slice(1));
	});

	it('rejects a bad customer filter before any request', async () => {
		const error = await priceGetAll.execute
			.call(mockExecuteContext({ itemId: '4', returnAll: true, filters: { customerId: 'K1' } }), 0)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Filters > Customer ID (item 0) must be a whole number');
		expect(request).not.toHaveBeenCalled();
	});
});

describe('Customer > Update (command body)', () => {
	const params = (overrides: Record<string, unknown> = {}) => ({
		customerId: locator(UUID),
		updateFields: {},
		paymentSettings: {},
		addresses: {},
		...overrides,
	});

	it('builds a camelCase body of only the set fields, numbers from expressions converted', async () => {
		request.mockResolvedValue(answer('Customer changed successfully') as any);
		const out = await update.execute.call(
			mockExecuteContext(
				params({
					updateFields: { accountsReceivableNumber: '4711', isLocked: true, customerGroupId: UUID },
					paymentSettings: { discount: '2.5' },
					addresses: {
						address: [
							{ customerAddressId: ADDRESS, fields: { city: 'Kiel' } },
							{ customerAddressId: '', fields: { addressType: 1, street: 'Neu 2' } },
						],
					},
				}),
			),
			0,
		);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'PATCH', '/v2/customer/update', {
			body: {
				customerId: UUID,
				accountsReceivableNumber: 4711,
				isLocked: true,
				customerGroupId: UUID,
				paymentSettings: { discount: 2.5 },
				addresses: [
					{ customerAddressId: ADDRESS, city: 'Kiel' },
					{ addressType: 1, street: 'Neu 2' },
				],
			},
			itemIndex: 0,
		});
		expect(out).toEqual([
			{ success: true, customerId: UUID, message: 'Customer changed successfully' },
		]);
	});

	it.each([
		[
			{ addresses: { address: [{ customerAddressId: '', fields: { street: 'x' } }] } },
			'Addresses > Address 1 > Address Type (item 0) is required to add an address',
		],
		[
			{ updateFields: { languageIso: 'deutsch' } },
			'Update Fields > Language (item 0) must be a two-letter ISO 639-1 language code such as de',
		],
		[
			{ updateFields: { birthday: 'someday' } },
			'Update Fields > Birthday (item 0) must be a date and time such as 2026-03-01T00:00:00Z',
		],
		[
			{ paymentSettings: { discount: -1 } },
			'Payment Settings > Discount (%) (item 0) must be between 0 and 100',
		],
		[{}, 'Nothing to update (item 0): add at least one field, payment setting or address'],
	])('rejects %j before any request', async (overrides, message) => {
		const error = await update.execute
			.call(mockExecuteContext(params(overrides)), 0)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(request).not.toHaveBeenCalled();
	});
});
