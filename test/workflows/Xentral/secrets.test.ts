/**
 * The personal access token never leaves the core: failing runs against a Xentral sandbox whose
 * error bodies echo the request with its unmasked headers, the token searched in the output items,
 * the stored run and the error.
 */
import { clock } from '../../../nodes/shared/clock';
import { continueOnFail } from '../../harness/jtlSuite';
import { useXentralSandbox, XENTRAL_SANDBOX_TOKEN } from '../../harness/xentralSuite';

const xentral = useXentralSandbox(['--rate-limit', '0']);

beforeEach(() => {
	jest.spyOn(clock, 'sleep').mockImplementation(async () => {});
});
afterEach(() => jest.restoreAllMocks());

const STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 503];
const BODIES: Array<[string, unknown]> = [
	['problem', undefined],
	['token in the title', { type: 'about:blank', title: `Bearer ${XENTRAL_SANDBOX_TOKEN}` }],
	['token in violations', { title: 'x', violations: { token: [XENTRAL_SANDBOX_TOKEN] } }],
	['text', `Authorization: Bearer ${XENTRAL_SANDBOX_TOKEN}`],
];

describe('echoing error bodies leak no token', () => {
	const cases = STATUSES.flatMap((status) =>
		BODIES.flatMap(([name, body]) =>
			[true, false].map((onFail) => [status, name, body, onFail] as const),
		),
	);

	it.each(cases)('HTTP %i, %s, continue on fail %s', async (status, _name, body, onFail) => {
		await xentral.sandbox.fault({
			method: 'GET',
			pathRegex: '^/api/v2/customers/',
			status,
			body,
			echo: true,
			times: 10,
		});
		const result = await xentral.run(
			'Xentral/customer-get.workflow.json',
			[{ customerId: '4' }],
			onFail ? continueOnFail : undefined,
		);
		const everything = JSON.stringify({
			output: result.output('Xentral'),
			error: result.error,
			run: result.run,
		});
		expect(everything).not.toContain(XENTRAL_SANDBOX_TOKEN);
		if (onFail) expect(result.output('Xentral')[0].error).toBeDefined();
		else expect(result.error?.httpCode).toBe(String(status));
	});
});
