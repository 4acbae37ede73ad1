/**
 * One run of the Xentral node over several items: the credential is read and decrypted once, and
 * the Timeout option read once, however many items and requests the run makes.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { Xentral } from '../../../../nodes/Xentral/Xentral.node';
import { testNode } from '../../../harness/mockContext';

const CUSTOMER = {
	id: '12',
	number: '10012',
	customerType: 'company',
	name: 'ACME GmbH',
	contactDetails: { email: 'a@acme.example' },
	address: { street: 'Weg 1', zip: '1010', city: 'Wien', country: 'at' },
};

function runContext(items: number) {
	const parameters: IDataObject = {
		resource: 'customer',
		operation: 'get',
		customerId: { __rl: true, mode: 'id', value: '12' },
		simplify: true,
		requestTimeout: 20,
	};
	const parameterReads: string[] = [];
	const ctx = {
		getNode: () => ({ ...testNode, name: 'Xentral', type: 'n8n-nodes-erp-customers.xentral' }),
		getInputData: () => Array.from({ length: items }, () => ({ json: {} })),
		continueOnFail: () => false,
		getNodeParameter: (name: string, _item: number, fallback?: unknown, options?: IDataObject) => {
			parameterReads.push(name);
			const value = parameters[name] ?? fallback;
			if (options?.extractValue && value && typeof value === 'object')
				return (value as IDataObject).value;
			return value;
		},
		getCredentials: jest.fn().mockResolvedValue({
			instance: 'https://erp.example.com',
			token: 'pat-secret-token',
			timeZone: 'Europe/Berlin',
		}),
		helpers: {
			httpRequestWithAuthentication: jest.fn().mockImplementation(async (_type, options) => ({
				statusCode: 200,
				headers: {},
				body: { data: CUSTOMER },
				timeout: options.timeout,
			})),
			returnJsonArray: (records: IDataObject[]) => records.map((json) => ({ json })),
			constructExecutionMetaData: (items: IDataObject[], { itemData }: IDataObject) =>
				items.map((item) => ({ ...item, pairedItem: itemData })),
		},
	};
	return { ctx, parameterReads };
}

describe('a Xentral run of several items', () => {
	it('reads the credential once and the Timeout option once, and applies the Timeout to every request', async () => {
		const { ctx, parameterReads } = runContext(4);
		const [out] = await new Xentral().execute.call(ctx as unknown as IExecuteFunctions);
		expect(out).toHaveLength(4);
		expect(out.map((item) => item.json.id)).toEqual(['12', '12', '12', '12']);
		expect(ctx.helpers.httpRequestWithAuthentication).toHaveBeenCalledTimes(4);
		expect(ctx.getCredentials).toHaveBeenCalledTimes(1);
		expect(parameterReads.filter((name) => name === 'requestTimeout')).toHaveLength(1);
		for (const [, options] of ctx.helpers.httpRequestWithAuthentication.mock.calls)
			expect(options.timeout).toBe(20_000);
	});

	it('reads the credential again in the next run', async () => {
		const first = runContext(2);
		await new Xentral().execute.call(first.ctx as unknown as IExecuteFunctions);
		const second = runContext(2);
		await new Xentral().execute.call(second.ctx as unknown as IExecuteFunctions);
		expect(first.ctx.getCredentials).toHaveBeenCalledTimes(1);
		expect(second.ctx.getCredentials).toHaveBeenCalledTimes(1);
	});
});
