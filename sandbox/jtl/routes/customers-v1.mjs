// v1 customers: /customers[/:customerId] (PascalCase, int32 ids).
import { throwIfErrors } from '../../shared/errors.mjs';
import { queryBool, queryDate, queryInt } from '../../shared/values.mjs';
import { array, atMost, object, optional, t } from '../../shared/zod.mjs';
import {
	ADDRESS_FIELDS,
	ADDRESS_TYPE,
	CUSTOMER_FIELDS,
	PAYMENT_FIELDS,
	addressSlots,
	customerFieldKey,
	findById,
	page,
	renderCustomerV1,
} from '../model.mjs';
import {
	addAddress,
	assignAddress,
	customerByIntParam,
	deleteCustomer,
	numberTaken,
	removeWhere,
	scalar,
} from '../store.mjs';
import { queryPaging, validBody } from '../validate.mjs';

/** CreateAddress (City and CountryIso required) / UpdateAddress: nullable strings otherwise. */
function addressSchema(create) {
	const shape = Object.fromEntries(ADDRESS_FIELDS.map(([, v1]) => [v1, t.string().nullish()]));
	if (create) {
		shape.City = t.string().max(255, atMost(255));
		shape.CountryIso = t.string().max(5, atMost(5));
	}
	return object(shape);
}

/** CreateCustomer / UpdateCustomer; `create` makes the group, company, language and billing address required. */
function customerSchema(create) {
	const required = (schema) => (create ? schema : schema.optional());
	const address = addressSchema(create);
	const list = array(address).nullish();
	const shape = {
		CustomerGroupId: required(t.int32()),
		CustomerCategoryId: t.int32().nullish(),
		InternalCompanyId: required(t.int32()),
		BillingAddress: required(address),
		Shipmentaddress: address.optional(),
		CustomAddress: address.optional(),
		OtherAddresses: object({
			OtherBillingAddresses: list,
			OtherShippingAddresses: list,
			OtherCustomerAddresses: list,
		}).optional(),
		PaymentSettings: object({
			PaymentMethodId: t.int32().nullish(),
			...Object.fromEntries(PAYMENT_FIELDS.map(([, v1, , type]) => [v1, t[type]().optional()])),
		}).optional(),
	};
	for (const [, v1, , type, nullable] of CUSTOMER_FIELDS) {
		shape[v1] = v1 === 'LanguageIso' ? required(t[type]()) : optional(t[type](), nullable);
	}
	return object(shape);
}

const CREATE_SCHEMA = customerSchema(true);
const UPDATE_SCHEMA = customerSchema(false);

const REFS = [
	['CustomerGroupId', 'groups', 'customer group'],
	['CustomerCategoryId', 'categories', 'customer category'],
	['InternalCompanyId', 'companies', 'company'],
];

function validateCustomerBody(state, body, schema, existing) {
	validBody(schema, body);
	const errors = {};
	for (const [field, collection, label] of REFS) {
		const id = body[field];
		if (id !== undefined && id !== null && !findById(state[collection], id))
			errors[field] = `No ${label} with id ${id}.`;
	}
	const methodId = body.PaymentSettings?.PaymentMethodId;
	if (methodId !== undefined && methodId !== null && !findById(state.paymentMethods, methodId)) {
		errors['PaymentSettings.PaymentMethodId'] = `No payment method with id ${methodId}.`;
	}
	if (typeof body.Number === 'string' && numberTaken(state, body.Number, existing)) {
		errors.Number = `Customer number ${body.Number} is already in use.`;
	}
	throwIfErrors(errors);
}

/** Apply a validated CreateCustomer / UpdateCustomer body to an internal customer. */
function applyV1(state, customer, body) {
	for (const [key, v1, , type] of CUSTOMER_FIELDS)
		if (Object.hasOwn(body, v1))
			customer[customerFieldKey(state.readings, key, 'v1')] = scalar(
				state.readings,
				type,
				body[v1],
			);
	if (Object.hasOwn(body, 'CustomerGroupId')) customer.groupId = body.CustomerGroupId;
	if (Object.hasOwn(body, 'CustomerCategoryId')) customer.categoryId = body.CustomerCategoryId;
	if (Object.hasOwn(body, 'InternalCompanyId')) customer.companyId = body.InternalCompanyId;
	const payment = body.PaymentSettings ?? {};
	if (Object.hasOwn(payment, 'PaymentMethodId')) customer.paymentMethodId = payment.PaymentMethodId;
	for (const [key, v1] of PAYMENT_FIELDS)
		if (Object.hasOwn(payment, v1)) customer[key] = payment[v1];

	const primaries = [
		['BillingAddress', 'billing', ADDRESS_TYPE.billing],
		['Shipmentaddress', 'shipping', ADDRESS_TYPE.shipping],
		['CustomAddress', 'custom', ADDRESS_TYPE.custom],
	];
	for (const [field, slot, type] of primaries) {
		if (!body[field]) continue;
		const primary = addressSlots(customer)[slot].primary;
		if (primary) assignAddress(primary, body[field], 'v1');
		else addAddress(state, customer, type, assignAddress({}, body[field], 'v1'), true);
	}
	// UpdateAddress carries no Id, so a provided Other* list replaces that list (sandbox assumption).
	const others = [
		['OtherBillingAddresses', 'billing', ADDRESS_TYPE.otherBilling],
		['OtherShippingAddresses', 'shipping', ADDRESS_TYPE.otherShipping],
		['OtherCustomerAddresses', 'custom', ADDRESS_TYPE.custom],
	];
	for (const [field, slot, type] of others) {
		const list = body.OtherAddresses?.[field];
		if (!list) continue;
		const old = new Set(addressSlots(customer)[slot].others);
		removeWhere(customer.addresses, (a) => old.has(a));
		for (const entry of list)
			addAddress(state, customer, type, assignAddress({}, entry, 'v1'), false);
	}
}

function nextNumber(state, id) {
	let n = 10000 + id;
	while (numberTaken(state, `K${n}`)) n++;
	return `K${n}`;
}

function matchesKeyword(customer, keyword) {
	const billing = addressSlots(customer).billing.primary ?? {};
	const haystack = [
		customer.number,
		billing.firstName,
		billing.lastName,
		billing.company,
		billing.city,
		billing.emailAddress,
	];
	return haystack.some((v) => typeof v === 'string' && v.toLowerCase().includes(keyword));
}

export function register(router) {
	router.add('GET', '/customers', ({ state, query, options }) => {
		const errors = {};
		const { pageNumber, pageSize } = queryPaging(query, errors, options.maxPageSize);
		const groupId = queryInt(query, 'groupId', errors);
		const categoryId = queryInt(query, 'categoryId', errors);
		const from = queryDate(query, 'lastChangeFrom', errors);
		const to = queryDate(query, 'lastChangeTo', errors);
		throwIfErrors(errors);
		const keyword = (query.get('searchKeyWord') ?? '').trim().toLowerCase();
		const number = query.get('number');
		const list = state.customers
			.filter((c) => !keyword || matchesKeyword(c, keyword))
			.filter((c) => number === null || number === '' || c.number === number)
			.filter((c) => groupId === undefined || c.groupId === groupId)
			.filter((c) => categoryId === undefined || c.categoryId === categoryId)
			.filter((c) => from === undefined || Date.parse(c.lastChanged) >= Date.parse(from))
			.filter((c) => to === undefined || Date.parse(c.lastChanged) < Date.parse(to))
			.sort((a, b) => a.id - b.id);
		return {
			status: 200,
			body: page(list, pageNumber, pageSize, 'v1', (c) => renderCustomerV1(c, state.readings)),
		};
	});

	router.add('GET', '/customers/:customerId', ({ state, params }) => ({
		status: 200,
		body: renderCustomerV1(customerByIntParam(state, params.customerId), state.readings),
	}));

	router.add(
		'POST',
		'/customers',
		({ state, body, query, nowIso }) => {
			const errors = {};
			queryBool(query, 'disableAutomaticWorkflows', errors);
			throwIfErrors(errors);
			validateCustomerBody(state, body, CREATE_SCHEMA, null);
			const id = state.nextId.customer++;
			const stamp = nowIso();
			const customer = {
				id,
				uuid: state.rng.uuid(),
				number: nextNumber(state, id),
				groupId: null,
				categoryId: null,
				companyId: null,
				languageIso: 'de',
				createdAt: stamp,
				// Under customer-since-separate, CustomerSince is its own date, today unless given.
				customerSince: stamp,
				lastChanged: stamp,
				taxIdentificationNumber: '',
				accountsReceivableNumber: null,
				commercialRegisterNumber: '',
				website: '',
				initialContact: '',
				ebayName: '',
				birthday: null,
				isLocked: false,
				isCashRegisterBased: false,
				paymentMethodId: state.paymentMethods.find((p) => p.isStandard)?.id ?? null,
				discount: 0,
				paymentTarget: 0,
				creditLimit: 0,
				stopPaymentRequest: false,
				addresses: [],
			};
			applyV1(state, customer, body);
			const { billing, shipping } = addressSlots(customer);
			// Without a shipping address the billing address doubles as shipping address (sandbox assumption).
			if (!shipping.primary) {
				const { id: _id, uuid: _uuid, type: _type, isDefault: _def, ...fields } = billing.primary;
				addAddress(state, customer, ADDRESS_TYPE.shipping, fields, true);
			}
			state.customers.push(customer);
			return { status: 201, body: renderCustomerV1(customer, state.readings) };
		},
		{ body: true },
	);

	router.add(
		'PATCH',
		'/customers/:customerId',
		({ state, params, body, query, nowIso }) => {
			const errors = {};
			queryBool(query, 'disableAutomaticWorkflows', errors);
			throwIfErrors(errors);
			const customer = customerByIntParam(state, params.customerId);
			validateCustomerBody(state, body, UPDATE_SCHEMA, customer);
			applyV1(state, customer, body);
			customer.lastChanged = nowIso();
			// Vendor quirk: PATCH answers 201 with the customer.
			return { status: 201, body: renderCustomerV1(customer, state.readings) };
		},
		{ body: true },
	);

	router.add('DELETE', '/customers/:customerId', ({ state, params }) => {
		deleteCustomer(state, customerByIntParam(state, params.customerId));
		return { status: 204 };
	});
}
