/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { customerPrice } from '../../../../nodes/JtlWawi/actions/customerPrice';
import * as create from '../../../../nodes/JtlWawi/actions/customerPrice/create.operation';
import * as del from '../../../../nodes/JtlWawi/actions/customerPrice/delete.operation';
import * as getAll from '../../../../nodes/JtlWawi/actions/customerPrice/getAll.operation';
import * as update from '../../../../nodes/JtlWawi/actions/customerPrice/update.operation';
import { jtlApiRequest } from '../../../../nodes/JtlWawi/transport';
import {
	answer,
	locator,
	mockExecuteContext,
	operationFailure,
	testNode,
} from '../../../harness/mockContext';
import type { Params } from '../../../harness/mockContext';

jest.mock('../../../../nodes/JtlWawi/transport', () => ({
	...jest.requireActual('../../../../nodes/JtlWawi/transport'),
	jtlApiRequest: jest.fn(),
	// The credential's Time Zone (a mocked context has no credentials).
	jtlTimeZone: jest.fn(async () => 'Europe/Berlin'),
}));

const request = jtlApiRequest as jest.MockedFunction<typeof jtlApiRequest>;

/** Parameters of a valid net-price write, as the editor would store them. */
const netPriceParams = (overrides: Params = {}): Params => ({
	simplify: false,
	itemId: '3',
	customerId: locator('4', 'list'),
	fromQuantity: 10,
	priceType: 'netPrice',
	netPrice: 12.5,
	...overrides,
});

beforeEach(() => {
	request.mockReset();
});

describe('Customer Price operation list', () => {
	it('lists every operation, sorted by name, with action labels', () => {
		const operation = customerPrice.description.find(
			(p) => p.name === 'operation',
		) as INodeProperties;
		const options = operation.options as INodePropertyOptions[];
		expect(options.map((o) => [o.name, o.value, o.action])).toEqual([
			['Create', 'create', 'Create a customer price'],
			['Delete', 'delete', 'Delete a customer price'],
			['Get Many', 'getAll', 'Get many customer prices'],
			['Update', 'update', 'Update a customer price'],
		]);
		expect(Object.keys(customerPrice.operations).sort()).toEqual(
			options.map((o) => String(o.value)).sort(),
		);
	});

	it('shows one value field per Price Type', () => {
		const field = (name: string) =>
			customerPrice.description.find(
				(p) => p.name === name && p.displayOptions?.show?.operation?.includes('create'),
			) as INodeProperties;
		expect(field('netPrice').displayOptions?.show?.priceType).toEqual(['netPrice']);
		expect(field('reduceStandardPriceByPercent').displayOptions?.show?.priceType).toEqual([
			'percent',
		]);
	});

	it('gives Net Price and Percent Reduction no default: a price of 0 is entered on purpose', () => {
		for (const name of ['netPrice', 'reduceStandardPriceByPercent']) {
			for (const p of customerPrice.description.filter((d) => d.name === name)) {
				expect(p.default).toBeUndefined();
				expect(p.required).toBe(true);
			}
		}
	});
});

describe('Customer Price > Create', () => {
	it('POSTs a net price with the customer and from-quantity and returns the created price', async () => {
		const created = {
			ItemId: 3,
			CustomerId: 4,
			FromQuantity: 10,
			NetPrice: 12.5,
			ReduceStandardPriceByPercent: null,
		};
		request.mockResolvedValueOnce(answer(created, 201));
		const ctx = mockExecuteContext(netPriceParams());

		expect(await create.execute.call(ctx, 0)).toEqual([created]);
		expect(request).toHaveBeenCalledTimes(1);
		expect(request).toHaveBeenCalledWith(ctx, 'POST', '/items/3/customerPrices', {
			body: { CustomerId: 4, FromQuantity: 10, NetPrice: 12.5 },
			itemIndex: 0,
		});
	});

	it('POSTs a percent reduction, converting numeric text from expressions', async () => {
		request.mockResolvedValueOnce(answer({ ItemId: 3 }, 201));
		const ctx = mockExecuteContext({
			simplify: false,
			itemId: 3,
			customerId: locator(4),
			fromQuantity: '0',
			priceType: 'percent',
			reduceStandardPriceByPercent: '7.5',
		});
		await create.execute.call(ctx, 0);
		expect(request.mock.calls[0][3]).toEqual({
			body: { CustomerId: 4, FromQuantity: 0, ReduceStandardPriceByPercent: 7.5 },
			itemIndex: 0,
		});
	});

	it.each([
		[
			'both values',
			{ reduceStandardPriceByPercent: 5 },
			'Net Price and Percent Reduction (item 1) are both set; give exactly one of them',
		],
		[
			'neither value',
			{ netPrice: '' },
			'Net Price or Percent Reduction (item 1) is required; give exactly one of them',
		],
		[
			'neither value (null)',
			{ netPrice: null },
			'Net Price or Percent Reduction (item 1) is required; give exactly one of them',
		],
		[
			'a value that does not match the Price Type',
			{ netPrice: '', reduceStandardPriceByPercent: 5 },
			'Price Type (item 1) is netPrice, but only Percent Reduction has a value',
		],
		[
			'an unknown Price Type',
			{ priceType: 'gross' },
			'Price Type (item 1) must be netPrice (Net Price) or percent (Percent Reduction of the Standard Price)',
		],
		['a negative net price', { netPrice: -0.01 }, 'Net Price (item 1) must be 0 or greater'],
		['a net price as text', { netPrice: 'cheap' }, 'Net Price (item 1) must be a number'],
		[
			'a reduction above 100 %',
			{ priceType: 'percent', netPrice: undefined, reduceStandardPriceByPercent: 120 },
			'Percent Reduction (item 1) must be between 0 and 100',
		],
		[
			'a negative reduction',
			{ priceType: 'percent', netPrice: undefined, reduceStandardPriceByPercent: -1 },
			'Percent Reduction (item 1) must be between 0 and 100',
		],
		[
			'a fractional from-quantity',
			{ fromQuantity: 2.5 },
			'From Quantity (item 1) must be a whole number',
		],
		[
			'a negative from-quantity',
			{ fromQuantity: -1 },
			'From Quantity (item 1) must be 0 or greater',
		],
		['a bad item ID', { itemId: 'SKU-1' }, 'Item (item 1) must be a whole number'],
		[
			'a bad customer',
			{ customerId: locator('x') },
			'Customer (item 1) must be a positive whole number (v1) or a UUID (v2)',
		],
	])('rejects %s before any request', async (_label, overrides, message) => {
		const ctx = mockExecuteContext([netPriceParams(), netPriceParams(overrides)]);
		const error = await operationFailure(create, ctx, 1);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(1);
		expect(request).not.toHaveBeenCalled();
	});

	it('passes an API error (such as a 409 duplicate) on unchanged', async () => {
		const apiError = new NodeApiError(testNode, { message: 'x' }, { message: 'JTL-Wawi: exists' });
		request.mockRejectedValueOnce(apiError);
		expect(await operationFailure(create, mockExecuteContext(netPriceParams()))).toBe(apiError);
		expect(request).toHaveBeenCalledTimes(1);
	});
});

describe('Customer Price > Update', () => {
	const list = [
		{ ItemId: 3, CustomerId: 4, FromQuantity: 0, NetPrice: 20, ReduceStandardPriceByPercent: null },
		{
			ItemId: 3,
			CustomerId: 4,
			FromQuantity: 10,
			NetPrice: 9.99,
			ReduceStandardPriceByPercent: null,
		},
		{ ItemId: 3, CustomerId: 5, FromQuantity: 10, NetPrice: 1, ReduceStandardPriceByPercent: null },
	];

	it('PATCHes the price by its key, then returns it from the re-read price list', async () => {
		request.mockResolvedValueOnce(answer(undefined, 204)).mockResolvedValueOnce(answer(list));
		const ctx = mockExecuteContext(netPriceParams({ netPrice: 9.99 }));

		expect(await update.execute.call(ctx, 0)).toEqual([list[1]]);
		expect(request.mock.calls).toEqual([
			[ctx, 'PATCH', '/items/3/customerPrices/4/10', { body: { NetPrice: 9.99 }, itemIndex: 0 }],
			[ctx, 'GET', '/items/3/customerPrices', { itemIndex: 0 }],
		]);
	});

	it('sends a percent reduction as the only value', async () => {
		const switched = { ...list[0], NetPrice: 0, ReduceStandardPriceByPercent: 15 };
		request
			.mockResolvedValueOnce(answer(undefined, 204))
			.mockResolvedValueOnce(answer([switched, list[1]]));
		const ctx = mockExecuteContext({
			simplify: false,
			...netPriceParams({ fromQuantity: 0 }),
			priceType: 'percent',
			netPrice: undefined,
			reduceStandardPriceByPercent: 15,
		});
		expect(await update.execute.call(ctx, 0)).toEqual([switched]);
		expect(request).toHaveBeenCalledTimes(2);
		expect(request.mock.calls[0][2]).toBe('/items/3/customerPrices/4/0');
		expect(request.mock.calls[0][3]).toEqual({
			body: { ReduceStandardPriceByPercent: 15 },
			itemIndex: 0,
		});
	});

	it('when JTL keeps the other value, sets it to 0 with a second PATCH and reads again', async () => {
		const kept = { ...list[1], NetPrice: 9.99, ReduceStandardPriceByPercent: 15 };
		const cleared = { ...kept, ReduceStandardPriceByPercent: 0 };
		request
			.mockResolvedValueOnce(answer(undefined, 204))
			.mockResolvedValueOnce(answer([list[0], kept]))
			.mockResolvedValueOnce(answer(undefined, 204))
			.mockResolvedValueOnce(answer([list[0], cleared]));
		const ctx = mockExecuteContext(netPriceParams({ netPrice: 9.99 }));
		expect(await update.execute.call(ctx, 0)).toEqual([cleared]);
		expect(request.mock.calls.map((c) => [c[1], c[2], (c[3] as any).body])).toEqual([
			['PATCH', '/items/3/customerPrices/4/10', { NetPrice: 9.99 }],
			['GET', '/items/3/customerPrices', undefined],
			['PATCH', '/items/3/customerPrices/4/10', { ReduceStandardPriceByPercent: 0 }],
			['GET', '/items/3/customerPrices', undefined],
		]);
	});

	it('fails naming the item when the price read back is not what was sent', async () => {
		const stale = { ...list[1], NetPrice: 5, ReduceStandardPriceByPercent: 0 };
		request.mockResolvedValueOnce(answer(undefined, 204)).mockResolvedValueOnce(answer([stale]));
		const error = await operationFailure(
			update,
			mockExecuteContext(netPriceParams({ netPrice: 9.99 })),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Net Price (item 0) was not applied as sent: JTL-Wawi holds NetPrice 5 and ReduceStandardPriceByPercent 0 for this price',
		);
	});

	it('simplified, a percent price read as NetPrice 0 (or null) has no net price', async () => {
		for (const unused of [0, null]) {
			request.mockReset();
			const switched = { ...list[0], NetPrice: unused, ReduceStandardPriceByPercent: 15 };
			request
				.mockResolvedValueOnce(answer(undefined, 204))
				.mockResolvedValueOnce(answer([switched]))
				.mockResolvedValueOnce(answer({ Id: 4, Number: 'K10004' }));
			const ctx = mockExecuteContext({
				...netPriceParams({ fromQuantity: 0, simplify: true }),
				priceType: 'percent',
				netPrice: undefined,
				reduceStandardPriceByPercent: 15,
			});
			expect(await update.execute.call(ctx, 0)).toEqual([
				{
					itemId: '3',
					customerId: '4',
					customerNumber: 'K10004',
					fromQuantity: 0,
					netPrice: null,
					percentReduction: 15,
				},
			]);
		}
	});

	it('fails with a NodeApiError when the price is missing from the re-read list', async () => {
		request
			.mockResolvedValueOnce(answer(undefined, 204))
			.mockResolvedValueOnce(answer([list[0], list[2]]));
		const error = await operationFailure(update, mockExecuteContext(netPriceParams()));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(
			/^JTL-Wawi answered with an unexpected body: expected the updated price \(customer 4, from quantity 10\)/,
		);
	});

	it('rejects both values before any request', async () => {
		const ctx = mockExecuteContext(netPriceParams({ reduceStandardPriceByPercent: 5 }));
		const error = await operationFailure(update, ctx);
		expect(error.message).toBe(
			'Net Price and Percent Reduction (item 0) are both set; give exactly one of them',
		);
		expect(request).not.toHaveBeenCalled();
	});
});

describe('Customer Price > Delete', () => {
	it('DELETEs the price by its key and reports what was deleted', async () => {
		request.mockResolvedValueOnce(answer(undefined, 204));
		const ctx = mockExecuteContext({
			simplify: false,
			itemId: '3',
			customerId: locator('4'),
			fromQuantity: 50,
		});
		expect(await del.execute.call(ctx, 0)).toEqual([
			{ deleted: true, itemId: 3, customerId: 4, fromQuantity: 50 },
		]);
		expect(request).toHaveBeenCalledTimes(1);
		expect(request).toHaveBeenCalledWith(ctx, 'DELETE', '/items/3/customerPrices/4/50', {
			itemIndex: 0,
		});
	});

	it('uses 0 (the base price) when From Quantity is not set', async () => {
		request.mockResolvedValueOnce(answer(undefined, 204));
		const ctx = mockExecuteContext({ simplify: false, itemId: 3, customerId: locator(4) });
		await del.execute.call(ctx, 0);
		expect(request.mock.calls[0][2]).toBe('/items/3/customerPrices/4/0');
	});

	it('rejects a bad key before any request', async () => {
		const ctx = mockExecuteContext({
			simplify: false,
			itemId: '3',
			customerId: locator('4'),
			fromQuantity: 'ten',
		});
		const error = await operationFailure(del, ctx, 2);
		expect(error.message).toBe('From Quantity (item 2) must be a whole number');
		expect(error.context.itemIndex).toBe(2);
		expect(request).not.toHaveBeenCalled();
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
		const out = await getAll.execute.call(
			mockExecuteContext({
				simplify: false,
				itemId: '4',
				returnAll: true,
				filters: { customerId: '2' },
			}),
			0,
		);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'GET', '/items/4/customerPrices', {
			itemIndex: 0,
		});
		expect(out).toEqual(prices.slice(1));
	});

	it('rejects a bad customer filter before any request', async () => {
		const error = await getAll.execute
			.call(
				mockExecuteContext({
					simplify: false,
					itemId: '4',
					returnAll: true,
					filters: { customerId: 'K1' },
				}),
				0,
			)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Filters > Customer ID (item 0) must be a positive whole number (v1) or a UUID (v2)',
		);
		expect(request).not.toHaveBeenCalled();
	});
});
