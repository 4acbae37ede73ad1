import {
	extraBodyFieldsProperty,
	mergeExtraBodyFields,
	readExtraBodyFields,
} from '../../../nodes/shared/extraBodyFields';
import { mockExecuteContext } from '../../harness/mockContext';

const read = (value: unknown, itemIndex = 0) =>
	readExtraBodyFields(
		mockExecuteContext(Array.from({ length: itemIndex + 1 }, () => ({ extraBodyFields: value }))),
		itemIndex,
	);
const ctx = mockExecuteContext({});

describe('Extra Body Fields', () => {
	it('is a JSON field named the same in every node', () => {
		const field = extraBodyFieldsProperty('Xentral');
		expect(field).toMatchObject({ name: 'extraBodyFields', type: 'json', default: '{}' });
		expect(field.description).toContain('Xentral API');
	});

	it('reads a JSON object from the editor or an expression; empty is none', () => {
		expect(read('{"a": 1, "b": {"c": "x"}}')).toEqual({ a: 1, b: { c: 'x' } });
		expect(read({ a: 1 })).toEqual({ a: 1 });
		expect(read('')).toEqual({});
		expect(read('  ')).toEqual({});
		expect(read(null)).toEqual({});
		expect(read('{}')).toEqual({});
	});

	it('refuses what is not a JSON object, naming the field and the item', () => {
		expect(() => read('{"a": ', 2)).toThrow(/^Extra Body Fields \(item 2\) is not valid JSON/);
		for (const value of ['[1, 2]', '"text"', '17', 'true', [1], 5])
			expect(() => read(value, 1)).toThrow(
				'Extra Body Fields (item 1) must be a JSON object such as {"fieldName": "value"}',
			);
	});

	it('adds fields and merges nested objects key by key', () => {
		const body = { name: 'A', shipping: { freeShipping: true } };
		const merged = mergeExtraBodyFields(
			ctx,
			body,
			{ shipping: { deliveryBan: false }, website: 'https://a.example' },
			0,
		);
		expect(merged).toEqual({
			name: 'A',
			shipping: { freeShipping: true, deliveryBan: false },
			website: 'https://a.example',
		});
		expect(body).toEqual({ name: 'A', shipping: { freeShipping: true } });
	});

	it('never overrides a field of the node silently: the item stops naming the path', () => {
		expect(() => mergeExtraBodyFields(ctx, { name: 'A' }, { name: 'B' }, 3)).toThrow(
			'Extra Body Fields (item 3): "name" is also set by a field of the node; set it in one place only',
		);
		expect(() =>
			mergeExtraBodyFields(
				ctx,
				{ shipping: { freeShipping: true } },
				{ shipping: { freeShipping: false } },
				0,
			),
		).toThrow('"shipping.freeShipping" is also set by a field of the node');
		expect(() => mergeExtraBodyFields(ctx, { groups: [1] }, { groups: [2] }, 0)).toThrow(
			'"groups" is also set',
		);
		expect(() => mergeExtraBodyFields(ctx, { a: { b: 1 } }, { a: 'flat' }, 0)).toThrow(
			'"a" is also set',
		);
	});

	it('refuses reserved keys and prototype keys', () => {
		expect(() =>
			mergeExtraBodyFields(ctx, {}, { customerUid: 'x' }, 1, { reserved: ['customerUid'] }),
		).toThrow(
			'Extra Body Fields (item 1): "customerUid" is set by the node itself and cannot be given here',
		);
		const hostile = JSON.parse('{"a": {"__proto__": {"polluted": true}}}');
		expect(() => mergeExtraBodyFields(ctx, {}, hostile, 0)).toThrow(
			'"a.__proto__" is not an allowed field name',
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('holds the values to the rules of the node fields: single-line text, bounded numbers, named keys', () => {
		expect(() => mergeExtraBodyFields(ctx, {}, { note: 'a\nb' }, 2)).toThrow(
			'Extra Body Fields (item 2): "note" must not contain control or bidirectional formatting characters (found U+000A at position 2)',
		);
		expect(() => mergeExtraBodyFields(ctx, {}, { list: [{ x: 'ok\u202e' }] }, 0)).toThrow(
			'"list[0].x" must not contain control',
		);
		expect(() => mergeExtraBodyFields(ctx, {}, { limit: -1e12 }, 0)).toThrow(
			'"limit" must be a number less than 1e12',
		);
		expect(() => mergeExtraBodyFields(ctx, {}, { limit: Number.NaN }, 0)).toThrow('"limit"');
		expect(() => mergeExtraBodyFields(ctx, {}, { '': 1 }, 0)).toThrow(
			'"" is not an allowed field name',
		);
		expect(() => mergeExtraBodyFields(ctx, {}, { a: { ' ': 1 } }, 0)).toThrow(
			'"a. " is not an allowed field name',
		);
		expect(mergeExtraBodyFields(ctx, {}, { limit: 999_999.5, name: 'Åse Ødegård 😀' }, 0)).toEqual({
			limit: 999_999.5,
			name: 'Åse Ødegård 😀',
		});
	});
});
