import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpStatusOf } from '../../../nodes/shared/errors';
import { isBlank, requireSomethingToSend, requireValue } from '../../../nodes/shared/validation';
import { testNode } from '../../harness/mockContext';

const ctx = { getNode: () => testNode } as unknown as IExecuteFunctions;

const failure = (run: () => void) => {
	try {
		run();
	} catch (error) {
		return error as Error & { description?: string; context: { itemIndex?: number } };
	}
	return undefined;
};

describe('requireValue', () => {
	it.each([undefined, null, '', '   ', '\t'])('refuses %p as blank, naming the field and item', (value) => {
		const error = failure(() => requireValue(ctx, value, 'Last Name', 2));
		expect(error?.message).toBe('Last Name (item 2) is required');
		expect(error?.context.itemIndex).toBe(2);
	});

	it('lets a value through, numbers and false included', () => {
		for (const value of ['a', 0, false, ' x '])
			expect(failure(() => requireValue(ctx, value, 'Name', 0))).toBeUndefined();
		expect(isBlank(0)).toBe(false);
	});

	it('says what the system says instead, with its description', () => {
		const error = failure(() =>
			requireValue(ctx, '', 'Update Fields > Name', 1, {
				says: 'must not be empty',
				description: 'Leave the field out to keep the name.',
			}),
		);
		expect(error?.message).toBe('Update Fields > Name (item 1) must not be empty');
		expect(error?.description).toBe('Leave the field out to keep the name.');
	});
});

describe('requireSomethingToSend', () => {
	it('refuses a write whose every part is empty, in the collection wording', () => {
		const error = failure(() =>
			requireSomethingToSend(ctx, [{}, undefined, null], 3, {
				collection: 'Update Fields',
				purpose: 'change',
			}),
		);
		expect(error?.message).toBe('Update Fields (item 3) is empty: add at least one field to change');
		expect(error?.context.itemIndex).toBe(3);
	});

	it('refuses in the "Nothing to" wording, naming where to add fields', () => {
		const error = failure(() =>
			requireSomethingToSend(ctx, [{}], 0, {
				nothingTo: 'update',
				under: 'Update Fields or Extra Body Fields',
				field: 'address field',
			}),
		);
		expect(error?.message).toBe(
			'Nothing to update (item 0): add at least one address field under Update Fields or Extra Body Fields',
		);
	});

	it('lets a write through when one part holds a field or a single value', () => {
		const wording = { collection: 'Update Fields', purpose: 'send' } as const;
		expect(failure(() => requireSomethingToSend(ctx, [{}, { a: 1 }], 0, wording))).toBeUndefined();
		expect(failure(() => requireSomethingToSend(ctx, [{}, 0], 0, wording))).toBeUndefined();
	});
});

describe('httpStatusOf', () => {
	it('reads the status of the core error, of an n8n error and of a wrapped answer', () => {
		const core = new NodeApiError(testNode, { message: 'x' } as JsonObject, { httpCode: '409' });
		expect(httpStatusOf(core)).toBe(409);
		expect(httpStatusOf({ httpCode: '404' })).toBe(404);
		expect(httpStatusOf({ cause: { response: { statusCode: 503, headers: {} } } })).toBe(503);
		expect(httpStatusOf({ httpCode: 'EAUTH' })).toBeUndefined();
		expect(httpStatusOf(new Error('socket hang up'))).toBeUndefined();
	});
});
