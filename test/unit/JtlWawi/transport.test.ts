import { jtlPath, parseJtlError } from '../../../nodes/JtlWawi/transport';

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
