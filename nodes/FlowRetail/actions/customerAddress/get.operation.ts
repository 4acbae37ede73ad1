import type { IExecuteFunctions } from 'n8n-workflow';

import { ADDRESS_KIND, childDescription, runChild } from '../../helpers/children';

export const description = childDescription(ADDRESS_KIND, 'get');

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await runChild(this, ADDRESS_KIND, 'get', itemIndex);
}
