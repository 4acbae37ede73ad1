// "Only When These Fields Change", vendor-neutral: the option every trigger offers, a short hash
// of the chosen fields of a record in the package's common shape, and the capped memory of the
// hash each record had when the trigger last emitted it. A poll trigger filters its records with
// one call (onlyChangedRecords); a webhook trigger uses the memory through nodes/shared/webhooks.ts,
// which keeps it where it keeps its delivery memory.
import { createHash } from 'crypto';
import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The option's name in a trigger's Options collection. */
export const CHANGE_FIELDS_OPTION = 'changeFields';

/** How many records the memory holds at most: the ones emitted most recently win. */
export const MAX_REMEMBERED_HASHES = 10_000;

/** Where the memory lives in the trigger node's static data. */
const MEMORY_KEY = 'changeFilter';

/** A trigger's selectable fields: common-shape key → label shown in the editor. */
export type ChangeFields = Readonly<Record<string, string>>;

/** The labels of the common customer shape's fields a change can be watched on. */
const CUSTOMER_FIELD_LABELS: ChangeFields = {
	number: 'Customer Number',
	externalId: 'External ID',
	type: 'Type (Person or Company)',
	company: 'Company',
	firstName: 'First Name',
	lastName: 'Last Name',
	email: 'Email',
	phone: 'Phone (Landline)',
	mobile: 'Mobile',
	street: 'Street',
	postalCode: 'Postal Code',
	city: 'City',
	countryIso: 'Country',
	groupId: 'Customer Group',
	languageIso: 'Language',
	customerSince: 'Customer Since',
	isLocked: 'Locked',
};

/**
 * The customer fields a trigger offers: those of the common shape its system fills (a field the
 * system never holds is always null, so it could never change). IDs, `createdAt`, `updatedAt` and
 * `source` are not offered: `updatedAt` changes with every change, the others never.
 */
export function customerChangeFields(
	keys: ReadonlyArray<keyof typeof CUSTOMER_FIELD_LABELS & string>,
): ChangeFields {
	return Object.fromEntries(keys.map((key) => [key, CUSTOMER_FIELD_LABELS[key]]));
}

/**
 * The "Only When These Fields Change" option of a trigger's Options collection. `displayOptions`
 * shows it only for the events that report changes (a new record is always emitted).
 */
export function changeFieldsOption(
	fields: ChangeFields,
	record: string,
	displayOptions?: INodeProperties['displayOptions'],
): INodeProperties {
	const options: INodePropertyOptions[] = Object.entries(fields)
		.map(([value, name]) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		displayName: 'Only When These Fields Change',
		name: CHANGE_FIELDS_OPTION,
		type: 'multiOptions',
		default: [],
		options,
		description: `Emit a changed ${record} only when one of these fields differs from when the trigger last emitted it (compared in the common shape, with Simplify on or off). Empty emits every change. A new ${record} is always emitted.`,
		...(displayOptions ? { displayOptions } : {}),
	};
}

type WithParameters = Pick<IPollFunctions | IWebhookFunctions, 'getNodeParameter' | 'getNode'>;

/**
 * The fields chosen under the option, sorted and without repeats; empty when none are. A name the
 * trigger does not offer (from an expression or an older version) is an error that names it.
 */
export function readChangeFields(ctx: WithParameters, fields: ChangeFields): string[] {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const chosen = options?.[CHANGE_FIELDS_OPTION] ?? [];
	const list = Array.isArray(chosen) ? chosen : [chosen];
	const names = [...new Set(list.map(String))].filter((name) => name !== '').sort();
	const unknown = names.filter((name) => !Object.prototype.hasOwnProperty.call(fields, name));
	if (unknown.length)
		throw new NodeOperationError(
			ctx.getNode(),
			`Only When These Fields Change: unknown field ${unknown.map((n) => `"${n}"`).join(', ')}`,
			{ description: `Choose from: ${Object.keys(fields).join(', ')}.` },
		);
	return names;
}

/** JSON with the keys of every object sorted, so equal values give equal text in any key order. */
export function stableJson(value: unknown): string {
	if (value === undefined || value === null) return 'null';
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.keys(value as object)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${stableJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * The hash of a record's chosen fields: SHA-256 over the stable JSON of those fields (a missing
 * field counts as null), 96 bits as 16 base64url characters.
 */
export function fieldsHash(record: IDataObject, fields: readonly string[]): string {
	const picked: IDataObject = {};
	for (const field of fields) picked[field] = record[field] ?? null;
	return createHash('sha256').update(stableJson(picked), 'utf8').digest('base64url').slice(0, 16);
}

/** What the memory keeps in static data: the selection it belongs to, and [record, hash] pairs. */
interface StoredMemory {
	fields: string[];
	/** Oldest emission first. */
	hashes: Array<[record: string, hash: string]>;
}

/** The hashes of the records last emitted, by record key, oldest emission first. */
export type ChangeMemory = Map<string, string>;

const sameList = (a: unknown, b: readonly string[]) =>
	Array.isArray(a) && a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * The memory kept in `data` (a node's static data) for the selection `fields`. A memory kept for
 * another selection is no memory: the hashes of other fields say nothing about these.
 */
export function readChangeMemory(data: IDataObject, fields: readonly string[]): ChangeMemory {
	const stored = data[MEMORY_KEY] as Partial<StoredMemory> | undefined;
	const memory: ChangeMemory = new Map();
	if (!stored || !sameList(stored.fields, fields) || !Array.isArray(stored.hashes)) return memory;
	for (const entry of stored.hashes) {
		if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string')
			memory.set(entry[0], entry[1]);
	}
	return memory;
}

/**
 * Records `hash` as the record's latest emission: it becomes the newest entry, and the oldest are
 * forgotten beyond MAX_REMEMBERED_HASHES.
 */
export function rememberHash(memory: ChangeMemory, record: string, hash: string): void {
	memory.delete(record);
	memory.set(record, hash);
	for (const oldest of memory.keys()) {
		if (memory.size <= MAX_REMEMBERED_HASHES) break;
		memory.delete(oldest);
	}
}

/** Stores the memory for the selection in `data`; an empty selection removes it. */
export function writeChangeMemory(
	data: IDataObject,
	fields: readonly string[],
	memory: ChangeMemory,
): void {
	if (!fields.length) {
		delete data[MEMORY_KEY];
		return;
	}
	const stored: StoredMemory = {
		fields: [...fields],
		hashes: [...memory].slice(-MAX_REMEMBERED_HASHES),
	};
	// A new object, so n8n sees the static data changed and saves it.
	data[MEMORY_KEY] = stored as unknown as IDataObject;
}

/** Whether `data` holds a memory (of any selection). */
export function hasChangeMemory(data: IDataObject): boolean {
	return data[MEMORY_KEY] !== undefined;
}

/**
 * Whether an event about a record is emitted: a new record always, a changed one when its hash
 * differs from the one last emitted, or when it has none (never emitted since the memory began:
 * the first change of each record after the option was set is emitted once).
 */
export function isChange(
	memory: ChangeMemory,
	record: string,
	hash: string,
	isNew: boolean,
): boolean {
	return isNew || memory.get(record) !== hash;
}

/** What a poll trigger tells the filter about its records. */
export interface ChangeSource<R> {
	/** The common-shape fields the trigger offers (its option's list). */
	fields: ChangeFields;
	/** The record's key in the memory (its ID). */
	idOf(record: R): string;
	/** The record in the common shape, whatever Simplify says: the hash is taken over it. */
	commonOf(record: R): IDataObject;
	/** Whether the record is a new one (always emitted, its hash recorded). */
	isNew(record: R): boolean;
}

/**
 * The records of a poll that are to be emitted under "Only When These Fields Change", oldest
 * first as the poll found them; null when none. With no field chosen, every record (today's
 * behaviour) and no memory. The editor's test step returns the records and leaves the memory
 * alone. Each emitted record's hash is remembered in the node's static data, which n8n saves with
 * the poll's state.
 */
export function onlyChangedRecords<R>(
	ctx: IPollFunctions,
	records: R[] | null,
	source: ChangeSource<R>,
): R[] | null {
	const fields = readChangeFields(ctx, source.fields);
	if (ctx.getMode() === 'manual') return records;
	const data = ctx.getWorkflowStaticData('node');
	if (!fields.length) {
		if (hasChangeMemory(data)) writeChangeMemory(data, fields, new Map());
		return records;
	}
	const memory = readChangeMemory(data, fields);
	const emitted: R[] = [];
	for (const record of records ?? []) {
		const id = source.idOf(record);
		const hash = fieldsHash(source.commonOf(record), fields);
		if (!isChange(memory, id, hash, source.isNew(record))) continue;
		rememberHash(memory, id, hash);
		emitted.push(record);
	}
	// Written when something was emitted, or to start the memory of a new selection.
	if (emitted.length || !sameList((data[MEMORY_KEY] as IDataObject)?.fields, fields))
		writeChangeMemory(data, fields, memory);
	return emitted.length ? emitted : null;
}
