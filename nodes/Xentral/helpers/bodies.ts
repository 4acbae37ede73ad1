import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NothingToSend } from '../../shared/validation';

/** How Xentral's updates refuse an empty change: `Update Fields (item N) is empty: …to change`. */
export const NOTHING_TO_CHANGE: NothingToSend = { collection: 'Update Fields', purpose: 'change' };

/**
 * Field catalogues map each editor field to its place in a Xentral body: `contactDetails.email`
 * puts the value at body.contactDetails.email; `project.id` makes a reference object.
 */
export type BodyPaths = Record<string, string>;

/** Sets `value` at a dotted path of `body`, creating the objects on the way. */
export function setPath(body: IDataObject, path: string, value: unknown): void {
	const parts = path.split('.');
	let node = body;
	for (const part of parts.slice(0, -1)) {
		if (!node[part] || typeof node[part] !== 'object') node[part] = {};
		node = node[part] as IDataObject;
	}
	node[parts[parts.length - 1]] = value as IDataObject[string];
}

/** The body of validated fields: each at its path, IDs as text (Xentral IDs are strings). */
export function bodyOf(fields: IDataObject, paths: BodyPaths): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		const path = paths[name];
		if (!path || value === undefined) continue;
		setPath(body, path, path.endsWith('.id') ? String(value) : value);
	}
	return body;
}

/** An ISO date-time as the date alone (`YYYY-MM-DD`), the `date` format of the Xentral specs. */
export const dateOnly = (value: unknown) =>
	typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : value;

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
