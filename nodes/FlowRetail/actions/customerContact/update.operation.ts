import type { IExecuteFunctions } from 'n8n-workflow';

import { CONTACT_KIND, childDescription, runChild } from '../../helpers/children';

export const description = childDescription(CONTACT_KIND, 'update');

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await runChild(this, CONTACT_KIND, 'update', itemIndex);
}
