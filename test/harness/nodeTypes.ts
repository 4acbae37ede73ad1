import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { JtlWawi } from '../../nodes/JtlWawi/JtlWawi.node';
import { JtlWawiTrigger } from '../../nodes/JtlWawiTrigger/JtlWawiTrigger.node';

/** A Manual Trigger equivalent: passes its one empty item on. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the test workflow',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Node type names as they appear in workflow files: n8n's own and this package's. */
const registry: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-erp-customers.jtlWawi': new JtlWawi(),
	'n8n-nodes-erp-customers.jtlWawiTrigger': new JtlWawiTrigger(),
};

export const nodeTypes: INodeTypes = {
	getByName(type: string): INodeType | IVersionedNodeType {
		const node = registry[type];
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	},
	getByNameAndVersion(type: string): INodeType {
		const node = registry[type];
		if (!node) throw new Error(`Unknown node type ${type}`);
		return node;
	},
	getKnownTypes() {
		return {};
	},
};
