/**
 * Every parameter of every Flow Retail operation, fuzzed with hostile values while the others stay
 * valid. Each run ends either in a NodeOperationError that names the field's label and `(item N)`
 * with no request sent, or in requests whose paths match the operation's routes, whose every UID
 * segment matches `^[A-Za-z0-9-_]+$`, and whose query and body carry no control or bidi character,
 * no `[object Object]`, no text longer than 2,000 characters and no unbounded number.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { resources } from '../../../nodes/FlowRetail/actions/router';
import { flowApiRequest } from '../../../nodes/FlowRetail/transport';
import {
	expectRefusedOrSent,
	fuzzOperation,
	fuzzSuite,
	HUGE_TEXT,
	hostileValues,
} from '../../harness/hostileValues';
import { mockExecuteContext } from '../../harness/mockContext';
import { VALID, respond } from './fixtures';

jest.mock('../../../nodes/FlowRetail/transport', () => ({
	...jest.requireActual('../../../nodes/FlowRetail/transport'),
	flowApiRequest: jest.fn(),
	// The credential's zone for times without an offset; the transport is mocked here.
	flowTimeZone: async () => 'Europe/Oslo',
}));

const request = flowApiRequest as jest.MockedFunction<typeof flowApiRequest>;

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

const injected = [
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
];
const hostile = hostileValues(
	[
		HUGE_TEXT,
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
	],
	injected,
);

const suite = fuzzSuite(resources, VALID, request, respond, {
	routes: (key) => OWN_ROUTES[key],
	values: hostile,
	seed: 11,
	numRuns: 25,
	maxText: 2000,
	mergeSameName: true,
	item0Too: true,
	context: (items) =>
		({ ...mockExecuteContext(items), continueOnFail: () => false }) as IExecuteFunctions,
});
const { operations, tally } = suite;

describe('hostile parameter values (Flow Retail)', () => {
	it('covers every operation of the router', () => {
		expect(operations).toHaveLength(35);
		for (const { resource, operation } of operations)
			expect(OWN_ROUTES[`${resource}.${operation}`]).toBeDefined();
	});

	it.each(operations)('$resource > $operation', ({ resource, operation }) =>
		fuzzOperation(suite, resource, operation),
	);

	it('tried thousands of values, each refused naming field and item or sent on a valid route', () => {
		expect(tally.tried).toBeGreaterThanOrEqual(5_000);
		expectRefusedOrSent(tally);
		// eslint-disable-next-line no-console
		console.log(
			`Flow Retail hostile input: ${tally.tried} tried, ${tally.refused} refused, ${tally.sent} sent`,
		);
	});
});
