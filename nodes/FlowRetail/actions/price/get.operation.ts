import type { IExecuteFunctions } from 'n8n-workflow';

import { PRICE_KIND, runTenant, tenantDescription } from '../../helpers/tenantRecords';

export const description = tenantDescription(PRICE_KIND, 'get');

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await runTenant(this, PRICE_KIND, 'get', itemIndex);
}
