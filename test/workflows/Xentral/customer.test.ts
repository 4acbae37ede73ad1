/* eslint-disable @typescript-eslint/no-explicit-any -- node parameters are free-form JSON */
import { continueOnFail } from '../../harness/jtlSuite';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

/** Switches the sandbox to another reading of what Xentral's documents leave open. */
const reading = async (change: Record<string, string>) =>
	await xentral.sandbox.control('POST', 'readings', change);

/** The upsert workflow without its Customer Number field, for items that match on the e-mail. */
const withoutNumber = (p: Record<string, any>) => {
	delete p.additionalFields.number;
};

const calls = async () =>
	(await xentral.apiCalls()).map((c) => `${c.method} ${c.path} ${c.status}`);

describe('Customer > Create (POST /api/v2/customers, the ID from Location)', () => {
	const file = 'Xentral/customer-create.workflow.json';

	it('creates a company in its project, reads the new ID from Location and returns the common customer shape', async () => {
		// Return Full Record: the new customer is read from its Location.
		const full = (p: Record<string, any>) => (p.options = { returnFullRecord: true });
		const result = await xentral.run(
			file,
			[
				{
					customerType: 'company',
					companyName: 'Nordlicht Handel GmbH',
					email: 'info@nordlicht.example',
					projectId: '1',
				},
			],
			full,
		);
		expect(result.error).toBeUndefined();
		const [customer] = result.output('Xentral');
		expect(customer).toMatchObject({
			id: '26',
			number: '10026',
			type: 'company',
			company: 'Nordlicht Handel GmbH',
			firstName: null,
			email: 'info@nordlicht.example',
			street: null,
			source: 'xentral',
		});
		// The view carries no address (the strict reading): the master-data address is read, and
		// a new customer has none yet.
		expect(await calls()).toEqual([
			'POST /api/v2/customers 201',
			'GET /api/v2/customers/26 200',
			'GET /api/v2/customers/26/addresses/masterdata 404',
		]);
		const [post] = await xentral.apiCalls();
		expect(post.body).toEqual({
			customerType: 'company',
			name: 'Nordlicht Handel GmbH',
			contactDetails: { email: 'info@nordlicht.example' },
			project: { id: '1' },
		});
		expect(post.headers.authorization).toBe('Bearer ***');
	});

	it('by default sends the POST alone and returns the ID with the fields sent', async () => {
		const result = await xentral.run(file, [
			{
				customerType: 'company',
				companyName: 'Nordlicht Handel GmbH',
				email: 'info@nordlicht.example',
				projectId: '1',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(await calls()).toEqual(['POST /api/v2/customers 201']);
		// Xentral picked the number (none was sent), and only a read would show it.
		expect(result.output('Xentral')[0]).toMatchObject({
			id: '26',
			number: null,
			type: 'company',
			company: 'Nordlicht Handel GmbH',
			email: 'info@nordlicht.example',
			street: null,
			createdAt: null,
			source: 'xentral',
		});
	});

	it('names the Project and the item when the instance requires a project, and works where it does not', async () => {
		const item = {
			customerType: 'company',
			companyName: 'Ohne Projekt GmbH',
			email: 'o@p.example',
		};
		const strict = await xentral.run(file, [item]);
		expect(strict.error?.message).toBe(
			'Project (item 0) is required by this Xentral instance for a new customer',
		);
		// Xentral's own words come along (their field-list format is the transport's business).
		expect(strict.error?.description).toContain('This value should not be blank');
		expect(await calls()).toEqual(['POST /api/v2/customers 400']);

		await reading({ project: 'optional' });
		await xentral.sandbox.clearRequests();
		const lenient = await xentral.run(file, [item]);
		expect(lenient.error).toBeUndefined();
		expect(lenient.output('Xentral')[0]).toMatchObject({ company: 'Ohne Projekt GmbH' });
	});

	it('creates a person with first and last name', async () => {
		const result = await xentral.run(file, [
			{
				customerType: 'person',
				firstName: 'Lena',
				lastName: 'Vogel',
				email: 'lena@example.com',
				projectId: '1',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({
			type: 'person',
			firstName: 'Lena',
			lastName: 'Vogel',
			company: null,
		});
	});

	it('sends every documented field under the vendor names, and Xentral keeps them', async () => {
		const result = await xentral.run(
			file,
			[
				{
					customerType: 'company',
					companyName: 'Voll GmbH',
					email: 'voll@example.com',
					projectId: '2',
				},
			],
			(p) => {
				Object.assign(p.additionalFields, {
					phone: '+49 30 1234',
					mobile: '+49 171 1234',
					salutationPhrase: 'Sehr geehrte Damen und Herren',
					subDepartment: 'Einkauf Süd',
					deviatingCustomerNumber: 'D-77',
					groupIds: '1, 4',
					accountManagerId: '3',
					paymentMethodId: '2',
					subscriptionPaymentMethod: 'direct-debit',
					paymentTargetDays: 30,
					paymentTargetDiscount: 2.5,
					paymentTargetDiscountDays: 10,
					fixedPaymentTerms: true,
					creditLimit: 5000.5,
					defaultCurrency: 'chf',
					customsInformation: 'EORI DE123',
					vatId: 'DE123456789',
					taxNumber: '12/345/67890',
					taxation: 'eu-delivery',
					taxDisplay: 'always-net',
					useDeliveryThreshold: true,
					bankName: 'Commerzbank',
					bankAccountOwner: 'Voll GmbH',
					iban: 'de89 3704 0044 0532 0130 00',
					bic: 'cobadeffxxx',
					sepaMandateReference: 'M-2026-001',
					sepaMandateDate: '2026-03-01',
					sepaMandateUsage: 'recurring',
					sepaCompanyMandate: true,
					sepaMandateReferenceChanged: false,
					sepaFirstUse: true,
					sepaRemark: 'per Post',
					autoCreateDocuments: 'both',
					invoiceAlwaysPaper: true,
					invoicePrints: 2,
					preferFax: false,
					freeShipping: false,
					freeShippingFrom: 150,
					shippingMethodId: '2',
					deliveryBan: true,
					deliveryBanReason: 'Zahlungsverzug',
					deliveryBanDate: '2026-02-15',
					trackingMailBan: true,
				});
				p.customFields = { fields: [{ id: 3, value: 'Messe 2026' }] };
				p.additionalContactData = { entries: [{ label: 'mobile2', value: '+49 172 9' }] };
			},
		);
		expect(result.error).toBeUndefined();
		const [post] = await xentral.apiCalls();
		expect(post.status).toBe(201);
		expect(post.body).toEqual({
			customerType: 'company',
			name: 'Voll GmbH',
			project: { id: '2' },
			deviatingCustomerNumber: 'D-77',
			salutationPhrase: 'Sehr geehrte Damen und Herren',
			subDepartment: 'Einkauf Süd',
			accountManager: { id: '3' },
			groups: [1, 4],
			contactDetails: {
				email: 'voll@example.com',
				phone: '+49 30 1234',
				mobile: '+49 171 1234',
				additionalData: [{ label: 'mobile2', value: '+49 172 9' }],
			},
			customFields: [{ id: 3, value: 'Messe 2026' }],
			financials: {
				paymentMethod: { id: '2' },
				subscriptionPaymentMethod: 'direct-debit',
				paymentTerms: {
					paymentTargetDays: 30,
					paymentTargetDiscount: 2.5,
					paymentTargetDiscountDays: 10,
					fixedPaymentTerms: true,
				},
				creditLimit: 5000.5,
				defaultCurrency: 'CHF',
				customsInformation: 'EORI DE123',
				tax: {
					vatId: 'DE123456789',
					taxNumber: '12/345/67890',
					taxation: 'eu-delivery',
					taxDisplay: 'always-net',
					useDeliveryThreshold: true,
				},
			},
			primaryBankAccount: {
				bankName: 'Commerzbank',
				owner: 'Voll GmbH',
				iban: 'DE89370400440532013000',
				bic: 'COBADEFFXXX',
				sepa: {
					mandateReference: 'M-2026-001',
					mandateReferenceDate: '2026-03-01',
					usage: 'recurring',
					companySepa: true,
					mandateReferenceChange: false,
					initial: true,
					remark: 'per Post',
				},
			},
			documentDelivery: {
				autoCreateDocuments: 'both',
				invoiceAlwaysPaper: true,
				amountInvoicePrints: 2,
				preferFax: false,
			},
			shipping: {
				freeShipping: false,
				freeShippingFrom: 150,
				shippingMethod: { id: '2' },
				deliveryBan: true,
				deliveryBanReason: 'Zahlungsverzug',
				deliveryBanDate: '2026-02-15',
				trackingMailBan: true,
			},
		});
		const stored = await xentral.get('/api/v2/customers/26');
		expect(stored.groups).toEqual([1, 4]);
		expect(stored.primaryBankAccount.sepa.usage).toBe('recurring');
		expect(stored.shipping.freeShippingFrom).toBe(150);
	});

	it.each([
		[
			'iban',
			'DE89 3704 0044 0532 0130 01',
			'Additional Fields > IBAN (item 0) has wrong check digits: the IBAN is mistyped',
		],
		[
			'iban',
			'DE8937040044053201300',
			'Additional Fields > IBAN (item 0) must have 22 characters for DE, not 21',
		],
		['bic', 'COBA-DE', 'Additional Fields > BIC (item 0) must be a BIC of 8 or 11 characters'],
		['taxation', 'eu', 'Additional Fields > Taxation (item 0) must be one of'],
		[
			'sepaMandateDate',
			'2026-02-30',
			'Additional Fields > SEPA Mandate Date (item 0) must be a date and time',
		],
		[
			'sepaMandateReference',
			'M'.repeat(36),
			'Additional Fields > SEPA Mandate Reference (item 0) must be at most 35 characters',
		],
		[
			'groupIds',
			'1, x',
			'Additional Fields > Customer Group IDs (item 0) must be IDs separated by commas, such as 17, 22: "x" is not one',
		],
		[
			'freeShippingFrom',
			-5,
			'Additional Fields > Free Shipping From (item 0) must be 0 or greater',
		],
		[
			'paymentTargetDiscount',
			120,
			'Additional Fields > Payment Discount (%) (item 0) must be between 0 and 100',
		],
	])('refuses %s = %j before any request', async (field, value, message) => {
		const result = await xentral.run(
			file,
			[{ customerType: 'company', companyName: 'X GmbH', email: 'x@x.example', projectId: '1' }],
			(p) => (p.additionalFields[field] = value),
		);
		expect(result.error?.message.startsWith(message)).toBe(true);
		expect(await xentral.apiCalls()).toEqual([]);
	});

	it('refuses a custom field number outside 1 to 20 and a repeated one', async () => {
		const run = async (fields: object[]) =>
			await xentral.run(
				file,
				[{ customerType: 'company', companyName: 'X GmbH', email: 'x@x.example', projectId: '1' }],
				(p) => (p.customFields = { fields }),
			);
		expect((await run([{ id: 21, value: 'a' }])).error?.message).toBe(
			'Custom Fields > Field 1 > Field Number (item 0) must be a number from 1 to 20',
		);
		expect(
			(
				await run([
					{ id: 2, value: 'a' },
					{ id: 2, value: 'b' },
				])
			).error?.message,
		).toBe('Custom Fields > Field 2 > Field Number (item 0) repeats field 2; give each field once');
		expect(await xentral.apiCalls()).toEqual([]);
	});

	it('merges Extra Body Fields into the body, and refuses one the node already sets', async () => {
		const item = {
			customerType: 'company',
			companyName: 'Extra GmbH',
			email: 'e@x.example',
			projectId: '1',
		};
		const ok = await xentral.run(file, [item], (p) => {
			p.extraBodyFields =
				'{"salesManager": {"id": "4"}, "contactDetails": {"website": "https://extra.example"}}';
		});
		expect(ok.error).toBeUndefined();
		const [post] = await xentral.apiCalls();
		expect(post.body).toMatchObject({
			salesManager: { id: '4' },
			contactDetails: { email: 'e@x.example', website: 'https://extra.example' },
		});
		await xentral.sandbox.clearRequests();
		const clash = await xentral.run(file, [item], (p) => {
			p.extraBodyFields = '{"contactDetails": {"email": "other@x.example"}}';
		});
		expect(clash.error?.message).toBe(
			'Extra Body Fields (item 0): "contactDetails.email" is also set by a field of the node; set it in one place only',
		);
		expect(await xentral.apiCalls()).toEqual([]);
	});

	it('stops a person without a last name before any request, naming the field and the item', async () => {
		const result = await xentral.run(
			file,
			[
				{
					customerType: 'person',
					firstName: 'Lena',
					lastName: 'Vogel',
					email: 'a@b.de',
					projectId: '1',
				},
				{ customerType: 'person', firstName: 'Max', lastName: '', email: 'a@b.de', projectId: '1' },
			],
			continueOnFail,
		);
		const out = result.output('Xentral');
		expect(out[1].error).toBe('Last Name (item 1) is required for a person customer');
		expect((await xentral.writes()).length).toBe(1);
	});

	it('turns a problem+json answer into the title and each field message', async () => {
		const result = await xentral.run(
			file,
			[{ customerType: 'company', companyName: 'X GmbH', email: 'info@x.example', projectId: '1' }],
			(parameters) => {
				parameters.additionalFields.number = '10001';
			},
		);
		expect(result.error?.message).toBe(
			'Xentral: Conflict A customer with the number 10001 already exists.',
		);
		expect(result.error?.httpCode).toBe('409');
	});

	it('says where to issue a new token when the token was revoked', async () => {
		const result = await xentral.run(
			file,
			[{ customerType: 'company', companyName: 'X GmbH', email: 'info@x.example', projectId: '1' }],
			undefined,
			{ token: 'sandbox-expired-token' },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toContain('Personal Access Tokens');
		expect(JSON.stringify(result.error)).not.toContain('sandbox-expired-token');
	});
});

describe('Customer > Get (GET /api/v2/customers/{id})', () => {
	const file = 'Xentral/customer-get.workflow.json';

	it.each([
		['without an embedded address: reads the master-data address', 'without', 2],
		['with an embedded address: takes it from the view', 'with', 1],
	])(
		'returns the customer with its main address, view %s',
		async (_label, viewAddress, requests) => {
			await reading({ viewAddress });
			const stored = await xentral.get('/api/v2/customers/4');
			const master = await xentral.get('/api/v2/customers/4/addresses/masterdata');
			const result = await xentral.run(file, [{ customerId: '4' }]);
			expect(result.error).toBeUndefined();
			expect(result.output('Xentral')[0]).toEqual({
				id: '4',
				legacyId: null,
				number: '10004',
				externalId: null,
				type: stored.customerType,
				company: stored.customerType === 'company' ? stored.name : null,
				firstName: stored.firstname,
				lastName: stored.lastname,
				email: 'kunde4@example.com',
				phone: '+49 30 1004',
				mobile: null,
				street: master.street,
				postalCode: master.zip,
				city: master.city,
				countryIso: master.country,
				groupId: null,
				languageIso: 'de',
				createdAt: stored.createdAt,
				updatedAt: stored.updatedAt,
				customerSince: null,
				isLocked: null,
				source: 'xentral',
			});
			expect(await xentral.apiCalls()).toHaveLength(requests);
		},
	);

	it('returns the vendor record with Simplify off, and reads nothing more', async () => {
		const result = await xentral.run(file, [{ customerId: '4' }], (p) => (p.simplify = false));
		expect(result.output('Xentral')[0]).toEqual(await xentral.get('/api/v2/customers/4'));
		expect(await calls()).toEqual(['GET /api/v2/customers/4 200']);
	});

	it('refuses an ID that is not digits before any request', async () => {
		const result = await xentral.run(file, [{ customerId: '../v1/customers/4' }]);
		expect(result.error?.message).toBe('Customer (item 0) must be a Xentral ID: digits such as 17');
		expect(await xentral.apiCalls()).toEqual([]);
	});
});

describe('Customer > Get Many (GET /api/v2/customers)', () => {
	const file = 'Xentral/customer-getAll.workflow.json';

	it('sends the indexed filter and pages of 50 up to the limit, then each main address', async () => {
		const result = await xentral.run(file, [
			{ returnAll: false, limit: 3, key: 'id', op: 'greaterThan', value: '20' },
		]);
		expect(result.error).toBeUndefined();
		const out = result.output('Xentral');
		expect(out.map((c) => c.id)).toEqual(['21', '22', '23']);
		expect(out.every((c) => typeof c.city === 'string')).toBe(true);
		const [call, ...rest] = await xentral.apiCalls();
		expect(call.query).toEqual({
			'filter[0][key]': 'id',
			'filter[0][op]': 'greaterThan',
			'filter[0][value]': '20',
			'page[number]': '1',
			'page[size]': '3',
		});
		expect(rest.map((c) => c.path).sort()).toEqual([
			'/api/v2/customers/21/addresses/masterdata',
			'/api/v2/customers/22/addresses/masterdata',
			'/api/v2/customers/23/addresses/masterdata',
		]);
	});

	it('reads no address with Read Main Addresses off', async () => {
		const result = await xentral.run(
			file,
			[{ returnAll: false, limit: 3, key: 'id', op: 'greaterThan', value: '20' }],
			(p) => (p.readMainAddresses = false),
		);
		expect(result.output('Xentral').map((c) => c.city)).toEqual([null, null, null]);
		expect(await xentral.apiCalls()).toHaveLength(1);
	});

	it('sends in-lists as value[j]', async () => {
		const result = await xentral.run(
			file,
			[{ returnAll: true, limit: 1, key: 'id', op: 'in', value: '3, 7' }],
			(p) => (p.simplify = false),
		);
		expect(result.output('Xentral').map((c) => c.id)).toEqual(['3', '7']);
		const [call] = await xentral.apiCalls();
		expect(call.query['filter[0][value][0]']).toBe('3');
		expect(call.query['filter[0][value][1]']).toBe('7');
	});

	it('refuses an operator the endpoint does not allow before any request', async () => {
		const result = await xentral.run(file, [
			{ returnAll: true, limit: 1, key: 'name', op: 'contains', value: 'x' },
		]);
		expect(result.error?.message).toMatch(
			/^Filters > Condition 1 > Operator \(item 0\) must be one of equals/,
		);
		expect(await xentral.apiCalls()).toEqual([]);
	});
});

describe('Customer > Update (PATCH /api/v2/customers/{id})', () => {
	const file = 'Xentral/customer-update.workflow.json';

	it('patches the given fields and returns the changed customer', async () => {
		const result = await xentral.run(file, [
			{ customerId: '5', email: 'neu@example.com', department: 'Einkauf' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ id: '5', email: 'neu@example.com' });
		const [patch] = await xentral.apiCalls();
		expect(patch).toMatchObject({
			method: 'PATCH',
			path: '/api/v2/customers/5',
			status: 204,
			body: { contactDetails: { email: 'neu@example.com' }, department: 'Einkauf' },
		});
		expect((await xentral.get('/api/v2/customers/5')).department).toBe('Einkauf');
	});

	it('sends the fields only the update body has, and extra body fields', async () => {
		const result = await xentral.run(file, [{ customerId: '5', department: 'Vertrieb' }], (p) => {
			delete p.updateFields.email;
			Object.assign(p.updateFields, {
				mainProjectId: '2',
				commission: 5.5,
				latitude: 52.52,
				longitude: 13.405,
				marketingBan: true,
				ageApproval: true,
				contactPerson: 'Milo Thatch',
				language: 'EN',
				groupIds: [2],
			});
			p.extraBodyFields = { identifier: 'CUST-005' };
		});
		expect(result.error).toBeUndefined();
		const [patch] = await xentral.apiCalls();
		expect(patch.status).toBe(204);
		expect(patch.body).toEqual({
			department: 'Vertrieb',
			mainProject: { id: '2' },
			commission: 5.5,
			lat: 52.52,
			lng: 13.405,
			marketing: { marketingBan: true, ageApproval: true },
			contactPerson: 'Milo Thatch',
			language: 'en',
			groups: [2],
			identifier: 'CUST-005',
		});
	});

	it('names the field of a bad e-mail and a latitude beyond 90', async () => {
		const bad = await xentral.run(file, [{ customerId: '5', email: 'nope', department: 'x' }]);
		expect(bad.error?.message).toBe('Update Fields > Email (item 0) must be an email address');
		const far = await xentral.run(file, [{ customerId: '5', department: 'x' }], (p) => {
			delete p.updateFields.email;
			p.updateFields.latitude = 91;
		});
		expect(far.error?.message).toBe('Update Fields > Latitude (item 0) must be between -90 and 90');
		expect(await xentral.apiCalls()).toEqual([]);
	});
});

describe('Customer > Delete (DELETE /api/v1/customers/{id})', () => {
	const file = 'Xentral/customer-delete.workflow.json';

	it('deletes through the v1 path', async () => {
		const result = await xentral.run(file, [{ customerId: '6' }]);
		expect(result.output('Xentral')).toEqual([{ deleted: true, customerId: '6' }]);
		expect(await calls()).toEqual(['DELETE /api/v1/customers/6 204']);
		expect((await xentral.direct('GET', '/api/v2/customers/6')).status).toBe(404);
	});

	it('reports a missing customer as not found', async () => {
		const result = await xentral.run(file, [{ customerId: '999' }]);
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('Customer > Create or Update (match on number or e-mail)', () => {
	const file = 'Xentral/customer-upsert.workflow.json';

	it('updates the one customer with the number, without the project the PATCH body lacks', async () => {
		const result = await xentral.run(file, [
			{
				matchOn: 'number',
				number: '10007',
				companyName: 'Neu AG',
				email: 'neu@example.com',
				projectId: '2',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ id: '7', company: 'Neu AG' });
		const writes = await xentral.writes();
		expect(writes.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([
			'PATCH /api/v2/customers/7 204',
		]);
		expect(writes[0].body).not.toHaveProperty('project');
	});

	it('creates a customer in its project when nobody has the e-mail', async () => {
		const result = await xentral.run(file, [
			{
				matchOn: 'email',
				number: '77777',
				companyName: 'Neu AG',
				email: 'niemand@example.com',
				projectId: '1',
			},
		]);
		expect(result.output('Xentral')[0]).toMatchObject({ number: '77777', company: 'Neu AG' });
		const writes = await xentral.writes();
		expect(writes.map((w) => w.method)).toEqual(['POST']);
		expect(writes[0].body).toMatchObject({ project: { id: '1' } });
	});

	it.each([['sensitive'], ['insensitive']])(
		'finds the customer whose e-mail differs only in case (filters %s), and creates no second one',
		async (filterCase) => {
			await reading({ filterCase });
			const result = await xentral.run(
				file,
				[{ matchOn: 'email', companyName: 'Kunde Acht AG', email: 'KUNDE8@Example.COM' }],
				withoutNumber,
			);
			expect(result.error).toBeUndefined();
			expect(result.output('Xentral')[0]).toMatchObject({ id: '8', company: 'Kunde Acht AG' });
			const writes = await xentral.writes();
			expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['PATCH /api/v2/customers/8']);
			expect(
				(await xentral.direct('GET', '/api/v2/customers?page[number]=1&page[size]=50')).body.extra
					.totalCount,
			).toBe(25);
		},
	);

	it('reads the list once per run on an instance whose filters keep case, and knows what it created', async () => {
		const result = await xentral.run(
			file,
			[
				{ matchOn: 'email', companyName: 'Eins GmbH', email: 'neu@eins.example', projectId: '1' },
				{
					matchOn: 'email',
					companyName: 'Eins GmbH & Co',
					email: 'NEU@eins.example',
					projectId: '1',
				},
				{
					matchOn: 'email',
					companyName: 'Kunde Drei',
					email: 'Kunde3@example.com',
					projectId: '1',
				},
			],
			withoutNumber,
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral').map((c) => c.id)).toEqual(['26', '26', '3']);
		const writes = await xentral.writes();
		expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
			'POST /api/v2/customers',
			'PATCH /api/v2/customers/26',
			'PATCH /api/v2/customers/3',
		]);
		const listReads = (await xentral.apiCalls()).filter(
			(c) =>
				c.method === 'GET' &&
				c.path === '/api/v2/customers' &&
				c.query['filter[0][key]'] === undefined,
		);
		// One page for the case probe, one for the index of all 25 customers.
		expect(listReads).toHaveLength(2);
	});

	it('stops the item when two customers have the e-mail, and writes nothing', async () => {
		await xentral.direct('PATCH', '/api/v2/customers/9', {
			contactDetails: { email: 'kunde8@example.com' },
		});
		const result = await xentral.run(file, [
			{ matchOn: 'email', number: '1', companyName: 'Neu AG', email: 'kunde8@example.com' },
		]);
		expect(result.error?.message).toBe(
			'2 customers match Email "kunde8@example.com" (item 0); the node does not guess which one to update',
		);
		expect(await xentral.writes()).toEqual([]);
	});
});
