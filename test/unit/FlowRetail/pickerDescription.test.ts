/**
 * What n8n's node picker shows for the Flow Retail node. n8n 2.41's editor (node creator,
 * `generateMergedNodesAndActions`) merges a trigger into the node whose name is the trigger's with
 * "Trigger" taken out, lists both nodes' actions under that node, and shows the trigger's
 * description on it. The Flow Retail Trigger (`flowRetailTrigger`) merges into Flow Retail
 * (`flowRetail`): its description must read right for the action node too, not as a trigger only.
 */
import type { INodeType } from 'n8n-workflow';

import { PACKAGE_NAME, packageEntries } from '../../harness/packageEntries';

const nodes = packageEntries<INodeType>('nodes').map((e) => e.instance.description);

/** The description each node shows in the picker, merged as n8n 2.41 merges them. */
function pickerDescriptions(): Map<string, string> {
	const shown = new Map<string, string>();
	for (const node of nodes.filter((n) => !n.group.includes('trigger')))
		shown.set(node.name, node.description);
	for (const trigger of nodes.filter((n) => n.group.includes('trigger'))) {
		const merged = trigger.name.replace('Trigger', '');
		if (shown.has(merged)) shown.set(merged, trigger.description);
		else shown.set(trigger.name, trigger.description);
	}
	return shown;
}

describe("the Flow Retail node in n8n's node picker", () => {
	const shown = pickerDescriptions().get('flowRetail') ?? '';

	it('is merged with the Flow Retail Trigger and shows its description', () => {
		const trigger = nodes.find((n) => n.name === 'flowRetailTrigger');
		expect(`${PACKAGE_NAME}.${trigger?.name.replace('Trigger', '')}`).toBe(
			`${PACKAGE_NAME}.flowRetail`,
		);
		expect(shown).toBe(trigger?.description);
	});

	it('reads as the action node: what it works on, not only "starts the workflow"', () => {
		expect(shown).not.toMatch(/^Starts the workflow/i);
		for (const word of ['customers', 'contacts', 'addresses', 'price lists'])
			expect(shown).toContain(word);
	});

	it('still tells that the trigger starts workflows', () => {
		expect(shown).toMatch(/start workflows/);
	});
});
