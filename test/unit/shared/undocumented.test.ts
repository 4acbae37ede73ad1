import type { JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpStatusOf } from '../../../nodes/shared/errors';
import {
	NOT_OFFERED_STATUSES,
	callUndocumented,
	notOfferedError,
	undocumentedNotice,
} from '../../../nodes/shared/undocumented';
import { testNode } from '../../harness/mockContext';

const ctx = { getNode: () => testNode };
const apiError = (status: number, message = `Acme: HTTP ${status}`) =>
	new NodeApiError(testNode, { message } as JsonObject, { message, httpCode: String(status) });
const call = { vendor: 'Acme', action: 'updating a contact', itemIndex: 3 };

describe('undocumentedNotice', () => {
	it('is a notice that says what is undocumented and what the node assumes', () => {
		expect(
			undocumentedNotice({
				vendor: 'Acme',
				what: 'updating a contact (PUT …/contacts/{id})',
				assumption: 'The node sends it.',
				displayOptions: { show: { operation: ['update'] } },
			}),
		).toEqual({
			displayName:
				"Not in Acme's API documents: updating a contact (PUT …/contacts/{id}). The node sends it.",
			name: 'undocumentedNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { operation: ['update'] } },
		});
		expect(undocumentedNotice({ vendor: 'A', what: 'w', assumption: 'a', name: 'n2' }).name).toBe(
			'n2',
		);
	});
});

describe('callUndocumented', () => {
	it('passes an answer and any other failure through unchanged', async () => {
		expect(await callUndocumented(ctx, call, async () => 'ok')).toBe('ok');
		for (const status of [400, 403, 409, 500]) {
			const error = apiError(status);
			await expect(
				callUndocumented(ctx, call, async () => {
					throw error;
				}),
			).rejects.toBe(error);
		}
		const network = new Error('socket hang up');
		await expect(
			callUndocumented(ctx, call, async () => {
				throw network;
			}),
		).rejects.toBe(network);
	});

	it('turns a 405 or 501 into "does not offer", naming the action, status and item', async () => {
		for (const status of [405, 501]) {
			const isThere = jest.fn(async () => false);
			const failure = await callUndocumented(ctx, { ...call, isThere }, async () => {
				throw apiError(status, 'Acme: Method not allowed');
			}).catch((e: unknown) => e as NodeApiError);
			expect(failure).toBeInstanceOf(NodeApiError);
			expect(failure.message).toBe(
				`Acme's API on this tenant does not offer updating a contact (${status})`,
			);
			expect(failure.httpCode).toBe(String(status));
			expect(failure.context.itemIndex).toBe(3);
			expect(failure.description).toContain("Acme's answer: Acme: Method not allowed");
			// A 405 or 501 needs no look-up.
			expect(isThere).not.toHaveBeenCalled();
		}
	});

	it('reads a 404 as "does not offer" only when the record is there', async () => {
		const notFound = apiError(404, 'Acme: Contact 7 was not found.');
		const send = async () => {
			throw notFound;
		};
		const offered = await callUndocumented(ctx, { ...call, isThere: async () => true }, send).catch(
			(e: unknown) => e as Error,
		);
		expect(offered.message).toBe(
			"Acme's API on this tenant does not offer updating a contact (404)",
		);
		await expect(callUndocumented(ctx, { ...call, isThere: async () => false }, send)).rejects.toBe(
			notFound,
		);
		// Without a look-up, or when the look-up fails, the 404 stays "not found".
		await expect(callUndocumented(ctx, call, send)).rejects.toBe(notFound);
		await expect(
			callUndocumented(
				ctx,
				{
					...call,
					isThere: async () => {
						throw apiError(403);
					},
				},
				send,
			),
		).rejects.toBe(notFound);
	});

	it('names another scope when given', () => {
		expect(notOfferedError(testNode, { ...call, scope: 'this instance' }, 501).message).toBe(
			"Acme's API on this instance does not offer updating a contact (501)",
		);
	});
});

describe('httpStatusOf', () => {
	it('reads the status of the core error or of a raw HTTP failure', () => {
		expect(httpStatusOf(apiError(404))).toBe(404);
		expect(httpStatusOf({ response: { status: 405, headers: {} } })).toBe(405);
		expect(httpStatusOf(new Error('x'))).toBeUndefined();
		expect(NOT_OFFERED_STATUSES).toEqual([404, 405, 501]);
	});
});
