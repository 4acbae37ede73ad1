import { xentralBaseUrl } from '../../../credentials/XentralApi.credentials';
import {
	idFromLocation,
	pageOf,
	parseXentralError,
	violationLines,
} from '../../../nodes/Xentral/transport';
import { testNode } from '../../harness/mockContext';

const ctx = { getNode: () => testNode };

describe('Xentral instance addresses', () => {
	it.each([
		['acme', 'https://acme.xentral.biz'],
		['My-Shop', 'https://my-shop.xentral.biz'],
		['https://erp.example.com/', 'https://erp.example.com'],
		['https://erp.example.com/xentral', 'https://erp.example.com/xentral'],
		['http://localhost:4200', 'http://localhost:4200'],
		['http://127.0.0.1:4200/', 'http://127.0.0.1:4200'],
	])('%s → %s', (instance, url) => expect(xentralBaseUrl(instance)).toBe(url));

	it.each([
		'http://erp.example.com',
		'ftp://x',
		'acme.xentral',
		'',
		'https://u:p@x.com',
		'https://x.com/?a=1',
		42,
	])('refuses %p', (instance) => expect(xentralBaseUrl(instance)).toBeUndefined());
});

describe('RFC 7807 problems', () => {
	it('gives the title and each field message of a request-validation problem', () => {
		expect(
			parseXentralError(
				{
					type: 'https://api.xentral.biz/problems/request-validation',
					title: 'Request payload validation failed.',
					violations: {
						contactDetails: { email: ['This value is not a valid email address.'] },
						_: ['This value should contain at most `9` elements.'],
					},
				},
				400,
			),
		).toEqual({
			message:
				'Xentral: Request payload validation failed. contactDetails.email: This value is not a valid email address.; This value should contain at most `9` elements.',
			description:
				'contactDetails.email: This value is not a valid email address.; This value should contain at most `9` elements.',
		});
	});

	it('shows a violation list of {propertyPath, message} as "field: message" lines', () => {
		const problem = {
			type: 'https://api.xentral.biz/problems/request-validation',
			title: 'Request payload validation failed.',
			violations: [
				{
					propertyPath: 'contactDetails.email',
					message: 'This value is not a valid email address.',
				},
				{ propertyPath: 'name', message: 'This value should not be blank.', code: 'c1e' },
			],
		};
		const text = parseXentralError(problem, 400);
		expect(text).toEqual({
			message:
				'Xentral: Request payload validation failed. contactDetails.email: This value is not a valid email address.; name: This value should not be blank.',
			description:
				'contactDetails.email: This value is not a valid email address.; name: This value should not be blank.',
		});
		expect(JSON.stringify(text)).not.toMatch(/propertyPath|\[0\]/);
		// nested under a field of a mirrored payload, and a mirrored list of objects as before
		expect(violationLines({ addresses: [{ propertyPath: 'zip', message: 'too long' }] })).toEqual([
			'addresses.zip: too long',
		]);
		expect(violationLines([{ email: ['invalid'] }])).toEqual(['[0].email: invalid']);
		expect(violationLines({ messages: [{ field: 'number', message: 'taken' }] }.messages)).toEqual([
			'number: taken',
		]);
	});

	it('reads messages as a list or by field, and conflict items', () => {
		expect(parseXentralError({ title: 'Conflict', messages: ['Number taken'] }, 409)?.message).toBe(
			'Xentral: Conflict Number taken',
		);
		expect(violationLines({ number: ['taken', 'too long'] })).toEqual(['number: taken, too long']);
		expect(
			parseXentralError(
				{ title: 'Conflict', items: [{ id: 3, title: 'Price 3', messages: ['exists'] }] },
				409,
			)?.message,
		).toBe('Xentral: Conflict Price 3: exists');
	});

	it('ignores the HTML of a 401 and reads a V3 {message}', () => {
		expect(parseXentralError('<html>401</html>', 401)).toBeUndefined();
		expect(parseXentralError({ message: 'Too Many Requests' }, 429)?.message).toBe(
			'Xentral: Too Many Requests',
		);
	});
});

describe('201 + Location', () => {
	it('reads the trailing ID, or an address word', () => {
		expect(idFromLocation(ctx, { location: 'https://example.xentral.biz/api/users/17' }, 0)).toBe(
			'17',
		);
		expect(
			idFromLocation(ctx, { location: '/api/v2/customers/3/addresses/billingaddress' }, 0, [
				'billingaddress',
			]),
		).toBe('billingaddress');
	});

	it('fails without a usable Location, never returning an empty item', () => {
		expect(() => idFromLocation(ctx, {}, 2)).toThrow('Xentral answered with an unexpected body');
		expect(() => idFromLocation(ctx, { location: '/api/v2/customers/abc' }, 2)).toThrow();
	});
});

describe('list envelopes', () => {
	it('reads data, totalCount and a cursor', () => {
		expect(
			pageOf(
				ctx,
				{ data: [{ id: '1' }], extra: { totalCount: 9, page: { number: 1, size: 10 } } },
				'x',
			),
		).toEqual({ items: [{ id: '1' }], total: 9 });
		expect(
			pageOf(ctx, { data: [], extra: { cursor: { nextCursor: null, size: 10 } } }, 'x'),
		).toEqual({ items: [], total: undefined, nextCursor: null });
		expect(() => pageOf(ctx, { items: [] }, 'a list')).toThrow('expected a list');
	});
});
