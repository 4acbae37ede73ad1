import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runConnection } from '../../../nodes/shared/connection';
import type { VendorProfile } from '../../../nodes/shared/http';
import { testNode } from '../../harness/mockContext';

const vendor: VendorProfile = {
	name: 'Test ERP',
	credentialType: 'testErpApi',
	parseError: () => undefined,
	secretsOf: (credentials) => [String(credentials.token)],
};

const connection = runConnection(vendor, (ctx, credentials, itemIndex) => {
	if (!credentials.baseUrl)
		throw new NodeOperationError(ctx.getNode(), 'No base URL', { itemIndex });
	return { baseUrl: String(credentials.baseUrl) };
});

function run(timeout: unknown = 12) {
	const credentials = jest.fn().mockResolvedValue({ baseUrl: 'https://erp.test', token: 'tok-123' });
	const parameter = jest.fn().mockImplementation((name: string, _i: number, fallback: unknown) =>
		name === 'requestTimeout' ? timeout : fallback,
	);
	const ctx = {
		getNode: () => testNode,
		getInputData: () => [{ json: {} }],
		getCredentials: credentials,
		getNodeParameter: parameter,
	};
	return { ctx: ctx as unknown as IExecuteFunctions, credentials, parameter };
}

describe('runConnection', () => {
	it('reads the credential and the Timeout once per run, for every item of it', async () => {
		const { ctx, credentials, parameter } = run();
		const seen = await Promise.all([0, 1, 2, 3].map(async (i) => await connection(ctx, i)));
		for (const conn of seen)
			expect(conn).toEqual({ baseUrl: 'https://erp.test', timeoutMs: 12_000 });
		expect(credentials).toHaveBeenCalledTimes(1);
		expect(parameter).toHaveBeenCalledTimes(1);
		const next = run(5);
		expect((await connection(next.ctx, 0)).timeoutMs).toBe(5_000);
		expect(next.credentials).toHaveBeenCalledTimes(1);
	});

	it('keeps no failure: each item that asks is told, with its own index', async () => {
		const { ctx, credentials } = run(-1);
		await expect(connection(ctx, 0)).rejects.toThrow(
			'Timeout (Seconds) must be a number from 1 to 600 (item 0)',
		);
		await expect(connection(ctx, 1)).rejects.toThrow(
			'Timeout (Seconds) must be a number from 1 to 600 (item 1)',
		);
		expect(credentials).toHaveBeenCalledTimes(2);
	});
});
