import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { idsOfList, idsOfRecord } from './customerId';
import { simplifyCustomer } from './simplify';

/**
 * What an operation that yields customers returns: the vendor's records with Simplify off, else the
 * common customer shape with both IDs (`id` the v2 UUID, `legacyId` the v1 number). For one
 * customer (Get, Create, Update, Create or Update) the ID the answering API did not give is looked
 * up through the customer number, once per run; when the lookup fails (an older JTL-Wawi without
 * the v2 list, say) it stays null and the item goes on. Lists (Get Many, the trigger) carry the ID
 * their API gives and null for the other, unless `lookUpOtherId` is 'list': then the other IDs come
 * from `idsOfList` (one by one for a short list, one read of the other list for a long one). Either
 * ID works in every customer field, so the lookup is the user's choice, not a default cost.
 */
export async function customerOutput(
	ctx: RequestContext,
	records: IDataObject[],
	simplify: boolean,
	itemIndex: number,
	lookUpOtherId: boolean | 'list' = records.length === 1,
): Promise<IDataObject[]> {
	if (!simplify) return records;
	if (!lookUpOtherId) return records.map((record) => simplifyCustomer(record));
	if (lookUpOtherId === 'list') {
		const ids = await idsOfList(ctx, records, itemIndex);
		return records.map((record, index) => ({
			...simplifyCustomer(record),
			id: ids[index].v2,
			legacyId: ids[index].v1 === null ? null : String(ids[index].v1),
		}));
	}
	const out: IDataObject[] = [];
	for (const record of records) {
		const common = simplifyCustomer(record);
		try {
			const ids = await idsOfRecord(ctx, record, itemIndex);
			common.id = ids.v2;
			common.legacyId = ids.v1 === null ? null : String(ids.v1);
		} catch {
			// The ID of the API that answered is there; the other one could not be found.
		}
		out.push(common);
	}
	return out;
}
