import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import type { NothingToSend } from '../../shared/validation';

/** How Xentral's updates refuse an empty change: `Update Fields (item N) is empty: …to change`. */
export const NOTHING_TO_CHANGE: NothingToSend = { collection: 'Update Fields', purpose: 'change' };

/** An ISO date-time as the date alone (`YYYY-MM-DD`), the `date` format of the Xentral specs. */
export const dateOnly = (value: unknown) =>
	typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : value;

/** A field sent as a date alone: `{ ...asDate }` in a spec. */
export const asDate: Partial<FieldSpec> = { send: dateOnly };

/**
 * A field that is a reference to another Xentral record: `reference('project')` places the ID at
 * body.project.id, as text (Xentral IDs are strings).
 */
export const reference = (object: string): Partial<FieldSpec> => ({
	body: `${object}.id`,
	send: (value) => String(value),
});

/** Text sent in lower case (a language code). */
export const lowerCase: Partial<FieldSpec> = {
	send: (value) => (typeof value === 'string' ? value.toLowerCase() : value),
};

/**
 * A list of Xentral IDs from a comma-separated text, a number or a list (from an expression):
 * each one digits, at least one; else an error naming the field (`label`) and the item.
 */
export function idList(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string[] {
	const fail = (problem: string) =>
		new NodeOperationError(ctx.getNode(), `${label} (item ${itemIndex}) ${problem}`, {
			itemIndex,
		});
	const entries =
		typeof value === 'number'
			? [value]
			: typeof value === 'string'
				? value
						.split(',')
						.map((s) => s.trim())
						.filter(Boolean)
				: value;
	if (!Array.isArray(entries)) throw fail('must be IDs separated by commas, such as 17, 22');
	if (entries.length === 0) throw fail('needs at least one ID, such as 17');
	return entries.map((entry) => {
		const text =
			typeof entry === 'number' ? String(entry) : typeof entry === 'string' ? entry.trim() : '';
		if (!/^[1-9]\d{0,17}$/.test(text))
			throw fail(
				`must be IDs separated by commas, such as 17, 22: ${JSON.stringify(entry)} is not one`,
			);
		return text;
	});
}

/** The salutations of Xentral's customers, addresses and contact persons. */
export const SALUTATIONS = [
	{ name: 'Company', value: 'company' },
	{ name: 'Mr', value: 'mr' },
	{ name: 'Mrs', value: 'mrs' },
	{ name: 'Other', value: 'other' },
];

/** How sales to a customer or deliveries to an address are taxed. */
export const TAXATIONS = [
	{ name: 'Domestic', value: 'domestic' },
	{ name: 'EU Delivery', value: 'eu-delivery' },
	{ name: 'Export', value: 'export' },
	{ name: 'Tax Free', value: 'free' },
];
