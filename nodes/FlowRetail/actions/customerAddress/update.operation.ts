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
	undocumentedWrite,
	writeNotice,
} from '../../helpers/children';
import { updateFieldsProperties } from '../../helpers/customerFields';
import { readUpdateBody, withUid } from '../../helpers/recordParts';
import { asRecord, flowApiRequest } from '../../transport';
import { keyOfParameters } from '../../helpers/parallel';

const kind = ADDRESS_KIND;
const updatable = [...kind.required, ...kind.specs];

export const description = updateDisplayOptions(
	{ show: { resource: ['customerAddress'], operation: ['update'] } },
	[
		writeNotice(kind, 'update'),
		parentLocator(kind),
		childUidProperty(kind),
		...updateFieldsProperties(updatable),
		simplifyField(kind.record),
	],
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('customer', 'customerUid');

/** `PUT …/customers/{customerUid}/addresses/{uid}` (undocumented, see the notice). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { customerUid, collection } = readParent(this, kind, itemIndex);
	const path = withUid(collection, readChildUid(this, kind, itemIndex));
	const body = readUpdateBody(this, updatable, kind.uidKey, itemIndex);
	const { body: updated } = await undocumentedWrite(this, kind, 'updating', path, itemIndex, () =>
		flowApiRequest(this, 'PUT', path, { body, itemIndex }),
	);
	const record = asRecord(this, updated, aOrAn(kind.record), itemIndex);
	return [childOutput(this, kind, record, customerUid, itemIndex)];
}
