import { oauth2Secrets, scrubError, scrubText, scrubValue } from '../../../nodes/shared/secrets';

describe('scrubbing secrets', () => {
	it('masks known values in their plain, URL-encoded and JSON-escaped forms', () => {
		const secret = 'p/ss wörd"1';
		const text = `a ${secret} b ${encodeURIComponent(secret)} c ${JSON.stringify(secret)}`;
		expect(scrubText(text, [secret])).not.toMatch(/ss/);
	});

	it('masks any Authorization value, header map or form field', () => {
		expect(scrubText('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer ***');
		expect(scrubText('{"authorization":"Basic eHk6eno="}')).toBe('{"authorization":"***"}');
		expect(scrubText('grant_type=x&client_secret=s3cr3t')).toBe('grant_type=x&client_secret=***');
		expect(scrubValue({ headers: { Authorization: 'x y' }, n: 1 })).toEqual({
			headers: { Authorization: '***' },
			n: 1,
		});
	});

	it('scrubs an error, its stored body and its causes', () => {
		const cause = new Error('token tok-123456 refused');
		const error = Object.assign(new Error('failed with tok-123456', { cause }), {
			description: 'tok-123456',
			errorResponse: { request: { headers: { 'x-other': 'tok-123456' } } },
		});
		scrubError(error, ['tok-123456']);
		expect(
			JSON.stringify({ ...error, m: error.message, s: error.stack, c: cause.message }),
		).not.toContain('tok-123456');
	});

	it('names an OAuth2 credential’s secret, Basic value and tokens', () => {
		const secrets = oauth2Secrets({
			clientId: 'id',
			clientSecret: 'secret',
			oauthTokenData: { access_token: 'access-1' },
		});
		expect(secrets).toEqual(
			expect.arrayContaining(['secret', Buffer.from('id:secret').toString('base64'), 'access-1']),
		);
	});
});
