import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import {
	createRecord,
	readRequiredFields,
	requireFields,
	requiredProperties,
} from '../../helpers/recordParts';
import { GROUPS, GROUP_UID_KEY, NAME } from '../../helpers/tenantRecords';
import { clientUidProperty } from '../../helpers/uid';

export const description = updateDisplayOptions(
	{ show: { resource: ['customerGroup'], operation: ['create'] } },
	[
		...requiredProperties([NAME]),
		clientUidProperty('customer group'),
		extraBodyFieldsProperty('Flow Retail'),
	],
);

/** `POST /tenants/{t}/customer-groups` with a client-made UID. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const body = readRequiredFields(this, [NAME], itemIndex);
	requireFields(this, [NAME], body, itemIndex);
	const group = { collection: GROUPS, body, uidKey: GROUP_UID_KEY, record: 'customer group' };
	return [await createRecord(this, group, itemIndex)];
}
