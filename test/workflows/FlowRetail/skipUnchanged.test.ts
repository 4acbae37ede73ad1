/* eslint-disable @typescript-eslint/no-explicit-any -- node parameters are free-form JSON */
import type { NodeChange } from '../../harness/jtlSuite';
import { atVersion11 as at11, expectWrittenWithoutSkip } from '../../harness/skipUnchanged';
import { useFlowRetailSandbox } from '../../harness/flowRetailSuite';

/**
 * Customer > Create or Update with Skip Unchanged: a customer that already holds every value of
 * the item gets no PUT (the sandbox's request log shows none); one changed value sends exactly
 * one; with the option off, or in a node of version 1 without it, the write goes out as before.
 */
const flow = useFlowRetailSandbox();
const FILE = 'FlowRetail/customer-upsert.workflow.json';
const ITEM = { externalId: 'SU-1', firstname: 'Kari', lastname: 'Nordmann', city: 'Bergen' };

/** Default store and groups, set in the Fields collection. */
const withStoreAndGroups =
	(store: string, groups: string[], email = 'kari@nordmann.example'): NodeChange =>
	(parameters) => {
		parameters.fields.defaultStoreUid = store;
		parameters.fields.customerGroupUids = groups;
		parameters.fields.email = email;
	};

async function createOnce(change: NodeChange = at11()) {
	const first = await flow.run(FILE, [ITEM], change);
	expect(first.error).toBeUndefined();
	expect((await flow.writes()).map((w) => w.method)).toEqual(['POST']);
	await flow.sandbox.clearRequests();
	return first.output('Flow Retail')[0] as any;
}

describe('Customer > Create or Update: Skip Unchanged', () => {
	it('sends no PUT for a customer that already holds every value, and returns it as a write would', async () => {
		const created = await createOnce();
		expect(created.unchanged).toBe(false);
		const written = await flow.run(
			FILE,
			[{ ...ITEM, city: 'Bergen ' }],
			at11({ skipUnchanged: false }),
		);
		expect((await flow.writes()).map((w) => w.method)).toEqual(['PUT']);
		await flow.sandbox.clearRequests();
		const again = await flow.run(FILE, [ITEM], at11());
		expect(again.error).toBeUndefined();
		expect(await flow.writes()).toEqual([]);
		const [out] = again.output('Flow Retail') as any[];
		expect(out.unchanged).toBe(true);
		// The same shape and values as the write's answer gave.
		expect(out).toEqual({ ...written.output('Flow Retail')[0], unchanged: true });
	});

	it('returns the raw record as read with Simplify off', async () => {
		const created = await createOnce();
		const again = await flow.run(
			FILE,
			[ITEM],
			at11({}, (p) => (p.simplify = false)),
		);
		expect(await flow.writes()).toEqual([]);
		const { unchanged, ...record } = again.output('Flow Retail')[0] as any;
		expect(unchanged).toBe(true);
		expect(record).toEqual(await flow.direct.get(`/customers/${created.id}`));
	});

	it('sends exactly one PUT when one value differs', async () => {
		const created = await createOnce();
		const result = await flow.run(FILE, [{ ...ITEM, city: 'Voss' }], at11());
		expect(result.error).toBeUndefined();
		const writes = await flow.writes();
		expect(writes).toHaveLength(1);
		expect(writes[0].method).toBe('PUT');
		expect(writes[0].path).toMatch(new RegExp(`/customers/${created.id}$`));
		expect(result.output('Flow Retail')[0]).toMatchObject({ city: 'Voss', unchanged: false });
	});

	it('reads the default store where Flow Retail shows it, the groups as a set, e-mails in any case', async () => {
		await createOnce(at11({}, withStoreAndGroups('store-oslo', ['group-1', 'group-2'])));
		const same = await flow.run(
			FILE,
			[ITEM],
			at11({}, withStoreAndGroups('store-oslo', ['group-2', 'group-1'], 'KARI@Nordmann.example')),
		);
		expect(same.error).toBeUndefined();
		expect(await flow.writes()).toEqual([]);
		for (const change of [
			withStoreAndGroups('store-bergen', ['group-1', 'group-2']),
			withStoreAndGroups('store-oslo', ['group-1']),
		]) {
			await flow.sandbox.clearRequests();
			const result = await flow.run(FILE, [ITEM], at11({}, change));
			expect(result.error).toBeUndefined();
			expect((await flow.writes()).map((w) => w.method)).toEqual(['PUT']);
		}
	});

	it('compares Extra Body Fields too, nested objects field by field', async () => {
		const extra = (ehf: Record<string, unknown>) =>
			at11({}, (p) => {
				p.extraBodyFields = JSON.stringify({ ehf, internalNote: 'VIP ' });
			});
		await createOnce(extra({ enabled: true, address: '0192:123456789' }));
		const same = await flow.run(FILE, [ITEM], extra({ address: '0192:123456789' }));
		expect(same.error).toBeUndefined();
		expect(await flow.writes()).toEqual([]);
		const changed = await flow.run(FILE, [ITEM], extra({ enabled: false }));
		expect(changed.error).toBeUndefined();
		expect((await flow.writes()).map((w) => w.method)).toEqual(['PUT']);
	});

	it('sends the PUT with Skip Unchanged off, and in a node of version 1 without the option', async () => {
		await createOnce();
		await expectWrittenWithoutSkip(flow, FILE, ITEM, 'Flow Retail', 'PUT');
	});
});
