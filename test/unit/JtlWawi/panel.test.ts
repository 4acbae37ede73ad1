import type { INodeProperties } from 'n8n-workflow';

import { JtlWawi } from '../../../nodes/JtlWawi/JtlWawi.node';
import { JtlWawiTrigger } from '../../../nodes/JtlWawiTrigger/JtlWawiTrigger.node';
import { resources } from '../../../nodes/JtlWawi/actions/router';

/** The node's fields as the panel shows them for one operation. */
function fieldsOf(resource: string, operation: string): INodeProperties[] {
	return new JtlWawi().description.properties.filter((p) => {
		const show = p.displayOptions?.show;
		return show?.resource?.includes(resource) && show?.operation?.includes(operation);
	});
}
const field = (resource: string, operation: string, name: string) =>
	fieldsOf(resource, operation).find((p) => p.name === name);

const operations = Object.entries(resources).flatMap(([resource, module]) =>
	Object.keys(module.operations).map((operation) => [resource, operation] as const),
);

describe('the JTL-Wawi panel', () => {
	it.each(operations)('%s > %s: a Customer field takes either ID and says so in a hint', (r, o) => {
		const customer = field(r, o, 'customerId');
		if (!customer) return;
		expect(customer.type).toBe('resourceLocator');
		expect(customer.hint).toMatch(/either JTL-Wawi ID/);
		const byId = customer.modes?.find((m) => m.name === 'id');
		const regex = new RegExp(
			`^(${(byId?.validation?.[0] as unknown as { properties: { regex: string } }).properties.regex})$`,
		);
		expect(regex.test('17')).toBe(true);
		expect(regex.test('b45f6432-2462-4c6f-b00f-1d9d01000000')).toBe(true);
	});

	it.each(operations.filter(([, o]) => o !== 'delete'))(
		'%s > %s returns records and has the Simplify switch, on by default',
		(r, o) => {
			expect(field(r, o, 'simplify')).toMatchObject({ type: 'boolean', default: true });
		},
	);

	it('Customer > Create marks Billing City and Billing Country Code required at the top level', () => {
		for (const name of ['billingCity', 'billingCountryIso']) {
			expect(field('customer', 'create', name)).toMatchObject({ required: true, type: 'string' });
		}
		const collection = field('customer', 'create', 'billingAddress');
		expect(collection?.required).not.toBe(true);
		const inside = (collection?.options as INodeProperties[]).map((p) => p.name);
		expect(inside).not.toContain('City');
		expect(inside).not.toContain('CountryIso');
	});

	it('Customer > Get Many says in a notice which filters cannot be combined', () => {
		const fields = fieldsOf('customer', 'getAll');
		const notice = fields.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/v1 customer list.*v2 list.*not both/);
		expect(fields.indexOf(notice!)).toBeLessThan(fields.findIndex((p) => p.name === 'filters'));
	});

	it.each([
		['contact', 'get', 'contactId', 'searchContacts', '42'],
		['contact', 'update', 'contactId', 'searchContacts', '42'],
		['contact', 'delete', 'contactId', 'searchContacts', '42'],
		['address', 'update', 'addressId', 'searchAddresses', 'b45f6432-2462-4c6f-b00f-1d9d01000000'],
		['customerPrice', 'create', 'itemId', 'searchItems', '1234'],
		['customerPrice', 'getAll', 'itemId', 'searchItems', '1234'],
	])('%s > %s: %s is a picker (From List with %s, By ID)', (r, o, name, method, sample) => {
		const picker = field(r, o, name);
		expect(picker?.type).toBe('resourceLocator');
		const list = picker?.modes?.find((m) => m.name === 'list');
		expect(list?.typeOptions?.searchListMethod).toBe(method);
		const byId = picker?.modes?.find((m) => m.name === 'id');
		const regex = (byId?.validation?.[0] as unknown as { properties: { regex: string } }).properties
			.regex;
		expect(new RegExp(regex).test(sample)).toBe(true);
	});

	it('shows the key explanations as hints under the fields', () => {
		expect(field('address', 'add', 'addressType')?.hint).toMatch(/^Billing: where invoices go/);
		expect(
			(
				field('address', 'add', 'addressType')?.options as Array<{
					name: string;
					description: string;
				}>
			).find((o) => o.name === 'Custom')?.description,
		).toMatch(/Any other address/);
		const addresses = field('customer', 'update', 'addresses')?.options?.[0] as {
			values: INodeProperties[];
		};
		const fields = addresses.values.find((v) => v.name === 'fields');
		const type = (fields?.options as INodeProperties[]).find((p) => p.name === 'addressType');
		expect(type?.hint).toMatch(/^Billing: where invoices go/);
		expect(field('customerPrice', 'create', 'netPrice')?.hint).toMatch(/A price of 0/);
	});

	it.each([
		['address', 'add', /addressType number/],
		['address', 'update', /merges addresses/],
		['customer', 'update', /addressType number/],
		['customerPrice', 'update', /clears the other/],
		['customer', 'getAll', /only the pattern/],
	])('%s > %s says in a notice what JTL does not document and what the node does', (r, o, what) => {
		const notices = fieldsOf(r, o).filter((p) => p.type === 'notice');
		const notice = notices.find((n) => what.test(n.displayName));
		expect(notice?.displayName).toMatch(/^Not in JTL-Wawi's API documents: /);
	});

	it('the trigger says in a notice that the date fields of the v2 list are not documented', () => {
		const notices = new JtlWawiTrigger().description.properties.filter((p) => p.type === 'notice');
		expect(notices.map((n) => n.displayName)).toEqual([
			expect.stringMatching(
				/^Not in JTL-Wawi's API documents: which date fields .* fails the poll, emitting nothing/,
			),
		]);
	});
});
