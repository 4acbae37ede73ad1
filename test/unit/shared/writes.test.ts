import { NodeApiError } from 'n8n-workflow';

import { toNodeApiError } from '../../../nodes/shared/errors';
import { sendOnce, sendUnlessApplied } from '../../../nodes/shared/writes';
import { testNode } from '../../harness/mockContext';

const vendor = { name: 'Vendor' };
const lost = () =>
	toNodeApiError(
		testNode,
		{ headers: {}, body: undefined, code: 'ECONNRESET', message: 'socket hang up' },
		vendor,
		undefined,
	);
const refused = () =>
	toNodeApiError(
		testNode,
		{ headers: {}, body: undefined, code: 'ECONNREFUSED', message: 'refused' },
		vendor,
		undefined,
	);
const answered = () =>
	toNodeApiError(
		testNode,
		{ status: 400, headers: {}, body: { m: 'bad' }, message: 'bad' },
		vendor,
		undefined,
	);

describe('sendUnlessApplied', () => {
	it('sends once when the answer arrives', async () => {
		const send = jest.fn().mockResolvedValue({});
		const applied = jest.fn();
		await sendUnlessApplied(send, applied);
		expect(send).toHaveBeenCalledTimes(1);
		expect(applied).not.toHaveBeenCalled();
	});

	it('does not repeat a write whose lost answer hid that it was applied', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost());
		await sendUnlessApplied(send, async () => true);
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('repeats a write once when the read shows it was not applied', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost()).mockResolvedValueOnce({});
		await sendUnlessApplied(send, async () => false);
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('passes on an answered failure and a refused connection without reading or repeating', async () => {
		for (const failure of [answered(), refused()]) {
			const send = jest.fn().mockRejectedValueOnce(failure);
			const applied = jest.fn();
			await expect(sendUnlessApplied(send, applied)).rejects.toBe(failure);
			expect(applied).not.toHaveBeenCalled();
			expect(send).toHaveBeenCalledTimes(1);
		}
	});

	it('passes on an answered failure of the repeat', async () => {
		const second = answered();
		const send = jest.fn().mockRejectedValueOnce(lost()).mockRejectedValueOnce(second);
		await expect(sendUnlessApplied(send, async () => false)).rejects.toBe(second);
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('looks again after the repeat lost its answer too, and succeeds when the repeat was applied', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost()).mockRejectedValueOnce(lost());
		const find = jest.fn().mockResolvedValueOnce(undefined).mockResolvedValueOnce({ id: 1 });
		await expect(sendUnlessApplied(send, find)).resolves.toEqual({ id: 1 });
		expect(send).toHaveBeenCalledTimes(2);
		expect(find).toHaveBeenCalledTimes(2);
	});

	it('sends at most 3 times while answers keep getting lost, then fails after a last look', async () => {
		const send = jest.fn().mockRejectedValue(lost());
		const find = jest.fn().mockResolvedValue(undefined);
		await expect(sendUnlessApplied(send, find)).rejects.toBeInstanceOf(NodeApiError);
		expect(send).toHaveBeenCalledTimes(3);
		expect(find).toHaveBeenCalledTimes(3);
	});
});

describe('sendUnlessApplied with a natural key', () => {
	it('gives the record it finds after a lost answer, without sending again', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost());
		await expect(sendUnlessApplied(send, async () => ({ id: 7 }))).resolves.toEqual({ id: 7 });
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('sends once more when nothing is found', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost()).mockResolvedValueOnce({ id: 8 });
		await expect(sendUnlessApplied(send, async () => undefined)).resolves.toEqual({ id: 8 });
		expect(send).toHaveBeenCalledTimes(2);
	});
});

describe('sendOnce', () => {
	const unknown = { what: 'the note', check: 'Look at the notes.', itemIndex: 2 };

	it('reports a lost answer as an unknown outcome, naming the item, with no retry advice', async () => {
		const error = (await sendOnce(testNode, jest.fn().mockRejectedValue(lost()), unknown).catch(
			(e: unknown) => e,
		)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Outcome unknown: the note may or may not have been created (item 2)',
		);
		expect(error.description).toContain('Look at the notes.');
		expect(`${error.message} ${error.description}`).not.toMatch(/retry the request/i);
	});

	it('passes other failures through and sends only once', async () => {
		const send = jest.fn().mockRejectedValue(answered());
		await expect(sendOnce(testNode, send, unknown)).rejects.toBeInstanceOf(NodeApiError);
		expect(send).toHaveBeenCalledTimes(1);
	});
});
