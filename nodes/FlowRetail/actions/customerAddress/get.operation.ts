import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyField } from '../../../shared/parameters';
import {
	ADDRESS_KIND,
	aOrAn,
	childOutput,
	childUidProperty,
	parentLocator,
	readChildUid,
	readParent,
} from '../../helpers/children';
import { withUid } from '../../helpers/recordParts';
import { asRecord, flowApiRequest } from '../../transport';

const kind = ADDRESS_KIND;

export const description = updateDisplayOptions(
	{ show: { resource: ['customerAddress'], operation: ['get'] } },
	[parentLocator(kind), childUidProperty(kind), simplifyField(kind.record)],
);

/** `GET …/customers/{customerUid}/addresses/{uid}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { customerUid, collection } = readParent(this, kind, itemIndex);
	const path = withUid(collection, readChildUid(this, kind, itemIndex));
	const { body } = await flowApiRequest(this, 'GET', path, { itemIndex });
	const record = asRecord(this, body, aOrAn(kind.record), itemIndex);
	return [childOutput(this, kind, record, customerUid, itemIndex)];
}
