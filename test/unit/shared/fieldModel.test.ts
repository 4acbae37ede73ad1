import type { IDataObject, NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../../nodes/shared/fieldSpecs';
import {
	bodyOf,
	collectionProperty,
	field,
	readBody,
	readField,
	validateCollection,
	within,
} from '../../../nodes/shared/fieldSpecs';
import { z } from 'zod/v3';

import { mockExecuteContext } from '../../harness/mockContext';

/**
 * The field model: one entry per field gives the editor property, the pre-request check and the
 * place in the request body. A table built here the way the systems build theirs.
 */
const TABLE: FieldSpec[] = [
	field('nickname', 'Nickname', 'string', 'What friends call the customer'),
	...within('contact', [
		field('email', 'Email', 'email', 'The e-mail address'),
		...within('phones', [
			field('mobile', 'Mobile', 'string', 'The mobile number', { body: 'cell' }),
		]),
	]),
	field('loyaltyCard', 'Loyalty Card', 'string', 'The 8-digit loyalty card number', {
		body: 'loyalty.cardNumber',
		check: (v) => (/^\d{8}$/.test(String(v)) ? undefined : 'must be exactly 8 digits'),
		send: (v) => `LC-${String(v)}`,
	}),
	field('tags', 'Tags', 'string', 'Tags, separated by commas', {
		body: (body, value) => {
			body.tags = String(value)
				.split(',')
				.map((t) => t.trim());
		},
	}),
];

const ctx = mockExecuteContext({});

function refusal(run: () => unknown): NodeOperationError {
	try {
		run();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('was accepted');
}

describe('a field added to a table', () => {
	it('appears in the editor collection, sorted by label, with its kind', () => {
		const property = collectionProperty('Update Fields', 'updateFields', TABLE);
		expect(property).toMatchObject({ type: 'collection', name: 'updateFields', default: {} });
		const options = property.options as unknown as IDataObject[];
		expect(options.map((o) => o.displayName)).toEqual([
			'Email',
			'Loyalty Card',
			'Mobile',
			'Nickname',
			'Tags',
		]);
		expect(options.find((o) => o.name === 'email')).toMatchObject({
			type: 'string',
			placeholder: 'name@email.com',
			description: 'The e-mail address',
		});
	});

	it('is checked by its kind before any request, naming the field and the item', () => {
		const error = refusal(() =>
			validateCollection(ctx, TABLE, { email: 'not-an-address' }, 'Update Fields > ', 3),
		);
		expect(error.message).toBe('Update Fields > Email (item 3) must be an email address');
	});

	it('is checked by its own check after its kind', () => {
		const error = refusal(() =>
			validateCollection(ctx, TABLE, { loyaltyCard: '1234' }, 'Additional Fields > ', 0),
		);
		expect(error.message).toBe(
			'Additional Fields > Loyalty Card (item 0) must be exactly 8 digits',
		);
	});

	it('runs the kind checks of every field before any field check', () => {
		const error = refusal(() =>
			validateCollection(ctx, TABLE, { loyaltyCard: '1', email: 'x' }, 'Update Fields > ', 0),
		);
		expect(error.message).toBe('Update Fields > Email (item 0) must be an email address');
	});

	it('runs its check when read as a top-level parameter too', () => {
		const spec = TABLE.find((s) => s.name === 'loyaltyCard')!;
		const error = refusal(() => readField(mockExecuteContext({ card: 'abc' }), spec, 'card', 1));
		expect(error.message).toBe('Loyalty Card (item 1) must be exactly 8 digits');
	});

	it('lands at its place in the body: top level, nested path, within an object, or written', () => {
		const body = readBody(
			ctx,
			TABLE,
			{
				nickname: 'Kim',
				email: 'kim@example.com',
				mobile: '+49 170 1',
				loyaltyCard: '12345678',
				tags: 'vip, north',
			},
			'Update Fields > ',
			0,
		);
		expect(body).toEqual({
			nickname: 'Kim',
			contact: { email: 'kim@example.com', phones: { cell: '+49 170 1' } },
			loyalty: { cardNumber: 'LC-12345678' },
			tags: ['vip', 'north'],
		});
	});

	it('a key without a spec is refused and never placed', () => {
		const error = refusal(() =>
			validateCollection(ctx, TABLE, { nickName: 'Kim' }, 'Update Fields > ', 0),
		);
		expect(error.message).toBe('Update Fields > nickName (item 0) is not a known field');
		expect(bodyOf(TABLE, { nickName: 'Kim', nickname: undefined })).toEqual({});
	});

	it('may be checked by a zod schema whose output is sent', () => {
		const table = [
			field('storeUid', 'Store ID', 'string', 'The store', {
				body: 'store.uid',
				check: z
					.string()
					.transform((v) => v.toLowerCase())
					.refine((v) => /^[a-z]+$/.test(v), 'must be letters only'),
			}),
		];
		expect(readBody(ctx, table, { storeUid: 'ABC' }, '', 0)).toEqual({ store: { uid: 'abc' } });
		const error = refusal(() => readBody(ctx, table, { storeUid: 'a-1' }, 'Update Fields > ', 2));
		expect(error.message).toBe('Update Fields > Store ID (item 2) must be letters only');
		expect(error.description).toContain('The value given for "Update Fields > Store ID" was');
	});
});
