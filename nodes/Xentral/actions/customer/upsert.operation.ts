import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

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
import { findCustomersBy, MATCH_ON, rememberCustomer } from '../../helpers/customerMatch';
import { createCustomer, createNotice } from '../../helpers/customerWrites';
import { customerOutput } from '../../helpers/output';
import { customerPath, getRecord } from '../../helpers/records';
import { xentralTimeZone } from '../../helpers/timeZone';
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
			"The field that identifies the customer: with one match it is updated, with none created; with two or more the item stops. E-mails match in any upper and lower case. Whether Xentral's filter ignores case is not documented: the node tests it once per run, and where it does not, compares the e-mails of all customers itself (up to 10,000).",
		hint: 'E-mails match in any upper and lower case, also where Xentral compares them exactly',
	},
	...nameProperties(),
	projectProperty(),
	additionalFieldsProperty(),
	...listProperties(),
	optionsCollection([skipUnchangedOption()]),
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

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const matchOn = readField(this, MATCH_ON, 'matchOn', itemIndex) as 'number' | 'email';
	const bodies = readCreateBodies(this, itemIndex);
	const key =
		matchOn === 'number'
			? (bodies.create.number as string | undefined)
			: ((bodies.create.contactDetails as IDataObject | undefined)?.email as string | undefined);
	const label = matchOn === 'number' ? 'Customer Number' : 'Email';
	if (!key) {
		throw new NodeOperationError(
			this.getNode(),
			`Additional Fields > ${label} (item ${itemIndex}) is required to match on it`,
			{ itemIndex },
		);
	}
	const matches = await findCustomersBy(this, matchOn, key, itemIndex);
	if (matches.length > 1) {
		throw new NodeOperationError(
			this.getNode(),
			`${matches.length} customers match ${label} "${key}" (item ${itemIndex}); the node does not guess which one to update`,
			{
				itemIndex,
				description: `Matching customer IDs: ${matches.map((m) => String(m.id)).join(', ')}. Make the ${label.toLowerCase()} unique in Xentral, or update one of them by ID.`,
			},
		);
	}
	const skipUnchanged = readSkipUnchanged(this, itemIndex);
	let customer: IDataObject | undefined;
	let unchanged = false;
	if (matches.length === 1) {
		// The PATCH body has no `project`: an existing customer keeps its project.
		const id = String(matches[0].id);
		if (skipUnchanged) {
			// A change the list already shows needs no read; else the record itself decides, and is
			// the output (the list's view of a customer is not documented to be the full record).
			const rules = await compareRules(this, itemIndex);
			if (!differences(bodies.update, matches[0], rules).some((d) => d.reason === 'differs')) {
				const current = await getRecord(this, customerPath(id), 'the customer', itemIndex);
				if (isUnchanged(bodies.update, current, rules)) {
					customer = current;
					unchanged = true;
				}
			}
		}
		if (!customer) {
			await xentralApiRequest(this, 'PATCH', customerPath(id), { body: bodies.update, itemIndex });
			customer = await getRecord(this, customerPath(id), 'the customer', itemIndex);
		}
	} else {
		customer = await createCustomer(this, bodies.create, itemIndex, {
			find: async () => {
				const found = await findCustomersBy(this, matchOn, key, itemIndex);
				return found.length === 1 ? found[0] : undefined;
			},
			check: 'Search Xentral for the customer before running this item again.',
		});
	}
	await rememberCustomer(this, customer);
	return markUnchanged(await customerOutput(this, [customer], itemIndex), skipUnchanged, unchanged);
}
