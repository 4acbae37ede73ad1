import type { INodeProperties } from 'n8n-workflow';

import { undocumentedNotice as notice } from '../../shared/undocumented';
import { jtlVendor } from '../transport';

/**
 * Panel notices for operations that rest on a behaviour JTL does not document (the shared form of
 * nodes/shared/undocumented.ts): what is not documented, and what the node does so that another
 * behaviour cannot go unnoticed. The README's JTL-Wawi assumptions list the same. No JTL operation
 * calls an undocumented endpoint: these are behaviours of documented ones.
 */
const UNDOCUMENTED = {
	addressTypes: {
		what: 'which addressType number is which kind of address, and how the update command merges addresses',
		assumption:
			"The node checks a typed address against the customer's REST v1 record before and after writing (two or three more requests) and stops the item rather than file an address as another kind.",
	},
	addressMerge: {
		what: 'how the update command merges addresses',
		assumption:
			'The node sends only this address, with its ID, checks that it belongs to the customer and reads it back.',
	},
	priceUpdate: {
		what: 'whether setting one price value clears the other',
		assumption:
			'The node sends only the value you set, reads the price back and, where the other value is still in force, sets it to 0 with a second request.',
	},
	v2List: {
		what: 'which date and sort fields the v2 customer list takes (only the pattern <Field>After/Before is documented)',
		assumption:
			'The Created/Changed filters and Sort use createdDate and lastChanged, and the node stops the item when the answer shows they were not applied; the list needs JTL-Wawi 2.2 or newer.',
	},
	v2ListTrigger: {
		what: 'which date fields the v2 customer list filters and sorts by (only the pattern <Field>After/Before is documented)',
		assumption:
			'The trigger uses createdDate and lastChanged and fails the poll, emitting nothing, when the answer shows they were not applied; it needs JTL-Wawi 2.2 or newer.',
	},
} as const;

/** The notice of one undocumented behaviour, named after it. */
export function undocumentedNotice(which: keyof typeof UNDOCUMENTED): INodeProperties {
	return notice({ vendor: jtlVendor.name, ...UNDOCUMENTED[which], name: `${which}Notice` });
}
