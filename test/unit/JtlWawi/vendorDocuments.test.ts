/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
// Unit tests (mocked transport) for what JTL's documents say: bare-array v2 reference lists, the
// address change through the customer update command, and the v2 customer list of older versions.
import type { ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as update from '../../../nodes/JtlWawi/actions/address/update.operation';
import * as getAll from '../../../nodes/JtlWawi/actions/customer/getAll.operation';
import { requiresV2List, V2_CUSTOMER_LIST_VERSION } from '../../../nodes/JtlWawi/helpers/v2Lists';
import * as listSearch from '../../../nodes/JtlWawi/methods/listSearch';
import * as loadOptions from '../../../nodes/JtlWawi/methods/loadOptions';
import { jtlApiRequest, readV2ReferencePage } from '../../../nodes/JtlWawi/transport';
import { answer, locator, mockExecuteContext, testNode } from '../../harness/mockContext';

jest.mock('../../../nodes/JtlWawi/transport', () => ({
	...jest.requireActual('../../../nodes/JtlWawi/transport'),
	jtlApiRequest: jest.fn(),
	// The credential's Time Zone (a mocked context has no credentials).
	jtlTimeZone: jest.fn(async () => 'Europe/Berlin'),
}));
const request = jtlApiRequest as jest.MockedFunction<typeof jtlApiRequest>;

const CUSTOMER = 'b45f6432-2462-4c6f-b00f-1d9d01000000';
const ADDRESS = '11111111-2222-4333-8444-555555555555';
const GROUP_A = '22222222-2222-4333-8444-555555555555';
const GROUP_B = '33333333-2222-4333-8444-555555555555';

const loadContext = () => ({ getNode: () => testNode }) as unknown as ILoadOptionsFunctions;
const httpError = (httpCode: string) =>
	new NodeApiError(testNode, { message: 'Not Found' } as JsonObject, { httpCode });

beforeEach(() => request.mockReset());

describe('v2 reference lists: a bare array or the paged envelope', () => {
	it('reads a bare array as the whole list and a paged envelope as one page', () => {
		expect(readV2ReferencePage([{ id: GROUP_A }])).toEqual({
			items: [{ id: GROUP_A }],
			hasMore: false,
		});
		expect(
			readV2ReferencePage({ items: [{ id: GROUP_A }], hasNextPage: true, totalItems: 2 }),
		).toEqual({ items: [{ id: GROUP_A }], hasMore: true, total: 2 });
	});

	it.each([
		[
			'camelCase',
			[
				{ id: GROUP_B, name: 'Händler', isDefault: false },
				{ id: GROUP_A, name: 'Endkunden', isDefault: true },
			],
		],
		[
			'PascalCase (the 2.0 spec)',
			[
				{ Id: GROUP_B, Name: 'Händler', IsDefault: false },
				{ Id: GROUP_A, Name: 'Endkunden', IsDefault: true },
			],
		],
	])(
		'fills the customer group dropdown from a bare array in %s with one request',
		async (_, list) => {
			request.mockResolvedValue(answer(list) as any);
			const options = await loadOptions.getCustomerGroupsV2.call(loadContext());
			expect(options).toEqual([
				{ name: 'Endkunden', value: GROUP_A },
				{ name: 'Händler', value: GROUP_B },
			]);
			expect(request).toHaveBeenCalledTimes(1);
			expect(request.mock.calls[0][2]).toBe('/v2/customerGroups');
		},
	);

	it('fills the customer category dropdown from a bare array', async () => {
		request.mockResolvedValue(answer([{ id: GROUP_A, name: 'Stammkunde' }]) as any);
		expect(await loadOptions.getCustomerCategoriesV2.call(loadContext())).toEqual([
			{ name: 'Stammkunde', value: GROUP_A },
		]);
	});

	it('still pages a paged envelope until hasNextPage is false', async () => {
		request
			.mockResolvedValueOnce(
				answer({
					items: Array.from({ length: 100 }, (_, i) => ({ id: `m${i}`, name: `M${i}` })),
					hasNextPage: true,
				}) as any,
			)
			.mockResolvedValueOnce(
				answer({ items: [{ id: 'last', name: 'Z' }], hasNextPage: false }) as any,
			);
		const options = await loadOptions.getPaymentMethodsV2.call(loadContext());
		expect(options).toHaveLength(101);
		expect(request).toHaveBeenCalledTimes(2);
	});
});

describe('Address > Update through the customer update command', () => {
	it('refuses an address the customer does not have, before writing', async () => {
		request.mockResolvedValueOnce(
			answer({ id: CUSTOMER, addresses: [{ customerAddressId: CUSTOMER }] }) as any,
		);
		const error = await update.execute
			.call(
				mockExecuteContext({
					simplify: false,
					customerId: locator(CUSTOMER),
					addressId: ADDRESS,
					updateFields: { city: 'Kiel' },
				}),
				0,
			)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			`Address (item 0) ${ADDRESS} is not an address of customer ${CUSTOMER}`,
		);
		expect(request).toHaveBeenCalledTimes(1);
		expect(request.mock.calls[0][1]).toBe('GET');
	});

	it('sends the documented flat names, the default flag included, in addresses[]', async () => {
		request
			.mockResolvedValueOnce(
				answer({ id: CUSTOMER, addresses: [{ customerAddressId: ADDRESS.toUpperCase() }] }) as any,
			)
			.mockResolvedValueOnce(answer('Customer changed successfully') as any)
			.mockResolvedValueOnce(
				answer({ id: CUSTOMER, addresses: [{ customerAddressId: ADDRESS, vatId: 'DE1' }] }) as any,
			);
		const out = await update.execute.call(
			mockExecuteContext({
				simplify: false,
				customerId: locator(CUSTOMER),
				addressId: ADDRESS,
				updateFields: { vatId: 'DE1', faxNumber: '040 1', isDefaultAddress: true },
			}),
			0,
		);
		expect(request.mock.calls[1].slice(1)).toEqual([
			'PATCH',
			'/v2/customer/update',
			{
				body: {
					customerId: CUSTOMER,
					addresses: [
						{
							customerAddressId: ADDRESS,
							vatId: 'DE1',
							faxNumber: '040 1',
							isDefaultAddress: true,
						},
					],
				},
				itemIndex: 0,
			},
		]);
		expect(out).toEqual([{ customerId: CUSTOMER, customerAddressId: ADDRESS, vatId: 'DE1' }]);
	});
});

describe('the v2 customer list on a JTL-Wawi without it', () => {
	const needs = (status: string) =>
		`This operation needs ${V2_CUSTOMER_LIST_VERSION} or newer: this JTL-Wawi has no customer list on REST v2 (GET /v2/customers answered HTTP ${status})`;

	it.each(['404', '405'])('turns a %s into an error naming the version', (status) => {
		const mapped = requiresV2List({ getNode: () => testNode }, httpError(status), 3) as any;
		expect(mapped).toBeInstanceOf(NodeApiError);
		expect(mapped.message).toBe(needs(status));
		expect(mapped.httpCode).toBe(status);
		expect(mapped.context.itemIndex).toBe(3);
		expect(mapped.description).toContain('JTL-Wawi 2.2 or newer');
	});

	it('leaves every other error as it is', () => {
		const ctx = { getNode: () => testNode };
		for (const error of [
			httpError('400'),
			httpError('500'),
			new NodeOperationError(testNode, 'x'),
			new Error('y'),
		]) {
			expect(requiresV2List(ctx, error)).toBe(error);
		}
	});

	it('Customer > Get Many (v2 list) reports a 405 with the version', async () => {
		request.mockRejectedValue(httpError('405'));
		const error = await getAll.execute
			.call(
				mockExecuteContext({
					returnAll: false,
					limit: 5,
					filters: {},
					sort: {},
					simplify: true,
				}),
				0,
			)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(needs('405'));
		expect(request.mock.calls[0][2]).toBe('/v2/customers');
	});

	it('Customer > Get Many on the v1 list keeps a 404 as it is', async () => {
		const notFound = httpError('404');
		request.mockRejectedValue(notFound);
		const error = await getAll.execute
			.call(
				mockExecuteContext({
					returnAll: false,
					limit: 5,
					filters: { searchKeyWord: 'Kiel' },
					sort: {},
					simplify: true,
				}),
				0,
			)
			.catch((e) => e);
		expect(error).toBe(notFound);
	});

	it('the v2 customer search reports a 404 with the version', async () => {
		request.mockRejectedValue(httpError('404'));
		await expect(listSearch.searchCustomersV2.call(loadContext())).rejects.toMatchObject({
			message: needs('404'),
		});
	});
});
