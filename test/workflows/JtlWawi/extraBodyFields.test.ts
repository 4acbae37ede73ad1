/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Extra Body Fields on JTL-Wawi's writes: fields the node does not list, merged into the body each
 * operation sends, under that API's own names (REST v1 PascalCase, REST v2 camelCase); checked like
 * the node's own fields, never overriding a node field, and never a way around the checks the
 * node makes (the Create or Update number, typed addresses).
 */
import { useJtlSandbox } from '../../harness/jtlSuite';

const jtl = useJtlSandbox();

const extra = (value: unknown) => (p: Record<string, any>) => {
	p.extraBodyFields = typeof value === 'string' ? value : JSON.stringify(value);
};

async function v2Of(v1Id: number) {
	const v1 = await jtl.direct.get(`/customers/${v1Id}`);
	const list = await jtl.direct.get('/v2/customers?pageSize=100');
	return list.items.find((c: any) => c.customerNumber === v1.Number);
}

describe('Extra Body Fields', () => {
	it('Customer > Create merges PascalCase fields into POST /customers', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-create.workflow.json',
			[{}],
			extra({ EbayUsername: 'nordlicht_42', BillingAddress: { State: 'Schleswig-Holstein' } }),
		);
		expect(result.error).toBeUndefined();
		const [post] = await jtl.writes();
		expect(post.body).toMatchObject({
			EbayUsername: 'nordlicht_42',
			Website: 'https://nordlicht.example',
			BillingAddress: {
				City: 'Kiel',
				State: 'Schleswig-Holstein',
				Company: 'Nordlicht Handel GmbH',
			},
		});
		const saved = await jtl.direct.get(`/customers/${result.output('JTL-Wawi')[0].Id}`);
		expect(saved.EbayUsername).toBe('nordlicht_42');
		expect(saved.BillingAddress.State).toBe('Schleswig-Holstein');
	});

	it('a field the node sets too, or the number Create or Update matches on, stops the item unsent', async () => {
		await jtl.sandbox.clearRequests();
		const twice = await jtl.run(
			'JtlWawi/customer-create.workflow.json',
			[{}],
			extra({ Website: 'https://other.example' }),
		);
		expect(twice.error?.message).toBe(
			'Extra Body Fields (item 0): "Website" is also set by a field of the node; set it in one place only',
		);
		const number = await jtl.run(
			'JtlWawi/customer-upsert.workflow.json',
			[{ number: 'K10001' }],
			extra({ Number: 'K99999' }),
		);
		expect(number.error?.message).toBe(
			'Extra Body Fields (item 0): "Number" is set by the node itself and cannot be given here',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('Customer > Update merges camelCase fields into the update command, but no addresses', async () => {
		const customer = await v2Of(2);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-update.workflow.json',
			[{ customerUuid: customer.id, addressUuid: customer.addresses[0].customerAddressId }],
			(p) => {
				p.paymentSettings = { creditLimit: 2500 };
				extra({ ebayName: 'kunde_2', paymentSettings: { isDunningBlocked: true } })(p);
			},
		);
		expect(result.error).toBeUndefined();
		const [patch] = await jtl.writes();
		expect(patch.body).toMatchObject({
			customerId: customer.id,
			ebayName: 'kunde_2',
			paymentSettings: { creditLimit: 2500, isDunningBlocked: true },
		});
		expect((await jtl.direct.get(`/v2/customers/${customer.id}`)).ebayName).toBe('kunde_2');

		await jtl.sandbox.clearRequests();
		const addresses = await jtl.run(
			'JtlWawi/customer-update.workflow.json',
			[{ customerUuid: customer.id }],
			(p) => {
				p.addresses = {};
				extra({ addresses: [{ addressType: 3, city: 'Kiel' }] })(p);
			},
		);
		expect(addresses.error?.message).toBe(
			'Extra Body Fields (item 0): "addresses" is set by the node itself and cannot be given here',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('Contact > Create and Update merge PascalCase fields into the contact', async () => {
		const created = await jtl.run(
			'JtlWawi/contact-create.workflow.json',
			[{ customerId: 1, lastName: 'Brandt' }],
			extra({ Fax: '+49 431 123' }),
		);
		expect(created.error).toBeUndefined();
		const contact = created.output('JTL-Wawi')[0];
		expect(contact).toMatchObject({ LastName: 'Brandt', Fax: '+49 431 123' });
		const updated = await jtl.run(
			'JtlWawi/contact-update.workflow.json',
			[{ customerId: 1, contactId: contact.Id }],
			(p) => {
				p.updateFields = {};
				extra({ MobilePhoneNumber: '+49 170 1' })(p);
			},
		);
		expect(updated.error).toBeUndefined();
		expect(updated.output('JTL-Wawi')[0]).toMatchObject({
			LastName: 'Brandt',
			MobilePhoneNumber: '+49 170 1',
		});
	});

	it('Address > Add merges camelCase fields into the one address sent, never its type', async () => {
		const customer = await v2Of(5);
		await jtl.sandbox.clearRequests();
		const added = await jtl.run(
			'JtlWawi/address-add.workflow.json',
			[{ customerUuid: customer.id }],
			extra({ state: 'Bremen', vatId: 'DE123456789' }),
		);
		expect(added.error).toBeUndefined();
		const [address] = ((await jtl.writes())[0].body as any).addresses;
		// The node's fields and the extra ones, side by side in the one address sent.
		expect(address).toMatchObject({ addressType: 1, city: 'Bremen', state: 'Bremen' });
		expect(address.vatId).toBe('DE123456789');
		await jtl.sandbox.clearRequests();
		const typed = await jtl.run(
			'JtlWawi/address-add.workflow.json',
			[{ customerUuid: customer.id }],
			extra({ addressType: 0 }),
		);
		expect(typed.error?.message).toBe(
			'Extra Body Fields (item 0): "addressType" is set by the node itself and cannot be given here',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it.each([
		[
			'text that is no JSON',
			'{"EbayUsername": ',
			/^Extra Body Fields \(item 0\) is not valid JSON/,
		],
		['a list', '[1, 2]', /^Extra Body Fields \(item 0\) must be a JSON object/],
		[
			'a line break in a value',
			{ EbayUsername: 'a\nb' },
			/^Extra Body Fields \(item 0\): "EbayUsername" must not contain control or bidirectional formatting characters/,
		],
		[
			'text longer than 255 characters',
			{ InitialContact: 'x'.repeat(256) },
			/^Extra Body Fields \(item 0\): "InitialContact" must be at most 255 characters/,
		],
		[
			'a key that is no field name',
			{ 'Billing Address': 'x' },
			/^Extra Body Fields \(item 0\): "Billing Address" is not a field name JTL uses/,
		],
	])('refuses %s before any request', async (_name, value, message) => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-create.workflow.json', [{}], extra(value));
		expect(result.error?.message).toMatch(message);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it("a field JTL does not know fails with JTL-Wawi's own message", async () => {
		const result = await jtl.run(
			'JtlWawi/customer-create.workflow.json',
			[{}],
			extra({ Nickname: 'Nordi' }),
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/^JTL-Wawi: /);
		expect(JSON.stringify(result.error)).toContain('Nickname');
	});
});
