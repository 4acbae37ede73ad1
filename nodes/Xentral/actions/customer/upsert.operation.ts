import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { stampItemIndex } from '../../../shared/errors';
import { readField } from '../../../shared/fieldSpecs';
import { optionsCollection, simplifyField } from '../../../shared/parameters';
import type { CompareRules } from '../../../shared/unchanged';
import {
	differences,
	isUnchanged,
	markUnchanged,
	readSkipUnchanged,
	skipUnchangedOption,
} from '../../../shared/unchanged';
import { readCreateBodies } from '../../helpers/customerBodies';
import { listProperties } from '../../helpers/customerLists';
import {
	additionalFieldsProperty,
	nameProperties,
	projectProperty,
} from '../../helpers/customerProperties';
import type { Lookup, MatchOn } from '../../helpers/customerLookup';
import { lookUpCustomers, matchKeyOf } from '../../helpers/customerLookup';
import { findCustomersBy, MATCH_ON, rememberCustomer } from '../../helpers/customerMatch';
import { createCustomer, createNotice } from '../../helpers/customerWrites';
import { customerOutput } from '../../helpers/output';
import { customerPath, getRecord } from '../../helpers/records';
import { xentralTimeZone } from '../../helpers/timeZone';
import { readReturnFullRecord, returnFullRecordOption, written } from '../../helpers/writeResults';
import { xentralApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	createNotice,
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		options: MATCH_ON.choices,
		default: 'number',
		description:
			"The field that identifies the customer: with one match it is updated, with none created; with two or more the item stops. E-mails match in any upper and lower case. Whether Xentral's filter ignores case is not documented: the node tests it once per run, and where it does not, compares the e-mails of all customers itself (up to 10,000). The items of a run are looked up together, 50 keys per request.",
		hint: 'E-mails match in any upper and lower case, also where Xentral compares them exactly',
	},
	...nameProperties(),
	projectProperty(),
	additionalFieldsProperty(),
	...listProperties(),
	optionsCollection([
		returnFullRecordOption(
			'fields not sent are those the lookup found (without the change time), and with Simplify the address is empty',
		),
		skipUnchangedOption(),
	]),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['upsert'] } },
	properties,
);

/**
 * How Skip Unchanged reads a Xentral customer: at the paths of the PATCH body, in the instance's
 * zone. The groups are a set of IDs; a view that shows them as `[{id}]` is read as those IDs.
 */
async function compareRules(ctx: IExecuteFunctions, itemIndex: number): Promise<CompareRules> {
	return {
		timeZone: await xentralTimeZone(ctx, itemIndex),
		unorderedLists: ['groups'],
		readAt: (path, record) => {
			if (path.join('.') !== 'groups' || !Array.isArray(record.groups)) return undefined;
			return record.groups.map((g) =>
				g && typeof g === 'object' && 'id' in g ? (g as IDataObject).id : g,
			);
		},
	};
}

interface Entry {
	itemIndex: number;
	matchOn: MatchOn;
	key: string;
	label: string;
	bodies: ReturnType<typeof readCreateBodies>;
	skipUnchanged: boolean;
	fullRecord: boolean;
}

/** One item's parameters, checked before any request. */
function readEntry(ctx: IExecuteFunctions, itemIndex: number): Entry {
	const matchOn = readField(ctx, MATCH_ON, 'matchOn', itemIndex) as MatchOn;
	const bodies = readCreateBodies(ctx, itemIndex);
	const key =
		matchOn === 'number'
			? (bodies.create.number as string | undefined)
			: ((bodies.create.contactDetails as IDataObject | undefined)?.email as string | undefined);
	const label = matchOn === 'number' ? 'Customer Number' : 'Email';
	if (!key) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Additional Fields > ${label} (item ${itemIndex}) is required to match on it`,
			{ itemIndex },
		);
	}
	return {
		itemIndex,
		matchOn,
		key,
		label,
		bodies,
		skipUnchanged: readSkipUnchanged(ctx, itemIndex),
		fullRecord: readReturnFullRecord(ctx, itemIndex),
	};
}

/** A record as far as a write makes it known: its change time is no longer the one read. */
function withoutChangeTime(record: IDataObject): IDataObject {
	const rest = { ...record };
	delete rest.updatedAt;
	return rest;
}

/**
 * One item against the customers the run's lookup found for its key. What it writes becomes what
 * the lookup knows of that key, so a later item with the same key updates that customer (never a
 * second one).
 */
async function upsertOne(ctx: IExecuteFunctions, entry: Entry, lookup: Lookup) {
	const { itemIndex, matchOn, key, label, bodies, skipUnchanged, fullRecord } = entry;
	const matchKey = matchKeyOf(matchOn, key);
	const matches = lookup.get(matchKey) ?? [];
	if (matches instanceof Error) throw matches;
	if (matches.length > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${matches.length} customers match ${label} "${key}" (item ${itemIndex}); the node does not guess which one to update`,
			{
				itemIndex,
				description: `Matching customer IDs: ${matches.map((m) => String(m.id)).join(', ')}. Make the ${label.toLowerCase()} unique in Xentral, or update one of them by ID.`,
			},
		);
	}
	let customer: IDataObject | undefined;
	let unchanged = false;
	if (matches.length === 1) {
		// The PATCH body has no `project`: an existing customer keeps its project.
		const id = String(matches[0].id);
		let known = matches[0];
		if (skipUnchanged) {
			// A change the list already shows needs no read; else the record itself decides, and is
			// the output (the list's view of a customer is not documented to be the full record).
			const rules = await compareRules(ctx, itemIndex);
			if (!differences(bodies.update, matches[0], rules).some((d) => d.reason === 'differs')) {
				known = await getRecord(ctx, customerPath(id), 'the customer', itemIndex);
				if (isUnchanged(bodies.update, known, rules)) {
					customer = known;
					unchanged = true;
				}
			}
		}
		if (!customer) {
			await xentralApiRequest(ctx, 'PATCH', customerPath(id), { body: bodies.update, itemIndex });
			customer = fullRecord
				? await getRecord(ctx, customerPath(id), 'the customer', itemIndex)
				: written(id, bodies.update, withoutChangeTime(known));
		}
	} else {
		customer = await createCustomer(ctx, bodies.create, itemIndex, {
			find: async () => {
				const found = await findCustomersBy(ctx, matchOn, key, itemIndex);
				return found.length === 1 ? found[0] : undefined;
			},
			check: 'Search Xentral for the customer before running this item again.',
			fullRecord,
		});
	}
	lookup.set(matchKey, [customer]);
	await rememberCustomer(ctx, customer);
	const records = await customerOutput(ctx, [customer], itemIndex, { readAddresses: fullRecord });
	return markUnchanged(records, skipUnchanged, unchanged);
}

/**
 * The given items: each one's parameters first (bad input fails before any request), then one
 * lookup per 50 match keys for all of them, then each item's write in item order. Without
 * Continue On Fail the first failing item ends the run, as it would item by item.
 */
async function upsertItems(
	ctx: IExecuteFunctions,
	itemIndexes: number[],
	continueOnFail: boolean,
): Promise<Array<IDataObject[] | Error>> {
	const outcomes: Array<IDataObject[] | Error> = [];
	const entries: Entry[] = [];
	for (const i of itemIndexes) {
		try {
			entries.push(readEntry(ctx, i));
		} catch (error) {
			if (!continueOnFail) throw stampItemIndex(error, i);
			outcomes[i] = error as Error;
		}
	}
	const lookups = new Map<MatchOn, Lookup>();
	for (const matchOn of new Set(entries.map((e) => e.matchOn)))
		lookups.set(
			matchOn,
			await lookUpCustomers(
				ctx,
				matchOn,
				entries
					.filter((e) => e.matchOn === matchOn)
					.map((e) => ({ value: e.key, itemIndex: e.itemIndex })),
			),
		);
	for (const entry of entries) {
		try {
			outcomes[entry.itemIndex] = await upsertOne(ctx, entry, lookups.get(entry.matchOn)!);
		} catch (error) {
			if (!continueOnFail) throw stampItemIndex(error, entry.itemIndex);
			outcomes[entry.itemIndex] = error as Error;
		}
	}
	return outcomes;
}

/** Every item of the run: see {@link upsertItems}. */
export async function executeAll(this: IExecuteFunctions, itemCount: number) {
	return await upsertItems(
		this,
		Array.from({ length: itemCount }, (_, i) => i),
		this.continueOnFail(),
	);
}

/** One item alone. (The router sends all items through executeAll.) */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const outcome = (await upsertItems(this, [itemIndex], false))[itemIndex];
	if (outcome instanceof Error) throw outcome;
	return outcome;
}
