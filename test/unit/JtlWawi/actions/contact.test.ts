/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { contact } from '../../../../nodes/JtlWawi/actions/contact';
import * as create from '../../../../nodes/JtlWawi/actions/contact/create.operation';
import * as del from '../../../../nodes/JtlWawi/actions/contact/delete.operation';
import * as get from '../../../../nodes/JtlWawi/actions/contact/get.operation';
import * as getAll from '../../../../nodes/JtlWawi/actions/contact/getAll.operation';
import * as update from '../../../../nodes/JtlWawi/actions/contact/update.operation';
import { jtlApiRequest } from '../../../../nodes/JtlWawi/transport';
import {
	answer,
	locator,
	mockExecuteContext,
	operationFailure,
	testNode,
} from '../../../harness/mockContext';

jest.mock('../../../../nodes/JtlWawi/transport', () => ({
	...jest.requireActual('../../../../nodes/JtlWawi/transport'),
	jtlApiRequest: jest.fn(),
	// The credential's Time Zone (a mocked context has no credentials).
	jtlTimeZone: jest.fn(async () => 'Europe/Berlin'),
}));

const request = jtlApiRequest as jest.MockedFunction<typeof jtlApiRequest>;

const seeded = {
	Id: 12,
	Department: 'Einkauf',
	Honorific: 'Frau',
	FirstName: 'Anna',
	LastName: 'Berg',
	PhoneNumber: '',
	MobilePhoneNumber: '',
	EmailAddress: 'anna@example.com',
	Fax: '',
};

beforeEach(() => {
	request.mockReset();
});

describe('Contact operation list', () => {
	const operation = contact.description.find((p) => p.name === 'operation') as INodeProperties;
	const options = operation.options as INodePropertyOptions[];

	it('lists every operation, sorted by name, with action labels', () => {
		expect(options.map((o) => [o.name, o.value, o.action])).toEqual([
			['Create', 'create', 'Create a contact'],
			['Delete', 'delete', 'Delete a contact'],
			['Get', 'get', 'Get a contact'],
			['Get Many', 'getAll', 'Get many contacts'],
			['Update', 'update', 'Update a contact'],
		]);
		expect(Object.keys(contact.operations).sort()).toEqual(
			options.map((o) => String(o.value)).sort(),
		);
	});

	it('offers the same contact fields on Create and Update, sorted by label', () => {
		const collection = (name: string, op: string) =>
			contact.description.find(
				(p) => p.name === name && p.displayOptions?.show?.operation?.includes(op),
			) as INodeProperties;
		const createFields = (collection('fields', 'create').options as INodeProperties[]).map((o) => [
			o.displayName,
			o.name,
		]);
		const updateFields = (collection('updateFields', 'update').options as INodeProperties[]).map(
			(o) => [o.displayName, o.name],
		);
		expect(createFields).toEqual([
			['Department', 'department'],
			['Email', 'emailAddress'],
			['Fax', 'fax'],
			['First Name', 'firstName'],
			['Last Name', 'lastName'],
			['Mobile Phone', 'mobilePhoneNumber'],
			['Phone', 'phoneNumber'],
			['Salutation', 'honorific'],
		]);
		expect(updateFields).toEqual(createFields);
	});
});

describe('Contact > Create', () => {
	it('POSTs only the set fields in JTL casing and returns the created contact', async () => {
		request.mockResolvedValueOnce(answer({ ...seeded, Id: 99 }, 201));
		const ctx = mockExecuteContext({
			simplify: false,
			customerId: locator('7', 'list'),
			fields: {
				firstName: 'Anna',
				lastName: 'Berg',
				emailAddress: ' anna@example.com ',
				honorific: 'Frau',
				department: '  ',
			},
		});

		const out = await create.execute.call(ctx, 0);

		expect(out).toEqual([{ ...seeded, Id: 99 }]);
		expect(request).toHaveBeenCalledTimes(1);
		expect(request).toHaveBeenCalledWith(ctx, 'POST', '/customers/7/contacts', {
			body: {
				Honorific: 'Frau',
				FirstName: 'Anna',
				LastName: 'Berg',
				EmailAddress: 'anna@example.com',
			},
			itemIndex: 0,
		});
	});

	it.each([
		['no field', {}],
		['only blank fields', { firstName: '', lastName: '   ' }],
	])('rejects a contact with %s before any request', async (_label, fields) => {
		const error = await operationFailure(
			create,
			mockExecuteContext({ simplify: false, customerId: locator(7), fields }),
			2,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Nothing to create (item 2): add at least one field under Fields, such as First Name, Last Name or Email',
		);
		expect(error.context.itemIndex).toBe(2);
		expect(request).not.toHaveBeenCalled();
	});

	it.each([
		[
			'a bad email',
			{ emailAddress: 'anna(at)example.com' },
			'Fields > Email (item 0) must be an email address',
		],
		['an API-cased key', { FirstName: 'Anna' }, 'Fields > FirstName (item 0) is not a known field'],
		['a number as text', { lastName: 42 }, 'Fields > Last Name (item 0) must be text'],
		[
			'an overlong value',
			{ fax: 'x'.repeat(256) },
			'Fields > Fax (item 0) must be at most 255 characters',
		],
	])('rejects %s before any request', async (_label, fields, message) => {
		const error = await operationFailure(
			create,
			mockExecuteContext({ simplify: false, customerId: locator(7), fields }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(0);
		expect(request).not.toHaveBeenCalled();
	});

	it.each([
		['abc', 'Customer (item 1) must be a positive whole number (v1) or a UUID (v2)'],
		['0', 'Customer (item 1) must be 1 or greater'],
		['2147483648', 'Customer (item 1) must fit a 32-bit integer'],
	])('rejects customer %s before any request', async (value, message) => {
		const ctx = mockExecuteContext([
			{ customerId: locator(7), fields: { firstName: 'A' } },
			{ customerId: locator(value), fields: { firstName: 'A' } },
		]);
		const error = await operationFailure(create, ctx, 1);
		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(1);
		expect(request).not.toHaveBeenCalled();
	});

	it('reports an answer that is not a contact object', async () => {
		request.mockResolvedValueOnce(answer('', 201));
		const error = await operationFailure(
			create,
			mockExecuteContext({ simplify: false, customerId: locator(7), fields: { firstName: 'A' } }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'JTL-Wawi answered with an unexpected body: expected the created contact',
		);
	});
});

describe('Contact > Get', () => {
	it('GETs the contact by customer and contact ID', async () => {
		request.mockResolvedValueOnce(answer(seeded));
		const ctx = mockExecuteContext({ simplify: false, customerId: locator(7), contactId: ' 12 ' });
		expect(await get.execute.call(ctx, 0)).toEqual([seeded]);
		expect(request).toHaveBeenCalledTimes(1);
		expect(request).toHaveBeenCalledWith(ctx, 'GET', '/customers/7/contacts/12', {
			itemIndex: 0,
		});
	});

	it.each([
		['1.5', 'Contact (item 0) must be a whole number'],
		['-1', 'Contact (item 0) must be 1 or greater'],
		['', 'Contact (item 0) must be a whole number'],
	])('rejects contact ID %j before any request', async (value, message) => {
		const error = await operationFailure(
			get,
			mockExecuteContext({ simplify: false, customerId: locator(7), contactId: value }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(request).not.toHaveBeenCalled();
	});
});

describe('Contact > Update', () => {
	it('PATCHes the set fields, then reads the contact back and returns it', async () => {
		const saved = { ...seeded, Department: 'Vertrieb', Fax: '' };
		request.mockResolvedValueOnce(answer(undefined, 204)).mockResolvedValueOnce(answer(saved));
		const ctx = mockExecuteContext({
			simplify: false,
			customerId: locator(7),
			contactId: '12',
			updateFields: { department: 'Vertrieb', fax: '' },
		});

		expect(await update.execute.call(ctx, 0)).toEqual([saved]);
		expect(request.mock.calls).toEqual([
			[
				ctx,
				'PATCH',
				'/customers/7/contacts/12',
				// an empty value clears the field
				{ body: { Department: 'Vertrieb', Fax: '' }, itemIndex: 0 },
			],
			[ctx, 'GET', '/customers/7/contacts/12', { itemIndex: 0 }],
		]);
	});

	it('rejects an update with nothing to change', async () => {
		const ctx = mockExecuteContext({
			simplify: false,
			customerId: locator(7),
			contactId: '12',
			updateFields: {},
		});
		const error = await operationFailure(update, ctx, 1);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Nothing to update (item 1): add at least one field under Update Fields or Extra Body Fields',
		);
		expect(error.context.itemIndex).toBe(1);
		expect(request).not.toHaveBeenCalled();
	});

	it('rejects a bad email before any request', async () => {
		const ctx = mockExecuteContext({
			simplify: false,
			customerId: locator(7),
			contactId: '12',
			updateFields: { emailAddress: 'nope' },
		});
		const error = await operationFailure(update, ctx);
		expect(error.message).toBe('Update Fields > Email (item 0) must be an email address');
		expect(request).not.toHaveBeenCalled();
	});

	it('does not read back when the PATCH fails, and passes the API error on unchanged', async () => {
		const apiError = new NodeApiError(
			testNode,
			{ message: 'not found' },
			{ message: 'JTL-Wawi: gone' },
		);
		request.mockRejectedValueOnce(apiError);
		const ctx = mockExecuteContext({
			simplify: false,
			customerId: locator(7),
			contactId: '12',
			updateFields: { firstName: 'B' },
		});
		expect(await operationFailure(update, ctx)).toBe(apiError);
		expect(request).toHaveBeenCalledTimes(1);
	});
});

describe('Contact > Delete', () => {
	it('DELETEs the contact and reports what was deleted', async () => {
		request.mockResolvedValueOnce(answer(undefined, 204));
		const ctx = mockExecuteContext({ simplify: false, customerId: locator('7'), contactId: '12' });
		expect(await del.execute.call(ctx, 0)).toEqual([
			{ deleted: true, customerId: 7, contactId: 12 },
		]);
		expect(request).toHaveBeenCalledTimes(1);
		expect(request).toHaveBeenCalledWith(ctx, 'DELETE', '/customers/7/contacts/12', {
			itemIndex: 0,
		});
	});

	it('rejects a bad contact ID before any request', async () => {
		const error = await operationFailure(
			del,
			mockExecuteContext({ simplify: false, customerId: locator(7), contactId: 'abc' }),
			3,
		);
		expect(error.message).toBe('Contact (item 3) must be a whole number');
		expect(error.context.itemIndex).toBe(3);
		expect(request).not.toHaveBeenCalled();
	});
});

describe('Contact > Get Many', () => {
	const contacts = [{ Id: 1 }, { Id: 2 }, { Id: 3 }];

	it('reads the customer contacts and cuts the list at the limit', async () => {
		request.mockResolvedValue(answer(contacts) as any);
		const out = await getAll.execute.call(
			mockExecuteContext({
				simplify: false,
				customerId: locator('12'),
				returnAll: false,
				limit: 2,
			}),
			0,
		);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'GET', '/customers/12/contacts', {
			itemIndex: 0,
		});
		expect(out).toEqual([{ Id: 1 }, { Id: 2 }]);
	});

	it('returns every contact with Return All', async () => {
		request.mockResolvedValue(answer(contacts) as any);
		const out = await getAll.execute.call(
			mockExecuteContext({ simplify: false, customerId: locator(12), returnAll: true }),
			0,
		);
		expect(out).toEqual(contacts);
	});

	it('fails clearly when JTL answers something else than a list', async () => {
		request.mockResolvedValue(answer({ unexpected: true }) as any);
		const error = await getAll.execute
			.call(mockExecuteContext({ simplify: false, customerId: locator(12), returnAll: true }), 1)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'JTL-Wawi answered with an unexpected body: expected a list of contacts',
		);
		expect(error.context.itemIndex).toBe(1);
	});
});
