import type { IExecuteFunctions } from 'n8n-workflow';

import { PRICE_LIST_KIND, runTenant, tenantDescription } from '../../helpers/tenantRecords';

export const description = tenantDescription(PRICE_LIST_KIND, 'getAll');

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await runTenant(this, PRICE_LIST_KIND, 'getAll', itemIndex);
}
