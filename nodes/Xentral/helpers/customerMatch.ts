import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { pageOf, xentralApiRequest, xentralPath } from '../transport';

export const MATCH_ON: FieldSpec = {
	name: 'matchOn',
	displayName: 'Match On',
	kind: 'choice',
	description: 'The field that identifies the customer',
	choices: [
		{ name: 'Customer Number', value: 'number' },
		{ name: 'Email', value: 'email' },
	],
};

/**
 * The customers whose number or e-mail equals `value` (one page: two matches are enough to know
 * the key is not unique).
 */
export async function findCustomersBy(
	ctx: IExecuteFunctions,
	key: 'number' | 'email',
	value: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const response = await xentralApiRequest(ctx, 'GET', xentralPath`/api/v2/customers`, {
		qs: {
			'filter[0][key]': key,
			'filter[0][op]': 'equals',
			'filter[0][value]': value,
			'page[number]': 1,
			'page[size]': 10,
		},
		itemIndex,
	});
	return pageOf(ctx, response.body, 'a list of customers', itemIndex).items;
}

/**
 * The v2 customer list has no "contains" filter: a search text with an @ looks for that e-mail,
 * digits for that customer number or ID, anything else for that exact name.
 */
export function customerSearchQuery(filter: string | undefined): IDataObject {
	const text = (filter ?? '').trim();
	if (!text) return {};
	const key = text.includes('@') ? 'email' : /^\d+$/.test(text) ? 'number' : 'name';
	return { 'filter[0][key]': key, 'filter[0][op]': 'equals', 'filter[0][value]': text };
}
