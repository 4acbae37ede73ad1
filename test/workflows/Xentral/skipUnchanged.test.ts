/* eslint-disable @typescript-eslint/no-explicit-any -- node parameters are free-form JSON */
import type { NodeChange } from '../../harness/jtlSuite';
import { atVersion11 as at11, expectWrittenWithoutSkip } from '../../harness/skipUnchanged';
import { useXentralSandbox } from '../../harness/xentralSuite';

/**
 * Customer > Create or Update with Skip Unchanged: a customer that already holds every value of
 * the item gets no PATCH (the sandbox's request log shows none); one changed value sends exactly
 * one; with the option off, or in a node of version 1 without it, the write goes out as before.
 */
const xentral = useXentralSandbox();
const FILE = 'Xentral/customer-upsert.workflow.json';
const ITEM = {
	matchOn: 'number',
	number: '10007',
	companyName: 'Neu AG',
	email: 'neu@example.com',
	projectId: '2',
};

const withGroups =
	(groupIds: string): NodeChange =>
	(parameters) => {
		parameters.additionalFields.groupIds = groupIds;
	};

async function writeOnce(change: NodeChange = at11()) {
	const first = await xentral.run(FILE, [ITEM], change);
	expect(first.error).toBeUndefined();
	expect((await xentral.writes()).map((w) => w.method)).toEqual(['PATCH']);
	await xentral.sandbox.clearRequests();
	return first.output('Xentral')[0] as any;
}

const reads = async (path: string) =>
	(await xentral.apiCalls()).filter((c) => c.method === 'GET' && c.path === path).length;

describe('Customer > Create or Update: Skip Unchanged', () => {
	it('sends no PATCH for a customer that already holds every value, and returns it as a write would', async () => {
		// Return Full Record: the written customer is read back, as the unchanged one is read.
		const full = at11({ returnFullRecord: true });
		const written = await writeOnce(full);
		expect(written.unchanged).toBe(false);
		const again = await xentral.run(FILE, [ITEM], full);
		expect(again.error).toBeUndefined();
		expect(await xentral.writes()).toEqual([]);
		const [out] = again.output('Xentral') as any[];
		expect(out.unchanged).toBe(true);
		expect({ ...out, unchanged: false }).toEqual(written);
		// The record itself decided: read once, by its ID.
		expect(await reads('/api/v2/customers/7')).toBe(1);
		// Without the option the written output is the same but for what only reads after the write
		// know: the change time, and (with Simplify) the main address.
		await xentral.sandbox.clearRequests();
		const [sent] = (await xentral.run(FILE, [{ ...ITEM, companyName: 'Neu 2 AG' }], at11())).output(
			'Xentral',
		) as any[];
		expect(sent).toEqual({
			...written,
			company: 'Neu 2 AG',
			updatedAt: null,
			street: null,
			postalCode: null,
			city: null,
			countryIso: null,
		});
	});

	it('returns the raw record as read with Simplify off', async () => {
		await writeOnce();
		const again = await xentral.run(
			FILE,
			[ITEM],
			at11({}, (p) => (p.simplify = false)),
		);
		expect(await xentral.writes()).toEqual([]);
		const [out] = again.output('Xentral') as any[];
		const { unchanged, ...record } = out;
		expect(unchanged).toBe(true);
		expect(record).toEqual(await xentral.get('/api/v2/customers/7'));
	});

	it('sends exactly one PATCH when one value differs, without an extra read', async () => {
		await writeOnce();
		const result = await xentral.run(FILE, [{ ...ITEM, companyName: 'Neuer AG' }], at11());
		expect(result.error).toBeUndefined();
		expect((await xentral.writes()).map((w) => `${w.method} ${w.path}`)).toEqual([
			'PATCH /api/v2/customers/7',
		]);
		expect(result.output('Xentral')[0]).toMatchObject({ company: 'Neuer AG', unchanged: false });
		// The list already showed the change: the record is not read at all (no read after the
		// write either, Return Full Record being off).
		expect(await reads('/api/v2/customers/7')).toBe(0);
	});

	it('takes blanks, e-mails in another case and the groups in another order as no change', async () => {
		await writeOnce(at11({}, withGroups('1,2')));
		const result = await xentral.run(
			FILE,
			[{ ...ITEM, companyName: ' Neu AG ', email: 'NEU@Example.com' }],
			at11({}, withGroups('2, 1')),
		);
		expect(result.error).toBeUndefined();
		expect(await xentral.writes()).toEqual([]);
		expect((result.output('Xentral')[0] as any).unchanged).toBe(true);
		const other = await xentral.run(FILE, [ITEM], at11({}, withGroups('1,3')));
		expect(other.error).toBeUndefined();
		expect((await xentral.writes()).map((w) => w.method)).toEqual(['PATCH']);
	});

	it('compares Extra Body Fields too', async () => {
		const extra = (value: string) =>
			at11({}, (p) => {
				p.extraBodyFields = JSON.stringify({ contactDetails: { website: value } });
			});
		await writeOnce(extra('https://neu.example'));
		const same = await xentral.run(FILE, [ITEM], extra('https://neu.example'));
		expect(same.error).toBeUndefined();
		expect(await xentral.writes()).toEqual([]);
		const changed = await xentral.run(FILE, [ITEM], extra('https://neu2.example'));
		expect(changed.error).toBeUndefined();
		expect((await xentral.writes()).map((w) => w.method)).toEqual(['PATCH']);
	});

	it('sends the PATCH with Skip Unchanged off, and in a node of version 1 without the option', async () => {
		await writeOnce();
		await expectWrittenWithoutSkip(xentral, FILE, ITEM, 'Xentral', 'PATCH');
	});
});
