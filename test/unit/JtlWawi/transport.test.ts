import type { IExecuteFunctions } from 'n8n-workflow';

import { jtlApiRequest, jtlPath, parseJtlError } from '../../../nodes/JtlWawi/transport';
import { testNode } from '../../harness/mockContext';

describe('parseJtlError', () => {
	it('renders a v2 ProblemDetails body as readable text', () => {
		const text = parseJtlError(
			{
				type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
				title: 'One or more validation errors occurred.',
				status: 400,
				detail: 'The address could not be saved',
				errors: [
					{ name: 'Address.CountryISO2', reason: 'must be two letters' },
					{ name: 'Identity.LastName', reason: 'is too long' },
				],
			},
			400,
		);
		expect(text).toEqual({
			message: 'JTL-Wawi: One or more validation errors occurred.',
			description:
				'The address could not be saved. Field errors: Address.CountryISO2: must be two letters; Identity.LastName: is too long.',
		});
		expect(JSON.stringify(text)).not.toContain('[object Object]');
	});

	it('keeps the v1 error body with its field errors', () => {
		expect(
			parseJtlError(
				{
					ErrorCode: 'ValidationError',
					ErrorMessage: 'One or more validation errors occurred.',
					ValidationErrors: { 'BillingAddress.City': 'The field is required.' },
				},
				400,
			),
		).toEqual({
			message: 'JTL-Wawi: One or more validation errors occurred. [ValidationError]',
			description: 'Field errors: BillingAddress.City: The field is required.',
		});
	});

	it('never shows [object Object] for structured values', () => {
		const text = parseJtlError(
			{ title: { en: 'Bad' }, errors: { Street: [{ code: 'len' }] }, code: { n: 1 } },
			400,
		);
		expect(JSON.stringify(text)).not.toContain('[object Object]');
		expect(text?.description).toContain('Street: {"code":"len"}');
	});

	it('uses the detail when a ProblemDetails body has no title', () => {
		expect(parseJtlError({ status: 404, detail: 'Customer not found' }, 404)).toEqual({
			message: 'JTL-Wawi: Customer not found',
			description: undefined,
		});
	});
});

describe('jtlPath', () => {
	it('encodes every value as one path segment, so no value can change the path', () => {
		expect(jtlPath`/customers/${12}/contacts/${'7'}`).toBe('/customers/12/contacts/7');
		expect(jtlPath`/customers/${'1/contacts/2'}`).toBe('/customers/1%2Fcontacts%2F2');
		expect(jtlPath`/customers/${'..'}/x`).toBe('/customers/%2E%2E/x');
		expect(jtlPath`/customers/${'1?number=2#x'}`).toBe('/customers/1%3Fnumber%3D2%23x');
		expect(jtlPath`/v2/customers/${'b45f6432-2462-4c6f-b00f-1d9d01000000'}`).toBe(
			'/v2/customers/b45f6432-2462-4c6f-b00f-1d9d01000000',
		);
	});
});

describe('jtlApiRequest connection settings', () => {
	const credentials = {
		environment: 'custom',
		baseUrl: 'http://127.0.0.1:1/erp',
		tenantId: '6c9f3d0e-2b1a-4c8e-9f7d-5a4b3c2d1e0f',
	};
	const context = () => {
		const ctx = {
			getCredentials: jest.fn().mockResolvedValue(credentials),
			getNode: () => testNode,
			helpers: {
				httpRequestWithAuthentication: jest
					.fn()
					.mockResolvedValue({ statusCode: 200, headers: {}, body: [] }),
			},
		};
		return ctx;
	};

	it('reads and decrypts the credential once per node run, not once per request', async () => {
		const run = context();
		for (let i = 0; i < 5; i++)
			await jtlApiRequest(run as unknown as IExecuteFunctions, 'GET', jtlPath`/customers`, {
				itemIndex: i,
			});
		expect(run.getCredentials).toHaveBeenCalledTimes(1);
		expect(run.helpers.httpRequestWithAuthentication).toHaveBeenCalledTimes(5);
		const nextRun = context();
		await jtlApiRequest(nextRun as unknown as IExecuteFunctions, 'GET', jtlPath`/customers`);
		expect(nextRun.getCredentials).toHaveBeenCalledTimes(1);
	});

	it('asks again after a credential that could not be used', async () => {
		const run = context();
		run.getCredentials.mockResolvedValueOnce({ ...credentials, tenantId: 'nope' });
		await expect(
			jtlApiRequest(run as unknown as IExecuteFunctions, 'GET', jtlPath`/customers`),
		).rejects.toThrow('Tenant ID');
		await jtlApiRequest(run as unknown as IExecuteFunctions, 'GET', jtlPath`/customers`);
		expect(run.getCredentials).toHaveBeenCalledTimes(2);
	});
});
