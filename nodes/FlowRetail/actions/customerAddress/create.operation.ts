import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { extraBodyFieldsProperty } from '../../../shared/extraBodyFields';
import { simplifyField } from '../../../shared/parameters';
import { ADDRESS_KIND, childOutput, parentLocator, readParent } from '../../helpers/children';
import {
	additionalFieldsProperty,
	createRecord,
	readAdditionalFields,
	readRequiredFields,
	requireFields,
	requiredProperties,
} from '../../helpers/recordParts';
import { clientUidProperty } from '../../helpers/uid';

const kind = ADDRESS_KIND;

export const description = updateDisplayOptions(
	{ show: { resource: ['customerAddress'], operation: ['create'] } },
	[
		parentLocator(kind),
		...requiredProperties(kind.required),
		additionalFieldsProperty(kind.specs),
		clientUidProperty(kind.record),
		extraBodyFieldsProperty('Flow Retail'),
		simplifyField(kind.record),
	],
);

/** `POST …/customers/{customerUid}/addresses` with a client-made UID. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { customerUid, collection } = readParent(this, kind, itemIndex);
	const body = {
		...readRequiredFields(this, kind.required, itemIndex),
		...readAdditionalFields(this, kind.specs, itemIndex),
	};
	requireFields(this, kind.required, body, itemIndex);
	const { uidKey, record } = kind;
	const created = await createRecord(this, { collection, body, uidKey, record }, itemIndex);
	return [childOutput(this, kind, created, customerUid, itemIndex)];
}
