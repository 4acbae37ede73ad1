import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { updateFieldsProperties } from '../../helpers/customerFields';
import { readUpdateBody, withUid } from '../../helpers/recordParts';
import { GROUPS, GROUP_UID_KEY, NAME, groupLocator } from '../../helpers/tenantRecords';
import { readUid } from '../../helpers/uid';
import { asRecord, flowApiRequest } from '../../transport';
import { keyOfParameters } from '../../helpers/parallel';

export const description = updateDisplayOptions(
	{ show: { resource: ['customerGroup'], operation: ['update'] } },
	[groupLocator, ...updateFieldsProperties([NAME])],
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('customer group', 'recordUid');

/** `PUT /tenants/{t}/customer-groups/{uid}` with the fields to change. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const uid = readUid(this, 'recordUid', groupLocator.displayName, itemIndex);
	const body = readUpdateBody(this, [NAME], GROUP_UID_KEY, itemIndex);
	const { body: updated } = await flowApiRequest(this, 'PUT', withUid(GROUPS, uid), {
		body,
		itemIndex,
	});
	return [asRecord(this, updated, 'a customer group', itemIndex)];
}
