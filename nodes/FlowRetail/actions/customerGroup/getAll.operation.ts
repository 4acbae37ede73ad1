import type { IExecuteFunctions } from 'n8n-workflow';

import { GROUP_KIND, runTenant, tenantDescription } from '../../helpers/tenantRecords';

export const description = tenantDescription(GROUP_KIND, 'getAll');

export async function execute(this: IExecuteFunctions, itemIndex: number) {
	return await runTenant(this, GROUP_KIND, 'getAll', itemIndex);
}
