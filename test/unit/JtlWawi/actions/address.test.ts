/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { NodeOperationError } from 'n8n-workflow';

import * as add from '../../../../nodes/JtlWawi/actions/address/add.operation';
import * as getAll from '../../../../nodes/JtlWawi/actions/address/getAll.operation';
import * as update from '../../../../nodes/JtlWawi/actions/address/update.operation';
import { jtlApiRequest } from '../../../../nodes/JtlWawi/transport';
import { answer, locator, mockExecuteContext } from '../../../harness/mockContext';

jest.mock('../../../../nodes/JtlWawi/transport', () => ({
	...jest.requireActual('../../../../nodes/JtlWawi/transport'),
	jtlApiRequest: jest.fn(),
	// The credential's Time Zone (a mocked context has no credentials).
	jtlTimeZone: jest.fn(async () => 'Europe/Berlin'),
}));
const request = jtlApiRequest as jest.MockedFunction<typeof jtlApiRequest>;

const CUSTOMER = 'b45f6432-2462-4c6f-b00f-1d9d01000000';
const ADDRESS = '11111111-2222-4333-8444-555555555555';
const NEW_ADDRESS = '99999999-2222-4333-8444-555555555555';

beforeEach(() => request.mockReset());

describe('Address > Get Many', () => {
	it('flattens every kind of v1 address with its type and the customer ID', async () => {
		request.mockResolvedValue(
			answer({
				Id: 5,
				BillingAddress: { City: 'Kiel' },
				Shipmentaddress: { City: 'Hamburg' },
				CustomAddress: null,
				OtherAddresses: {
					OtherBillingAddresses: [{ City: 'Bremen' }],
					OtherShippingAddresses: [],
					OtherCustomerAddresses: [{ City: 'Lübeck' }, { City: 'Rostock' }],
				},
			}) as any,
		);
		const out = await getAll.execute.call(
			mockExecuteContext({ simplify: false, customerId: locator(5) }),
			0,
		);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'GET', '/customers/5', {
			itemIndex: 0,
		});
		expect(out).toEqual([
			{ customerId: 5, type: 'billing', City: 'Kiel' },
			{ customerId: 5, type: 'shipping', City: 'Hamburg' },
			{ customerId: 5, type: 'otherBilling', City: 'Bremen' },
			{ customerId: 5, type: 'otherCustom', City: 'Lübeck' },
			{ customerId: 5, type: 'otherCustom', City: 'Rostock' },
		]);
	});

	it('returns the v2 addresses of a UUID with the customer ID', async () => {
		request.mockResolvedValue(
			answer({ id: CUSTOMER, addresses: [{ customerAddressId: ADDRESS, addressType: 0 }] }) as any,
		);
		const out = await getAll.execute.call(
			mockExecuteContext({ simplify: false, customerId: locator(CUSTOMER) }),
			0,
		);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'GET', `/v2/customers/${CUSTOMER}`, {
			itemIndex: 0,
		});
		expect(out).toEqual([{ customerId: CUSTOMER, customerAddressId: ADDRESS, addressType: 0 }]);
	});
});

describe('Address > Update', () => {
	it('sends only the given fields of the address through the update command, then returns the address as read back', async () => {
		request
			.mockResolvedValueOnce(
				answer({ id: CUSTOMER, addresses: [{ customerAddressId: ADDRESS, city: 'Kiel' }] }) as any,
			)
			.mockResolvedValueOnce(answer('Customer changed successfully') as any)
			.mockResolvedValueOnce(
				answer({
					id: CUSTOMER,
					addresses: [{ customerAddressId: ADDRESS, street: 'Neu 1', city: 'Kiel' }],
				}) as any,
			);
		const out = await update.execute.call(
			mockExecuteContext({
				simplify: false,
				customerId: locator(CUSTOMER),
				addressId: ADDRESS,
				updateFields: { street: 'Neu 1' },
			}),
			0,
		);
		expect(request.mock.calls[1].slice(1)).toEqual([
			'PATCH',
			'/v2/customer/update',
			{
				body: {
					customerId: CUSTOMER,
					addresses: [{ customerAddressId: ADDRESS, street: 'Neu 1' }],
				},
				itemIndex: 0,
			},
		]);
		expect(out).toEqual([
			{ customerId: CUSTOMER, customerAddressId: ADDRESS, street: 'Neu 1', city: 'Kiel' },
		]);
	});

	it.each([
		[
			{ updateFields: {} },
			'Nothing to update (item 0): add at least one address field under Update Fields or Extra Body Fields',
		],
		[
			{ updateFields: { addressType: 2 } },
			'Update Fields > addressType (item 0) is not a known field',
		],
		[
			{ updateFields: { emailAddress: 'nope' } },
			'Update Fields > Email (item 0) must be an email address',
		],
		[
			{ addressId: 'billing', updateFields: { city: 'Kiel' } },
			'Address (item 0) must be a UUID such as b45f6432-2462-4c6f-b00f-1d9d01000000',
		],
	])('rejects %j before any request', async (overrides, message) => {
		const error = await update.execute
			.call(
				mockExecuteContext({
					simplify: false,
					customerId: locator(CUSTOMER),
					addressId: ADDRESS,
					...overrides,
				}),
				0,
			)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(request).not.toHaveBeenCalled();
	});
});

/**
 * A fake JTL for Address > Add: customer 12 (K12) with a billing address in Kiel; the PATCH adds a
 * Bremen address with addressType 1, which the v1 record then shows in `slot`.
 */
function fakeCustomerApi(slot: string) {
	const v1Before = { Id: 12, Number: 'K12', BillingAddress: { City: 'Kiel' } };
	const v1After = { ...v1Before, [slot]: { City: 'Bremen' } };
	let patched = false;
	request.mockImplementation(async (_ctx, method, path) => {
		if (method === 'PATCH') {
			patched = true;
			return answer('Customer changed successfully') as any;
		}
		if (path === '/customers')
			return answer({ Items: [v1Before], HasNextPage: false, TotalItems: 1 }) as any;
		if (path === '/customers/12') return answer(patched ? v1After : v1Before) as any;
		return answer({
			id: CUSTOMER,
			customerNumber: 'K12',
			addresses: [
				{ customerAddressId: ADDRESS, addressType: 0, city: 'Kiel' },
				...(patched ? [{ customerAddressId: NEW_ADDRESS, addressType: 1, city: 'Bremen' }] : []),
			],
		}) as any;
	});
}

describe('Address > Add', () => {
	it('sends one address without ID through the update command and returns the address that appeared', async () => {
		fakeCustomerApi('Shipmentaddress');
		const out = await add.execute.call(
			mockExecuteContext({
				simplify: false,
				customerId: locator(CUSTOMER),
				addressType: 1,
				fields: { city: 'Bremen', countryIso: 'DE' },
			}),
			0,
		);
		const patch = request.mock.calls.find((c) => c[1] === 'PATCH');
		expect(patch?.slice(1)).toEqual([
			'PATCH',
			'/v2/customer/update',
			{
				body: {
					customerId: CUSTOMER,
					addresses: [{ addressType: 1, city: 'Bremen', countryIso: 'DE' }],
				},
				itemIndex: 0,
				idempotent: false,
			},
		]);
		// Before the write: the v2 record and the customer's v1 record (the kinds it names);
		// after it: both again, to return the address and check its kind.
		expect(request.mock.calls.map((c) => `${c[1]} ${c[2]}`)).toEqual([
			`GET /v2/customers/${CUSTOMER}`,
			'GET /customers',
			'GET /customers/12',
			'PATCH /v2/customer/update',
			`GET /v2/customers/${CUSTOMER}`,
			'GET /customers/12',
		]);
		expect(out).toEqual([
			{ customerId: CUSTOMER, customerAddressId: NEW_ADDRESS, addressType: 1, city: 'Bremen' },
		]);
	});

	it('rejects an unknown or missing address type and a numeric customer before any request', async () => {
		const kinds = 'Billing (0), Custom (4), Other Billing (2), Other Shipping (3), Shipping (1)';
		const typeError = async (addressType: unknown) =>
			(
				await add.execute
					.call(
						mockExecuteContext({
							simplify: false,
							customerId: locator(CUSTOMER),
							addressType,
							fields: {},
						}),
						0,
					)
					.catch((e) => e)
			).message;
		expect(await typeError(-1)).toBe(`Address Type (item 0) must be one of ${kinds}`);
		expect(await typeError(7)).toBe(`Address Type (item 0) must be one of ${kinds}`);
		// No kind is picked for the user: an untouched Address Type is refused, not sent as one.
		expect(await typeError('')).toBe(`Address Type (item 0) is required: choose one of ${kinds}`);
		const numeric = await add.execute
			.call(
				mockExecuteContext({
					simplify: false,
					customerId: locator('K12'),
					addressType: 1,
					fields: {},
				}),
				2,
			)
			.catch((e) => e);
		expect(numeric.message).toBe(
			'Customer (item 2) must be a positive whole number (v1) or a UUID (v2)',
		);
		expect(request).not.toHaveBeenCalled();
	});

	it('offers the address types by name, with none picked in advance', () => {
		const field = add.description.find((p) => p.name === 'addressType')!;
		expect(field).toMatchObject({ type: 'options', default: '', required: true });
		expect(field.options?.map((o) => (o as { name: string }).name)).toEqual([
			'Billing',
			'Custom',
			'Other Billing',
			'Other Shipping',
			'Shipping',
		]);
	});

	it('fails naming the new address when JTL files it as another kind (address types numbered otherwise)', async () => {
		fakeCustomerApi('CustomAddress');
		const error = await add.execute
			.call(
				mockExecuteContext({
					simplify: false,
					customerId: locator(CUSTOMER),
					addressType: 1,
					fields: { city: 'Bremen' },
				}),
				0,
			)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Address Type (item 0): JTL-Wawi filed the new address as a custom address, not as asked',
		);
		expect(error.description).toContain(`Added: ${NEW_ADDRESS}`);
	});

	it('takes the type as a number or as its numeric text from an expression', async () => {
		fakeCustomerApi('Shipmentaddress');
		await add.execute.call(
			mockExecuteContext({
				simplify: false,
				customerId: locator(CUSTOMER),
				addressType: '1',
				fields: { city: 'Kiel' },
			}),
			0,
		);
		const patch = request.mock.calls.find((c) => c[1] === 'PATCH')!;
		expect((patch[3] as any).body.addresses).toEqual([{ addressType: 1, city: 'Kiel' }]);
	});
});
