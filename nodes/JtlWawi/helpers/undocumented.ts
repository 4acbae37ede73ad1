import type { INodeProperties } from 'n8n-workflow';

/**
 * Panel notices for operations that rest on a behaviour JTL does not document. Each says what is
 * undocumented and what the node does so that a different behaviour cannot go unnoticed; the
 * README's JTL-Wawi assumptions list the same. Shown above the operation's fields.
 */
export const UNDOCUMENTED = {
	addressTypes:
		"JTL does not document which addressType number is which kind of address, nor how the update command merges addresses. The node checks a typed address against the customer's REST v1 record before and after writing (two or three more requests) and stops the item rather than file an address as another kind.",
	addressMerge:
		'JTL does not document how the update command merges addresses. The node sends only this address, with its ID, checks that it belongs to the customer and reads it back.',
	priceUpdate:
		'JTL does not document whether setting one price value clears the other. The node sends only the value you set, reads the price back and, where the other value is still in force, sets it to 0 with a second request.',
	v2List:
		'The Created/Changed filters and Sort use field names JTL documents only as a pattern (<Field>After/Before), and need JTL-Wawi 2.2 or newer.',
} as const;

/** The notice of one undocumented behaviour, named after it. */
export function undocumentedNotice(which: keyof typeof UNDOCUMENTED): INodeProperties {
	return {
		displayName: UNDOCUMENTED[which],
		name: `${which}Notice`,
		type: 'notice',
		default: '',
	};
}
