// Router: template matching, parameters, 405 candidates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Router } from './router.mjs';

describe('Router', () => {
	const router = new Router()
		.add('GET', '/customers', 'list')
		.add('GET', '/customers/:customerId', 'get')
		.add('DELETE', '/customers/:customerId', 'delete', { body: false })
		.add('GET', '/customers/:customerId/contacts/:contactId', 'contact');

	it('matches literal segments case-insensitively and returns the params', () => {
		const m = router.match('GET', '/Customers/7');
		assert.equal(m.route.handler, 'get');
		assert.deepEqual(m.params, { customerId: '7' });
		assert.equal(router.match('GET', '/customers/').route.handler, 'list');
	});

	it('URL-decodes parameters and keeps undecodable ones as sent', () => {
		assert.deepEqual(router.match('GET', '/customers/a%20b/contacts/%E0%A4%A').params, {
			customerId: 'a b',
			contactId: '%E0%A4%A',
		});
	});

	it('lists the allowed methods when only the method differs', () => {
		assert.deepEqual(router.match('PUT', '/customers/1'), { allowed: ['GET', 'DELETE'] });
	});

	it('returns null for an unknown path and keeps route flags', () => {
		assert.equal(router.match('GET', '/customers/1/x'), null);
		assert.equal(router.match('DELETE', '/customers/1').route.body, false);
	});
});
