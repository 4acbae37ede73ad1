// zod helper: field-error maps (paths, unknown fields first, required / null / type messages).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { array, atMost, checkBody, fieldPath, object, oneOf, optional, t } from './zod.mjs';

const address = object({ city: t.string().max(3, atMost(3)), street: t.string().nullish() });
const schema = object({
	id: t.int32(),
	kind: t
		.int32()
		.refine((v) => [0, 1].includes(v), oneOf([0, 1]))
		.optional(),
	when: optional(t.datetime()),
	lang: optional(t.iso2(), false),
	ref: optional(t.uuid()),
	flag: t.boolean().optional(),
	amount: optional(t.number()),
	address: address.optional(),
	list: array(address).optional(),
});

describe('checkBody', () => {
	it('returns the data and no errors for a valid body', () => {
		const body = { id: 1, when: '2026-01-01', lang: 'de', list: [{ city: 'Wn' }], ref: null };
		assert.deepEqual(checkBody(schema, body), { data: body, errors: {} });
	});

	it('names every bad field by path with the sandbox messages', () => {
		const { errors } = checkBody(schema, {
			kind: 7,
			when: 'yesterday',
			lang: null,
			ref: 'x',
			flag: 'yes',
			amount: '1',
			address: { city: 'Wien', extra: 1 },
			list: [null, 'x', { street: 1 }],
			bogus: true,
		});
		assert.deepEqual(errors, {
			bogus: 'Unknown field.',
			id: 'The field is required.',
			kind: 'Must be one of 0, 1.',
			when: 'Expected an ISO 8601 date-time string.',
			lang: 'The field must not be null.',
			ref: 'Expected a UUID string.',
			flag: 'Expected a boolean (true or false).',
			amount: 'Expected a number.',
			'address.extra': 'Unknown field.',
			'address.city': 'At most 3 characters.',
			'list[0]': 'The field must not be null.',
			'list[1]': 'Expected a JSON object.',
			'list[2].city': 'The field is required.',
			'list[2].street': 'Expected a string.',
		});
	});

	it('reports the first problem of a field only (int32 before range)', () => {
		assert.deepEqual(checkBody(schema, { id: 1.5 }).errors, { id: 'Expected an integer (int32).' });
		assert.deepEqual(checkBody(schema, { id: 2 ** 31 }).errors, {
			id: 'Expected an integer (int32).',
		});
	});

	it('puts a body that is not an object under "body", or the given root name', () => {
		for (const body of [null, [], 'x', 3])
			assert.deepEqual(checkBody(schema, body).errors, { body: 'Expected a JSON object.' });
		assert.deepEqual(checkBody(schema, null, { root: '$' }).errors, {
			$: 'Expected a JSON object.',
		});
	});

	it('takes other messages', () => {
		const { errors } = checkBody(schema, { id: 1, x: 1 }, { unknown: 'Property not allowed.' });
		assert.deepEqual(errors, { x: 'Property not allowed.' });
	});
});

describe('fieldPath', () => {
	it('joins names with dots and indexes with brackets', () => {
		assert.equal(fieldPath(['addresses', 0, 'city']), 'addresses[0].city');
		assert.equal(fieldPath([0, 'a']), '[0].a');
		assert.equal(fieldPath([]), '');
	});
});
