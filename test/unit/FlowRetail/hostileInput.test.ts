/* eslint-disable @typescript-eslint/no-explicit-any -- editor descriptions and vendor JSON */
/**
 * Every parameter of every Flow Retail operation, fuzzed with hostile values while the others stay
 * valid. Each run ends either in a NodeOperationError that names the field's label and `(item N)`
 * with no request sent, or in requests whose paths match the operation's routes, whose every UID
 * segment matches `^[A-Za-z0-9-_]+$`, and whose query and body carry no control or bidi character,
 * no `[object Object]`, no text longer than 2,000 characters and no unbounded number.
 */
import fc from 'fast-check';
import type { INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resources } from '../../../nodes/FlowRetail/actions/router';
import { flowRequest } from '../../../nodes/FlowRetail/transport';
import { mockExecuteContext } from '../../harness/mockContext';
import type { Params } from '../../harness/mockContext';
import { VALID, respond } from './fixtures';

jest.mock('../../../nodes/FlowRetail/transport', () => ({
	...jest.requireActual('../../../nodes/FlowRetail/transport'),
	flowRequest: jest.fn(),
}));

const request = flowRequest as jest.MockedFunction<typeof flowRequest>;

const U = '[A-Za-z0-9_-]+';
const OWN_ROUTES: Record<string, string[]> = {
	'customer.addExtension': [`POST /customers/${U}/extensions/TWO_INVOICE`],
	'customer.batch': ['POST /customers/batch', `GET /customers/${U}`],
	'customer.create': ['POST /customers', `GET /customers/${U}`],
	'customer.delete': [`DELETE /customers/${U}`],
	'customer.export': [`GET /customers/${U}/export`],
	'customer.externalSearch': ['POST /customers/search/external'],
	'customer.get': [`GET /customers/${U}`],
	'customer.getAll': ['GET /customers'],
	'customer.getForStore': [`GET /stores/${U}/customers/${U}`],
	'customer.removeExtension': [`DELETE /customers/${U}/extensions/TWO_INVOICE`],
	'customer.search': ['POST /customers/search'],
	'customer.update': [`PUT /customers/${U}`],
	'customer.upsert': ['(GET|POST) /customers', `(PUT|GET) /customers/${U}`],
};
for (const [resource, segment] of [
	['customerAddress', 'addresses'],
	['customerContact', 'contacts'],
]) {
	OWN_ROUTES[`${resource}.create`] = [
		`POST /customers/${U}/${segment}`,
		`GET /customers/${U}/${segment}/${U}`,
	];
	OWN_ROUTES[`${resource}.delete`] = [`DELETE /customers/${U}/${segment}/${U}`];
	OWN_ROUTES[`${resource}.get`] = [`GET /customers/${U}/${segment}/${U}`];
	OWN_ROUTES[`${resource}.getAll`] = [`GET /customers/${U}/${segment}`];
	OWN_ROUTES[`${resource}.update`] = [`PUT /customers/${U}/${segment}/${U}`];
}
for (const [resource, collection] of [
	['customerGroup', '/customer-groups'],
	['priceList', '/pricelists'],
	['price', `/pricelists/${U}/prices`],
]) {
	OWN_ROUTES[`${resource}.create`] = [`POST ${collection}`, `GET ${collection}/${U}`];
	OWN_ROUTES[`${resource}.get`] = [`GET ${collection}/${U}`];
	OWN_ROUTES[`${resource}.getAll`] = [`GET ${collection}`];
	OWN_ROUTES[`${resource}.update`] = [`PUT ${collection}/${U}`];
}

const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u;
const HUGE = 'x'.repeat(100_000);
const text = fc.string({ maxLength: 12 });
const controlChar = fc.constantFrom(
	'\u0000',
	'\r\n',
	'\n',
	'\t',
	'\u001b',
	'\u007f',
	'\u0085',
	'\u202e',
	'\u2066',
	'\u200f',
	'\u2028',
	'\ufeff',
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(
		HUGE,
		'',
		' ',
		'../x',
		'..',
		'a/b',
		'a?x=2',
		'a#frag',
		'%2e%2e',
		'a%2Fb',
		' a ',
		'a b',
		NaN,
		Infinity,
		-1,
		1.5,
		1e308,
		2 ** 31,
		0,
		null,
		true,
		false,
		{},
		[],
		{ __rl: true, mode: 'id', value: '../1' },
		{ toString: 'x' },
	),
	fc.tuple(text, controlChar, text).map(([a, c, b]) => a + c + b),
	fc.double(),
	fc.integer(),
	fc.object({ maxDepth: 1, maxKeys: 3 }),
	fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
	text,
);

function fieldsOf(resource: string, operation: string): INodeProperties[] {
	return (resources[resource].description as INodeProperties[]).filter(
		(p) =>
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
}

function leavesOf(value: unknown, out: Array<string | number> = []): Array<string | number> {
	if (typeof value === 'string' || typeof value === 'number') out.push(value);
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			out.push(k);
			leavesOf(v, out);
		}
	return out;
}

interface Case {
	parameter: string;
	inner?: string;
	labels: string[];
}

function casesOf(fields: INodeProperties[]): Case[] {
	const cases: Case[] = [];
	const seen = new Set<string>();
	for (const field of fields) {
		if (seen.has(field.name)) continue;
		seen.add(field.name);
		const labels = fields.filter((f) => f.name === field.name).map((f) => f.displayName);
		cases.push({ parameter: field.name, labels });
		if (field.type === 'collection')
			for (const option of (field.options ?? []) as INodeProperties[])
				cases.push({
					parameter: field.name,
					inner: option.name,
					labels: [`${field.displayName} > ${option.displayName}`, field.displayName],
				});
	}
	return cases;
}

const operations = Object.entries(resources).flatMap(([resource, module]) =>
	Object.keys(module.operations).map((operation) => ({ resource, operation })),
);

let tried = 0;
let refused = 0;
let sent = 0;

describe('hostile parameter values (Flow Retail)', () => {
	it('covers every operation of the router', () => {
		expect(operations).toHaveLength(35);
		for (const { resource, operation } of operations)
			expect(OWN_ROUTES[`${resource}.${operation}`]).toBeDefined();
	});

	it.each(operations)('$resource > $operation', async ({ resource, operation }) => {
		const key = `${resource}.${operation}`;
		const op = resources[resource].operations[operation];
		const routes = OWN_ROUTES[key].map((r) => new RegExp(`^${r}$`));
		for (const testCase of casesOf(fieldsOf(resource, operation))) {
			await fc.assert(
				fc.asyncProperty(hostile, fc.nat(3), async (value, itemIndex) => {
					tried++;
					const params: Params = { ...VALID[key] };
					params[testCase.parameter] = testCase.inner
						? { ...((VALID[key][testCase.parameter] as object) ?? {}), [testCase.inner]: value }
						: value;
					const calls: Array<{ method: string; path: string; qs: unknown; body: unknown }> = [];
					request.mockReset();
					request.mockImplementation(async (_ctx, method, path, req = {}) => {
						calls.push({ method, path, qs: req.qs, body: req.body });
						return respond(method, path, req.body) as any;
					});
					const ctx = {
						...mockExecuteContext([params, params, params, params]),
						continueOnFail: () => false,
					} as any;
					let failure: unknown;
					try {
						await op.execute.call(ctx, itemIndex);
					} catch (error) {
						failure = error;
					}
					const where = `${key} ${testCase.parameter}${testCase.inner ? `.${testCase.inner}` : ''} = ${String(JSON.stringify(value)).slice(0, 80)}`;
					if (calls.length === 0) {
						if (!(failure instanceof NodeOperationError))
							throw new Error(`${where}: no request and ${String(failure)}`);
						if (
							!failure.message.includes(`(item ${itemIndex})`) &&
							!failure.message.includes('(item 0)')
						)
							throw new Error(`${where}: "${failure.message}" names no item`);
						if (!testCase.labels.some((label) => failure.message.includes(label)))
							throw new Error(`${where}: "${failure.message}" names none of ${testCase.labels}`);
						refused++;
						return;
					}
					sent++;
					if (
						failure &&
						!(failure instanceof NodeOperationError || failure instanceof NodeApiError)
					)
						throw new Error(`${where}: ${String(failure)}`);
					for (const call of calls) {
						if (!routes.some((r) => r.test(`${call.method} ${call.path}`)))
							throw new Error(`${where}: unexpected request ${call.method} ${call.path}`);
						for (const s of leavesOf({ qs: call.qs, body: call.body })) {
							if (typeof s === 'number') {
								if (!Number.isFinite(s) || Math.abs(s) >= 1e12)
									throw new Error(`${where}: sent the number ${s}`);
								continue;
							}
							if (UNSAFE.test(s)) throw new Error(`${where}: sent ${JSON.stringify(s)}`);
							if (s.length > 2000) throw new Error(`${where}: sent ${s.length} characters`);
							if (s.includes('[object')) throw new Error(`${where}: sent ${s}`);
						}
					}
				}),
				{ numRuns: 25, seed: 11 },
			);
		}
	});

	it('tried thousands of values, each refused naming field and item or sent on a valid route', () => {
		expect(tried).toBeGreaterThanOrEqual(5_000);
		expect(refused + sent).toBe(tried);
		expect(refused).toBeGreaterThan(0);
		expect(sent).toBeGreaterThan(0);
		// eslint-disable-next-line no-console
		console.log(`Flow Retail hostile input: ${tried} tried, ${refused} refused, ${sent} sent`);
	});
});
