import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { text, validateField } from '../../../shared/validation';
import { buildCustomerV1Body, customerV1Properties } from '../../helpers/customerV1Body';
import {
	JTL_ITEM_CONCURRENCY,
	unexpectedShape,
	jtlApiRequest,
	jtlPath,
	jtlTimeZone,
} from '../../transport';
import { runItemsSideBySide } from '../../../shared/itemPool';
import type { RouterOptions } from '../../../shared/router';
import { sendUnlessApplied } from '../../../shared/writes';
import {
	customerByNumber,
	customersByNumberForUpsert,
	rememberUpserted,
} from '../../helpers/naturalKeys';
import { readSimplify, simplifyField } from '../../../shared/parameters';
import { simplifyWrittenCustomers } from '../../helpers/output';
import { isUnchanged, markUnchanged, readSkipUnchanged } from '../../../shared/unchanged';

const properties: INodeProperties[] = [
	{
		displayName: 'Customer Number',
		name: 'customerNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'K10001',
		description:
			'The customer number to match on: the customer with this number is updated, or created when there is none',
	},
	...customerV1Properties('upsert'),
	simplifyField(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['upsert'] } },
	properties,
);

const customerNumber = text(255).pipe(z.string().trim().min(1, 'is required'));

/**
 * Finds the customer by number (one `GET /customers?number=`, or the run's one read of the whole
 * list when that costs fewer requests; see naturalKeys.ts), then updates it (`PATCH /customers/{id}`,
 * which answers 201) or creates it (`POST /customers`). Two customers with the same number stop the
 * item instead of guessing which one to change. With Skip Unchanged, a customer found that already
 * holds every value of the body (v1 body and v1 record share their paths) is not written. With
 * Simplify, `finish` shapes the customers of all items at once (their v2 UUIDs from one read).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const number = validateField(
		this,
		customerNumber,
		this.getNodeParameter('customerNumber', itemIndex),
		'Customer Number',
		itemIndex,
	);
	// Checked before any request; `finish` reads it again for the output.
	readSimplify(this, itemIndex);
	const { body, qs } = await buildCustomerV1Body(this, itemIndex, 'upsert', { Number: number });
	const skipUnchanged = readSkipUnchanged(this, itemIndex);

	const found = await customersByNumberForUpsert(this, number, itemIndex);
	if (found.length > 1) {
		throw new NodeOperationError(
			this.getNode(),
			`Customer Number (item ${itemIndex}) ${number} matches ${found.length} customers`,
			{
				itemIndex,
				description: `Customer IDs: ${found.map((c) => String(c.Id)).join(', ')}. Make the number unique in JTL-Wawi, then run again.`,
			},
		);
	}

	if (
		skipUnchanged &&
		found.length === 1 &&
		isUnchanged(body, found[0], { timeZone: await jtlTimeZone(this, itemIndex) })
	) {
		return markUnchanged([found[0]], true, true);
	}

	const saved =
		found.length === 1
			? (
					await jtlApiRequest(this, 'PATCH', jtlPath`/customers/${String(found[0].Id)}`, {
						body,
						qs,
						itemIndex,
					})
				).body
			: await sendUnlessApplied(
					this.getNode(),
					async () =>
						(await jtlApiRequest(this, 'POST', jtlPath`/customers`, { body, qs, itemIndex })).body,
					async () => await customerByNumber(this, number, itemIndex),
					{
						what: `the customer ${number}`,
						check: `Look for customer number ${number} in JTL-Wawi.`,
						itemIndex,
					},
				);
	if (!saved || typeof saved !== 'object') {
		throw unexpectedShape(this, saved, 'the customer', itemIndex);
	}
	await rememberUpserted(this, saved as IDataObject);
	// With Simplify, `finish` shapes the run's customers together (their v2 UUIDs at once).
	return markUnchanged([saved as IDataObject], skipUnchanged, false);
}

/**
 * Every item of a run, 4 at a time (`JTL_ITEM_CONCURRENCY`): the requests of one item wait for
 * each other, not for those of other items. Items with the same customer number run in item
 * order, so a number sent twice is created once and then updated.
 */
export async function executeAll(
	this: IExecuteFunctions,
	itemCount: number,
	{ continueOnFail }: RouterOptions = { continueOnFail: false },
) {
	return await runItemsSideBySide(itemCount, {
		concurrency: JTL_ITEM_CONCURRENCY,
		continueOnFail,
		// JTL's collations ignore case: `k1` and `K1` may be one customer.
		keyOf: (i) => String(this.getNodeParameter('customerNumber', i)).trim().toLowerCase(),
		run: async (i) => await execute.call(this, i),
	});
}

export const finish = simplifyWrittenCustomers;
