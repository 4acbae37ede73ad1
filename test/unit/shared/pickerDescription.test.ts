/**
 * What n8n's node picker shows for each node of the package. n8n 2.41's editor (node creator,
 * `generateMergedNodesAndActions`) merges a trigger into the node whose name is the trigger's with
 * "Trigger" taken out, lists both nodes' actions under that node, and shows the trigger's
 * description on it. Such a trigger's description must read right for the action node too, not
 * as a trigger only; a trigger that stands alone says that it starts the workflow.
 */
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { packageEntries } from '../../harness/packageEntries';

const nodes = packageEntries<INodeType>('nodes').map((e) => e.instance.description);
const isTrigger = (node: INodeTypeDescription) => node.group.includes('trigger');
const actionNames = new Set(nodes.filter((n) => !isTrigger(n)).map((n) => n.name));

/** The description each node shows in the picker, merged as n8n 2.41 merges them. */
function pickerDescriptions(): Map<string, string> {
	const shown = new Map<string, string>();
	for (const node of nodes.filter((n) => !isTrigger(n))) shown.set(node.name, node.description);
	for (const trigger of nodes.filter(isTrigger)) {
		const merged = trigger.name.replace('Trigger', '');
		shown.set(actionNames.has(merged) ? merged : trigger.name, trigger.description);
	}
	return shown;
}

const merged = nodes.filter((n) => isTrigger(n) && actionNames.has(n.name.replace('Trigger', '')));
const alone = nodes.filter((n) => isTrigger(n) && !actionNames.has(n.name.replace('Trigger', '')));

describe("the package's nodes in n8n's node picker", () => {
	const shown = pickerDescriptions();

	it('merges the JTL-Wawi, Xentral and Flow Retail triggers into their action nodes', () => {
		expect(merged.map((n) => n.name).sort()).toEqual([
			'flowRetailTrigger',
			'jtlWawiTrigger',
			'xentralTrigger',
		]);
	});

	it.each(merged.map((n) => [n.displayName, n] as const))(
		'%s speaks for its action node: what it works on, and that it starts workflows',
		(_name, trigger) => {
			const action = nodes.find((n) => n.name === trigger.name.replace('Trigger', ''))!;
			const text = shown.get(action.name) ?? '';
			expect(text).toBe(trigger.description);
			expect(text).toMatch(new RegExp(`^Work with ${action.displayName} customers, `));
			expect(text).not.toMatch(/^Starts the workflow/i);
			expect(text).toMatch(/\bstart workflows when\b/);
		},
	);

	it.each(alone.map((n) => [n.displayName, n] as const))(
		'%s stands alone and says that it starts the workflow',
		(_name, trigger) => {
			expect(shown.get(trigger.name)).toMatch(/^Starts the workflow when /);
		},
	);
});
