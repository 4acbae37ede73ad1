import {
	CUSTOMER_FIELD_SPECS,
	customerBody,
	customerFieldsCollection,
} from '../../../../nodes/FlowRetail/helpers/customerFields';
import { mockExecuteContext } from '../../../harness/mockContext';

const ctx = mockExecuteContext({});

describe('Flow Retail customer field table', () => {
	it('each entry gives its editor field, the groups field beside them', () => {
		const names = (customerFieldsCollection('f', 'Fields', 'd').options ?? []).map((o) => o.name);
		expect(names.sort()).toEqual(
			[...CUSTOMER_FIELD_SPECS.map((s) => s.name), 'customerGroupUids'].sort(),
		);
	});

	it('places each field: the EHF pair as one ehf object, the rest by API name', () => {
		expect(
			customerBody(
				ctx,
				{ ehfEnabled: true, ehfAddress: '0192:123', ledgerNumber: '007', mobile: '+4791' },
				'',
				0,
			),
		).toEqual({
			ehf: { enabled: true, address: '0192:123' },
			ledgerNumber: '007',
			mobile: '+4791',
		});
	});

	it('runs each field check after the kinds, naming the field and the item', () => {
		expect(() => customerBody(ctx, { ledgerNumber: '12a' }, 'Update Fields > ', 2)).toThrow(
			'Update Fields > Ledger Number (item 2) must hold digits only',
		);
		expect(() => customerBody(ctx, { pricelistUid: 'a b' }, 'Update Fields > ', 0)).toThrow(
			'Update Fields > Price List Name or ID (item 0) must be a Flow Retail UID',
		);
		expect(customerBody(ctx, { defaultStoreUid: ' store-1 ' }, '', 0)).toEqual({
			defaultStoreUid: 'store-1',
		});
	});
});
