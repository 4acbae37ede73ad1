/**
 * The three transports fill in the same kit: a path builder that encodes every value as one
 * segment, and a request function that reads the credential and the Timeout once per run.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { flowKit, flowApiRequest } from '../../../nodes/FlowRetail/transport';
import { jtlApiRequest, jtlKit } from '../../../nodes/JtlWawi/transport';
import { xentralApiRequest, xentralKit } from '../../../nodes/Xentral/transport';
import type { RunConnection } from '../../../nodes/shared/connection';
import type { CoreResponse, RequestContext, VendorRequest } from '../../../nodes/shared/http';
import type { VendorKit } from '../../../nodes/shared/vendorKit';
import { testNode } from '../../harness/mockContext';

/** One system's kit and request function, their path types widened to text for the table. */
interface System {
	name: string;
	kit: VendorKit<string, RunConnection>;
	request(
		ctx: RequestContext,
		method: 'GET',
		path: string,
		request: VendorRequest,
	): Promise<CoreResponse>;
	credentials: IDataObject;
	url: string;
}

const systems = [
	{
		name: 'JTL-Wawi',
		kit: jtlKit,
		request: jtlApiRequest,
		credentials: {
			environment: 'custom',
			baseUrl: 'http://127.0.0.1:1/erp',
			tenantId: '6c9f3d0e-2b1a-4c8e-9f7d-5a4b3c2d1e0f',
		},
		url: 'http://127.0.0.1:1/erp/customers/a%2Fb',
	},
	{
		name: 'Xentral',
		kit: xentralKit,
		request: xentralApiRequest,
		credentials: { instance: 'https://erp.example.com', token: 'pat-12345' },
		url: 'https://erp.example.com/customers/a%2Fb',
	},
	{
		name: 'Flow Retail',
		kit: flowKit,
		request: flowApiRequest,
		credentials: {
			environment: 'custom',
			baseUrl: 'http://localhost:1/api',
			tenantUid: 'shop-1',
			token: 'flow-token',
		},
		url: 'http://localhost:1/api/tenants/shop-1/customers/a%2Fb',
	},
] as unknown as System[];

function run(credentials: IDataObject, items: number) {
	const ctx = {
		getNode: () => testNode,
		getInputData: () => Array.from({ length: items }, () => ({ json: {} })),
		getCredentials: jest.fn().mockResolvedValue(credentials),
		getNodeParameter: jest
			.fn()
			.mockImplementation((name: string, _i: number, fallback: unknown) =>
				name === 'requestTimeout' ? 7 : fallback,
			),
		helpers: {
			httpRequestWithAuthentication: jest
				.fn()
				.mockResolvedValue({ statusCode: 200, headers: {}, body: {} }),
		},
	};
	return ctx;
}

describe.each(systems)('$name transport kit', ({ kit, request, credentials, url }) => {
	it('builds paths whose values cannot change the path', () => {
		expect(kit.path`/customers/${'a/b'}/${'..'}`).toBe('/customers/a%2Fb/%2E%2E');
	});

	it('reads the credential and the Timeout once for all requests of a run', async () => {
		const ctx = run(credentials, 3);
		for (let itemIndex = 0; itemIndex < 3; itemIndex++)
			await request(ctx as unknown as IExecuteFunctions, 'GET', kit.path`/customers/${'a/b'}`, {
				itemIndex,
			});
		expect(ctx.getCredentials).toHaveBeenCalledTimes(1);
		const timeoutReads = ctx.getNodeParameter.mock.calls.filter(
			([name]) => name === 'requestTimeout',
		);
		expect(timeoutReads).toHaveLength(1);
		const sent = ctx.helpers.httpRequestWithAuthentication.mock.calls.map(([, options]) => options);
		expect(sent).toHaveLength(3);
		for (const options of sent) {
			expect(options.url).toBe(url);
			expect(options.timeout).toBe(7_000);
		}
	});
});
