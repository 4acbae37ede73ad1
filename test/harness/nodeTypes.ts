import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { PACKAGE_NAME, packageEntries } from './packageEntries';

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

/**
 * Node type names as they appear in workflow files: n8n's own Manual Trigger and every node that
 * package.json's `n8n.nodes` lists, as `<package name>.<description.name>`.
 */
export const registry: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
};
for (const { entry, instance } of packageEntries<INodeType>('nodes')) {
	const type = `${PACKAGE_NAME}.${instance.description.name}`;
	if (registry[type]) throw new Error(`package.json n8n entry ${entry}: node type ${type} twice`);
	registry[type] = instance;
}

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
