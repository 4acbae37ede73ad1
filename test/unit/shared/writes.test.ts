import { NodeApiError } from 'n8n-workflow';

import { toNodeApiError } from '../../../nodes/shared/errors';
import { clock } from '../../../nodes/shared/clock';
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
const serverError = (status: number) =>
	toNodeApiError(testNode, { status, headers: {}, body: { m: 'down' }, message: 'down' }, vendor, {
		message: `Vendor: HTTP ${status}`,
	});
const unknownOf = { what: 'the note', check: 'Look at the notes.', itemIndex: 2 };
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
		await sendUnlessApplied(testNode, send, applied, unknownOf);
		expect(send).toHaveBeenCalledTimes(1);
		expect(applied).not.toHaveBeenCalled();
	});

	it('does not repeat a write whose lost answer hid that it was applied', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost());
		await sendUnlessApplied(testNode, send, async () => true, unknownOf);
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('repeats a write once when the read shows it was not applied', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost()).mockResolvedValueOnce({});
		await sendUnlessApplied(testNode, send, async () => false, unknownOf);
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('passes on an answered failure and a refused connection without reading or repeating', async () => {
		for (const failure of [answered(), refused()]) {
			const send = jest.fn().mockRejectedValueOnce(failure);
			const applied = jest.fn();
			await expect(sendUnlessApplied(testNode, send, applied, unknownOf)).rejects.toBe(failure);
			expect(applied).not.toHaveBeenCalled();
			expect(send).toHaveBeenCalledTimes(1);
		}
	});

	it('passes on an answered failure of the repeat', async () => {
		const second = answered();
		const send = jest.fn().mockRejectedValueOnce(lost()).mockRejectedValueOnce(second);
		await expect(sendUnlessApplied(testNode, send, async () => false, unknownOf)).rejects.toBe(
			second,
		);
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('looks again after the repeat lost its answer too, and succeeds when the repeat was applied', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost()).mockRejectedValueOnce(lost());
		const find = jest.fn().mockResolvedValueOnce(undefined).mockResolvedValueOnce({ id: 1 });
		await expect(sendUnlessApplied(testNode, send, find, unknownOf)).resolves.toEqual({ id: 1 });
		expect(send).toHaveBeenCalledTimes(2);
		expect(find).toHaveBeenCalledTimes(2);
	});

	it('sends at most 3 times while answers keep getting lost, then fails after a last look', async () => {
		const send = jest.fn().mockRejectedValue(lost());
		const find = jest.fn().mockResolvedValue(undefined);
		await expect(sendUnlessApplied(testNode, send, find, unknownOf)).rejects.toBeInstanceOf(
			NodeApiError,
		);
		expect(send).toHaveBeenCalledTimes(3);
		expect(find).toHaveBeenCalledTimes(3);
	});
});

describe('sendUnlessApplied after a server error that may have followed the write', () => {
	beforeEach(() => jest.spyOn(clock, 'sleep').mockResolvedValue(undefined));
	afterEach(() => jest.restoreAllMocks());

	it.each([500, 502, 503, 504])(
		'looks the record up after a %i and gives it when found, without sending again',
		async (status) => {
			const send = jest.fn().mockRejectedValueOnce(serverError(status));
			const find = jest.fn().mockResolvedValue({ id: 9 });
			await expect(sendUnlessApplied(testNode, send, find, unknownOf)).resolves.toEqual({ id: 9 });
			expect(send).toHaveBeenCalledTimes(1);
			expect(find).toHaveBeenCalledTimes(1);
		},
	);

	it('sends again after a wait when the read shows the write was not applied', async () => {
		const send = jest.fn().mockRejectedValueOnce(serverError(503)).mockResolvedValueOnce({ id: 3 });
		await expect(
			sendUnlessApplied(testNode, send, async () => undefined, unknownOf),
		).resolves.toEqual({ id: 3 });
		expect(send).toHaveBeenCalledTimes(2);
		expect(clock.sleep).toHaveBeenCalledTimes(1);
	});

	it("gives the server's error when three sends failed and none was applied", async () => {
		const last = serverError(502);
		const send = jest
			.fn()
			.mockRejectedValueOnce(serverError(500))
			.mockRejectedValueOnce(serverError(503))
			.mockRejectedValueOnce(last);
		const find = jest.fn().mockResolvedValue(undefined);
		await expect(sendUnlessApplied(testNode, send, find, unknownOf)).rejects.toBe(last);
		expect(send).toHaveBeenCalledTimes(3);
		expect(find).toHaveBeenCalledTimes(3);
	});

	it('says "may have been applied" when the look after a server error fails too', async () => {
		const send = jest.fn().mockRejectedValueOnce(serverError(500));
		const find = jest.fn().mockRejectedValue(serverError(503));
		const error = (await sendUnlessApplied(testNode, send, find, unknownOf).catch(
			(e: unknown) => e,
		)) as NodeApiError;
		expect(error.message).toBe(
			'Outcome unknown: the write may have been applied, so the note may exist (item 2)',
		);
		expect(error.description).toContain('Looking for it afterwards failed too (Vendor: HTTP 503).');
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('does not look after a 501 or a 4xx: the server did not apply them', async () => {
		for (const failure of [serverError(501), answered()]) {
			const send = jest.fn().mockRejectedValueOnce(failure);
			const find = jest.fn();
			await expect(sendUnlessApplied(testNode, send, find, unknownOf)).rejects.toBe(failure);
			expect(find).not.toHaveBeenCalled();
		}
	});
});

describe('sendUnlessApplied with a natural key', () => {
	it('gives the record it finds after a lost answer, without sending again', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost());
		await expect(
			sendUnlessApplied(testNode, send, async () => ({ id: 7 }), unknownOf),
		).resolves.toEqual({ id: 7 });
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('sends once more when nothing is found', async () => {
		const send = jest.fn().mockRejectedValueOnce(lost()).mockResolvedValueOnce({ id: 8 });
		await expect(
			sendUnlessApplied(testNode, send, async () => undefined, unknownOf),
		).resolves.toEqual({ id: 8 });
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
			'Outcome unknown: the write may have been applied, so the note may exist (item 2)',
		);
		expect(error.description).toMatch(/answer was lost/);
		expect(error.description).toContain('Look at the notes.');
		expect(`${error.message} ${error.description}`).not.toMatch(/retry the request/i);
	});

	it.each([500, 502, 503, 504])(
		'reports a %i as "may have been applied", in the same words, with no retry advice',
		async (status) => {
			const send = jest.fn().mockRejectedValue(serverError(status));
			const error = (await sendOnce(testNode, send, unknown).catch(
				(e: unknown) => e,
			)) as NodeApiError;
			expect(error.message).toBe(
				'Outcome unknown: the write may have been applied, so the note may exist (item 2)',
			);
			expect(error.description).toBe(
				`The request reached the server, which answered HTTP ${status} (Vendor: HTTP ${status}); a server error can come after the write was applied. Look at the notes. Running this item again may create it a second time.`,
			);
			expect(`${error.message} ${error.description}`).not.toMatch(/retry|try again/i);
			expect(send).toHaveBeenCalledTimes(1);
		},
	);

	it('passes a 501 and a 4xx through as they are: the server did not apply them', async () => {
		for (const failure of [serverError(501), answered()]) {
			const send = jest.fn().mockRejectedValue(failure);
			await expect(sendOnce(testNode, send, unknown)).rejects.toBe(failure);
		}
	});

	it('passes other failures through and sends only once', async () => {
		const send = jest.fn().mockRejectedValue(answered());
		await expect(sendOnce(testNode, send, unknown)).rejects.toBeInstanceOf(NodeApiError);
		expect(send).toHaveBeenCalledTimes(1);
	});
});
