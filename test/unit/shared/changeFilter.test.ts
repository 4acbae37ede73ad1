import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import fc from 'fast-check';

import {
	MAX_REMEMBERED_HASHES,
	changeFieldsOption,
	customerChangeFields,
	fieldsHash,
	onlyChangedRecords,
	readChangeMemory,
	rememberHash,
	stableJson,
	writeChangeMemory,
} from '../../../nodes/shared/changeFilter';
import { testNode } from '../../harness/mockContext';

const FIELDS = customerChangeFields(['email', 'city', 'firstName', 'lastName']);

interface Rec extends IDataObject {
	id: string;
	email: string | null;
	city: string | null;
	phone?: string | null;
	isNew?: boolean;
}

function ctx(fields: unknown, state: IDataObject, mode = 'trigger') {
	return {
		getMode: () => mode,
		getNode: () => testNode,
		getNodeParameter: (name: string, fallback: unknown) =>
			name === 'options' ? (fields === undefined ? {} : { changeFields: fields }) : fallback,
		getWorkflowStaticData: () => state,
	} as unknown as IPollFunctions;
}

const source = {
	fields: FIELDS,
	idOf: (r: Rec) => r.id,
	commonOf: (r: Rec) => r,
	isNew: (r: Rec) => r.isNew === true,
};

const poll = (fields: unknown, state: IDataObject, records: Rec[] | null, mode = 'trigger') =>
	onlyChangedRecords(ctx(fields, state, mode), records, source)?.map((r) => r.id) ?? null;

describe('stable hashing of the chosen fields', () => {
	it('gives the same hash whatever the order of the keys, also nested', () => {
		const a = { email: 'a@x.de', city: 'Berlin', nested: { b: 1, a: [2, { d: 3, c: 4 }] } };
		const b = { nested: { a: [2, { c: 4, d: 3 }], b: 1 }, city: 'Berlin', email: 'a@x.de' };
		expect(stableJson(a)).toBe(stableJson(b));
		expect(fieldsHash(a, ['city', 'email', 'nested'])).toBe(
			fieldsHash(b, ['city', 'email', 'nested']),
		);
		expect(fieldsHash(a, ['city', 'email'])).toMatch(/^[A-Za-z0-9_-]{16}$/);
	});

	it('depends on the chosen fields only, and tells a value from null and from text', () => {
		const base = { email: 'a@x.de', city: 'Berlin', phone: '1' };
		const hash = fieldsHash(base, ['city', 'email']);
		expect(fieldsHash({ ...base, phone: '2' }, ['city', 'email'])).toBe(hash);
		expect(fieldsHash({ ...base, city: 'Bonn' }, ['city', 'email'])).not.toBe(hash);
		// A missing field is null; null, "null", 0 and "0" are all different.
		expect(fieldsHash({ city: null }, ['city'])).toBe(fieldsHash({}, ['city']));
		const values = [null, 'null', 0, '0', false, '', 'false'];
		expect(new Set(values.map((city) => fieldsHash({ city }, ['city']))).size).toBe(7);
	});

	it('property: shuffling the keys never changes the hash', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue()),
				(record) => {
					const keys = Object.keys(record);
					const reversed = Object.fromEntries(Object.entries(record).reverse());
					return (
						fieldsHash(record as IDataObject, keys) === fieldsHash(reversed as IDataObject, keys)
					);
				},
			),
		);
	});
});

describe('the capped memory', () => {
	it('forgets the oldest emission first, beyond MAX_REMEMBERED_HASHES', () => {
		const state: IDataObject = {};
		const memory = readChangeMemory(state, ['email']);
		for (let i = 0; i < MAX_REMEMBERED_HASHES; i++) rememberHash(memory, `r${i}`, 'h');
		// r0 emitted again: now the newest, so r1 is the oldest and goes first.
		rememberHash(memory, 'r0', 'h2');
		rememberHash(memory, 'extra', 'h');
		expect(memory.size).toBe(MAX_REMEMBERED_HASHES);
		expect(memory.has('r1')).toBe(false);
		expect(memory.get('r0')).toBe('h2');
		writeChangeMemory(state, ['email'], memory);
		const stored = (state.changeFilter as IDataObject).hashes as string[][];
		expect(stored).toHaveLength(MAX_REMEMBERED_HASHES);
		expect(stored[0][0]).toBe('r2');
		expect(stored.slice(-2)).toEqual([
			['r0', 'h2'],
			['extra', 'h'],
		]);
		expect(readChangeMemory(state, ['email']).get('r0')).toBe('h2');
	});

	it('is no memory for another selection', () => {
		const state: IDataObject = {};
		const memory = readChangeMemory(state, ['email']);
		rememberHash(memory, 'r1', 'h');
		writeChangeMemory(state, ['email'], memory);
		expect(readChangeMemory(state, ['email']).size).toBe(1);
		expect(readChangeMemory(state, ['city', 'email']).size).toBe(0);
		writeChangeMemory(state, [], memory);
		expect(state.changeFilter).toBeUndefined();
	});
});

describe('a poll filtered by Only When These Fields Change', () => {
	const rec = (id: string, email: string, city = 'Berlin', extra: Partial<Rec> = {}): Rec => ({
		id,
		email,
		city,
		phone: null,
		...extra,
	});

	it('emits a changed record once per change of a chosen field, never for other fields', () => {
		const state: IDataObject = { cursor: 'kept' };
		// First sight of a record: no hash yet, so its first change is emitted (and recorded).
		expect(poll(['email'], state, [rec('1', 'a@x.de'), rec('2', 'b@x.de')])).toEqual(['1', '2']);
		// Only the city changed: not chosen.
		expect(poll(['email'], state, [rec('1', 'a@x.de', 'Bonn')])).toBeNull();
		// The same value written again: nothing.
		expect(poll(['email'], state, [rec('1', 'a@x.de', 'Köln')])).toBeNull();
		// The e-mail changed: once.
		expect(poll(['email'], state, [rec('1', 'new@x.de', 'Köln')])).toEqual(['1']);
		expect(poll(['email'], state, [rec('1', 'new@x.de', 'Köln')])).toBeNull();
		expect(state.cursor).toBe('kept');
	});

	it('compares with the state last emitted: two changes in one window, the second back', () => {
		const state: IDataObject = {};
		expect(poll(['email'], state, [rec('1', 'a@x.de')])).toEqual(['1']);
		expect(poll(['email'], state, [rec('1', 'b@x.de'), rec('1', 'a@x.de')])).toEqual(['1', '1']);
		expect(poll(['email'], state, [rec('1', 'a@x.de')])).toBeNull();
	});

	it('always emits a new record and records its hash', () => {
		const state: IDataObject = {};
		const created = rec('9', 'n@x.de', 'Berlin', { isNew: true });
		expect(poll(['email'], state, [created])).toEqual(['9']);
		expect(poll(['email'], state, [created])).toEqual(['9']);
		expect(poll(['email'], state, [rec('9', 'n@x.de', 'Bonn')])).toBeNull();
	});

	it('with no field chosen, emits everything as before and keeps no memory', () => {
		const state: IDataObject = {};
		const records = [rec('1', 'a@x.de'), rec('1', 'a@x.de')];
		expect(poll(undefined, state, records)).toEqual(['1', '1']);
		expect(poll([], state, records)).toEqual(['1', '1']);
		expect(poll([], state, null)).toBeNull();
		expect(state).toEqual({});
		// A memory from an earlier selection is removed once the selection is emptied.
		poll(['email'], state, records);
		expect(state.changeFilter).toBeDefined();
		expect(poll([], state, records)).toEqual(['1', '1']);
		expect(state).toEqual({});
	});

	it('starts a new memory when the selection changes', () => {
		const state: IDataObject = {};
		expect(poll(['email'], state, [rec('1', 'a@x.de')])).toEqual(['1']);
		expect(poll(['email'], state, [rec('1', 'a@x.de')])).toBeNull();
		// City added: the hashes of the e-mail alone say nothing, so the record is emitted once.
		expect(poll(['email', 'city'], state, [rec('1', 'a@x.de')])).toEqual(['1']);
		expect(poll(['city', 'email'], state, [rec('1', 'a@x.de')])).toBeNull();
		expect((state.changeFilter as IDataObject).fields).toEqual(['city', 'email']);
		// A first poll with nothing to emit still starts the memory of the new selection.
		poll(['city'], state, null);
		expect(state.changeFilter).toEqual({ fields: ['city'], hashes: [] });
	});

	it("leaves the memory alone in the editor's test step", () => {
		const state: IDataObject = {};
		expect(poll(['email'], state, [rec('1', 'a@x.de')], 'manual')).toEqual(['1']);
		expect(state).toEqual({});
	});

	it('refuses a field the trigger does not offer, naming it', () => {
		expect(() => poll(['email', 'password'], {}, [rec('1', 'a@x.de')])).toThrow(
			'Only When These Fields Change: unknown field "password"',
		);
	});

	it('is offered as a multi-select of the fields, sorted by label', () => {
		const option = changeFieldsOption(FIELDS, 'customer', { show: { '/event': ['updated'] } });
		expect(option).toMatchObject({
			displayName: 'Only When These Fields Change',
			name: 'changeFields',
			type: 'multiOptions',
			default: [],
			displayOptions: { show: { '/event': ['updated'] } },
		});
		expect(option.options?.map((o) => (o as { value: string }).value)).toEqual([
			'city',
			'email',
			'firstName',
			'lastName',
		]);
	});
});
