/**
 * Extra Body Fields on the Flow Retail writes: merged into the body under the API's names, never
 * over a field the node sets or an ID it owns; the API's own refusal of a field comes back with its
 * message. Also the customer groups as a list and a B2B customer on a tenant without B2B.
 */
import { useFlowRetailSandbox } from '../../harness/flowRetailSuite';

const flow = useFlowRetailSandbox();
const W = (name: string) => `FlowRetail/${name}.workflow.json`;
const kari = {
	firstname: 'Kari',
	lastname: 'Extra',
	countryCode: 'NO',
	email: 'k@e.no',
	city: 'Oslo',
};

describe('Extra Body Fields', () => {
	it('Customer > Create sends them beside the node fields', async () => {
		const result = await flow.run(W('customer-create'), [{ ...kari, uid: 'x-1' }], (p) => {
			p.extraBodyFields = '{"loyaltyId": "LOY-9", "ehf": {"address": "9908:123"}}';
		});
		expect(result.error).toBeUndefined();
		const [call] = await flow.writes();
		expect(call.body).toMatchObject({
			loyaltyId: 'LOY-9',
			ehf: { address: '9908:123' },
			customerUid: 'x-1',
		});
		const stored = await flow.direct.get('/customers/x-1');
		expect(stored).toMatchObject({ loyaltyId: 'LOY-9', ehf: { address: '9908:123' } });
	});

	it('refuses the ID the node owns and a field the node sets too, before any request', async () => {
		const uid = await flow.run(W('customer-create'), [kari], (p) => {
			p.extraBodyFields = '{"customerUid": "mine"}';
		});
		expect(uid.error?.message).toBe(
			'Extra Body Fields (item 0): "customerUid" is set by the node itself and cannot be given here',
		);
		const twice = await flow.run(
			W('customer-update'),
			[{ customerUid: 'cust-0001', city: 'Oslo' }],
			(p) => {
				delete p.updateFields.ehfEnabled;
				p.extraBodyFields = '{"city": "Bergen"}';
			},
		);
		expect(twice.error?.message).toBe(
			'Extra Body Fields (item 0): "city" is also set by a field of the node; set it in one place only',
		);
		const match = await flow.run(
			W('customer-upsert'),
			[{ externalId: 'E-1', firstname: 'A', lastname: 'B', city: 'Oslo' }],
			(p) => {
				p.extraBodyFields = '{"externalId": "E-2"}';
			},
		);
		expect(match.error?.message).toMatch(/"externalId" is set by the node itself/);
		expect(await flow.apiCalls()).toHaveLength(0);
	});

	it("passes Flow Retail's refusal of a field on, with its message", async () => {
		const result = await flow.run(
			W('customer-update'),
			[{ customerUid: 'cust-0001', city: 'Oslo' }],
			(p) => {
				delete p.updateFields.ehfEnabled;
				p.extraBodyFields = '{"nickname": "Kari"}';
			},
		);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
		expect(result.error?.description).toMatch(/nickname: Unknown field/);
	});

	it('works on contacts, addresses, groups and price lists, each keeping its own UID', async () => {
		const contact = await flow.run(
			W('customerContact-create'),
			[
				{
					customerUid: 'cust-0002',
					firstname: 'Per',
					lastname: 'Ex',
					email: 'p@e.no',
					uid: 'ct-x',
				},
			],
			(p) => {
				p.extraBodyFields = '{"mobile": "+4791234567"}';
			},
		);
		expect(contact.output('Flow Retail')[0]).toMatchObject({ mobilePhone: '+4791234567' });
		const own = await flow.run(
			W('customerAddress-update'),
			[{ customerUid: 'cust-0020', recordUid: 'address-0020-i', city: 'Bergen' }],
			(p) => {
				p.extraBodyFields = '{"customerAddressUid": "other"}';
			},
		);
		expect(own.error?.message).toMatch(/"customerAddressUid" is set by the node itself/);
		const address = await flow.run(
			W('customerAddress-update'),
			[{ customerUid: 'cust-0020', recordUid: 'address-0020-i', city: 'Bergen' }],
			(p) => {
				p.extraBodyFields = '{"phone": "+4755000000"}';
			},
		);
		expect(address.output('Flow Retail')[0]).toMatchObject({
			city: 'Bergen',
			phone: '+4755000000',
		});
		const list = await flow.run(
			W('priceList-update'),
			[{ recordUid: 'pricelist-2', name: 'B2B 2026' }],
			(p) => {
				p.extraBodyFields = '{"externalId": "PL-B2B"}';
			},
		);
		expect(list.output('Flow Retail')[0]).toMatchObject({ name: 'B2B 2026', externalId: 'PL-B2B' });
		const group = await flow.run(W('customerGroup-create'), [{ name: 'VIP', uid: 'g-x' }], (p) => {
			p.extraBodyFields = '{"customerGroupUid": "g-y"}';
		});
		expect(group.error?.message).toMatch(/"customerGroupUid" is set by the node itself/);
	});
});

describe('customer groups as a list (customerGroupUids)', () => {
	it('sends every group chosen, from the dropdown or as text from an expression', async () => {
		const two = await flow.run(
			W('customer-update'),
			[{ customerUid: 'cust-0001', city: 'Oslo' }],
			(p) => {
				delete p.updateFields.ehfEnabled;
				p.updateFields.customerGroupUids = ['group-1', 'group-3'];
			},
		);
		expect(two.error).toBeUndefined();
		expect((await flow.direct.get('/customers/cust-0001')).customerGroupUids).toEqual([
			'group-1',
			'group-3',
		]);
		const text = await flow.run(
			W('customer-update'),
			[{ customerUid: 'cust-0002', city: 'Oslo' }],
			(p) => {
				delete p.updateFields.ehfEnabled;
				p.updateFields.customerGroupUids = 'group-2, group-1';
			},
		);
		expect(text.error).toBeUndefined();
		expect((await flow.direct.get('/customers/cust-0002')).customerGroupUids).toEqual([
			'group-2',
			'group-1',
		]);
		const bad = await flow.run(
			W('customer-update'),
			[{ customerUid: 'cust-0002', city: 'Oslo' }],
			(p) => {
				delete p.updateFields.ehfEnabled;
				p.updateFields.customerGroupUids = ['group 1'];
			},
		);
		expect(bad.error?.message).toMatch(
			/^Update Fields > Customer Group Names or IDs \(item 0\) must be a Flow Retail UID/,
		);
	});
});

describe('a B2B customer on a tenant without the B2B extension', () => {
	it('is refused by Flow Retail, the node passing its message on', async () => {
		const result = await flow.run(W('customer-create'), [kari], (p) => {
			p.fields.customerType = 'B2B';
			p.fields.companyName = 'Avtale AS';
		});
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
		expect(result.error?.description).toMatch(
			/customerType: B2B customers need the tenant extension B2B/,
		);
	});
});
