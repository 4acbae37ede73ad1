import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sendOnce, sendUnlessApplied } from '../../../shared/writes';
import { buildCustomerV1Body, customerV1Properties } from '../../helpers/customerV1Body';
import { customerByNumber } from '../../helpers/naturalKeys';
import { unexpectedShape, jtlApiRequest, jtlPath } from '../../transport';
import { readSimplify, simplifyField } from '../../../shared/parameters';
import { simplifyWrittenCustomers } from '../../helpers/output';

const properties: INodeProperties[] = [...customerV1Properties('create'), simplifyField()];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	properties,
);

/**
 * `POST /customers` (v1): answers 201 with the created customer. After a lost answer or a server
 * error (500/502/503/504), a customer with a number is looked up by it; one without a number has
 * an unknown outcome.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	// Checked before any request; `finish` reads it again for the output.
	readSimplify(this, itemIndex);
	const { body, qs } = await buildCustomerV1Body(this, itemIndex, 'create');
	const send = async () =>
		(await jtlApiRequest(this, 'POST', jtlPath`/customers`, { body, qs, itemIndex })).body;
	const number = typeof body.Number === 'string' ? body.Number : '';
	const created = number
		? await sendUnlessApplied(
				this.getNode(),
				send,
				async () => await customerByNumber(this, number, itemIndex),
				{
					what: `the customer ${number}`,
					check: `Look for customer number ${number} in JTL-Wawi.`,
					itemIndex,
				},
			)
		: await sendOnce(this.getNode(), send, {
				what: 'the customer',
				check: 'Look for the new customer in JTL-Wawi (Customers, newest first).',
				itemIndex,
			});
	if (!created || typeof created !== 'object') {
		throw unexpectedShape(this, created, 'the created customer', itemIndex);
	}
	// With Simplify, `finish` shapes the run's customers together (their v2 UUIDs at once).
	return [created as IDataObject];
}

export const finish = simplifyWrittenCustomers;
