import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withUid } from '../../helpers/recordParts';
import { GROUPS, groupLocator } from '../../helpers/tenantRecords';
import { readUid } from '../../helpers/uid';
import { asRecord, flowApiRequest } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['customerGroup'], operation: ['get'] } },
	[groupLocator],
);

/** `GET /tenants/{t}/customer-groups/{uid}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'recordUid', groupLocator.displayName, itemIndex);
	const { body } = await flowApiRequest(this, 'GET', withUid(GROUPS, uid), { itemIndex });
	return [asRecord(this, body, 'a customer group', itemIndex)];
}
