import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { httpStatusOf } from '../../shared/errors';
import { xentralPath } from '../transport';
import { createRecord, customerPath } from './records';

/**
 * The panel's word on what the v2 create rests on: Xentral's current documents list the request
 * body but no answer; the node relies on the 201 with a `Location` header of release 24.48.
 */
export const createNotice: INodeProperties = {
	displayName:
		"Xentral's current documents do not show the answer to creating a v2 customer: the node expects 201 with a Location header, as release 24.48 documented, and reads the new customer from there. Where an instance answers otherwise, the item fails naming the answer.",
	name: 'createNotice',
	type: 'notice',
	default: '',
};

/** Whether a refusal names the project: a 400 whose field messages include `project`. */
function refusedForProject(error: unknown): boolean {
	if (httpStatusOf(error) !== 400) return false;
	const e = error as { errorResponse?: IDataObject };
	const violations = e.errorResponse?.violations as IDataObject | undefined;
	if (violations && typeof violations === 'object')
		return 'project' in violations || 'project.id' in violations;
	const messages = JSON.stringify(e.errorResponse?.messages ?? '');
	return /project/i.test(messages);
}

/**
 * POST /api/v2/customers through `createRecord`. An instance that enforces the project rule of the
 * v2 guide refuses a customer without one; that refusal becomes an error naming the Project field
 * and the item, with Xentral's own words beside it.
 */
export async function createCustomer(
	ctx: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	recovery: {
		find?: () => Promise<IDataObject | undefined>;
		check: string;
		/** Return Full Record: GET the new customer, else its ID plus the body sent. */
		fullRecord: boolean;
	},
): Promise<IDataObject> {
	let failure: unknown;
	try {
		return await createRecord(ctx, {
			path: xentralPath`/api/v2/customers`,
			body,
			itemIndex,
			viewPath: customerPath,
			what: 'the customer',
			...recovery,
		});
	} catch (error) {
		failure = error;
	}
	if (!refusedForProject(failure)) throw failure;
	const given = (body.project as IDataObject | undefined)?.id;
	throw new NodeOperationError(
		ctx.getNode(),
		given === undefined
			? `Project (item ${itemIndex}) is required by this Xentral instance for a new customer`
			: `Project (item ${itemIndex}) was refused by Xentral: ${String(given)} is not a project it accepts`,
		{
			itemIndex,
			description: `Choose the project the customer belongs to under Project. Xentral answered: ${(failure as Error).message}`,
		},
	);
}
