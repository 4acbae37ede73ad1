import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { stampItemIndex } from '../../shared/errors';
import { address } from './address';
import { contact } from './contact';
import { customer } from './customer';
import { customerPrice } from './customerPrice';
import type { ResourceModule } from './types';

export const resources: Record<string, ResourceModule> = {
	address,
	contact,
	customer,
	customerPrice,
};

/**
 * Runs the chosen operation once per input item. Each result is paired with its item; with
 * Continue On Fail, a failing item yields an error item and the rest go on.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.operations[operation];
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}

	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const records = await module.execute.call(this, i);
			out.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(records), {
					itemData: { item: i },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				const description = (error as { description?: string }).description;
				out.push({
					json: {
						error: (error as Error).message,
						...(description ? { description } : {}),
					},
					pairedItem: { item: i },
				});
				continue;
			}
			throw stampItemIndex(error, i);
		}
	}
	return [out];
}
