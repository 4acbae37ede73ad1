import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	ADDRESS_KIND,
	childUidProperty,
	parentLocator,
	readChildUid,
	readParent,
	undocumentedWrite,
	writeNotice,
} from '../../helpers/children';
import { withUid } from '../../helpers/recordParts';
import { flowApiRequest } from '../../transport';
import { keyOfParameters } from '../../helpers/parallel';

const kind = ADDRESS_KIND;

export const description = updateDisplayOptions(
	{ show: { resource: ['customerAddress'], operation: ['delete'] } },
	[writeNotice(kind, 'delete'), parentLocator(kind), childUidProperty(kind)],
);

/** Items writing the same record run one after another. */
export const itemKey = keyOfParameters('customer', 'customerUid');

/** `DELETE …/customers/{customerUid}/addresses/{uid}` (undocumented, see the notice). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const { customerUid, collection } = readParent(this, kind, itemIndex);
	const uid = readChildUid(this, kind, itemIndex);
	const path = withUid(collection, uid);
	await undocumentedWrite(this, kind, 'deleting', path, itemIndex, () =>
		flowApiRequest(this, 'DELETE', path, { itemIndex }),
	);
	return [{ deleted: true, customerUid, [kind.uidKey]: uid }];
}
