// One internal record per entity, rendered as v1 (PascalCase, int ids) or v2 (camelCase, uuids).
// What no JTL document decides is rendered as the sandbox's readings say (readings.mjs).
import { unusedPriceValue, wireAddressType, wireTime } from './readings.mjs';

/** Address fields: [internal, v1 name, v2 name]. */
export const ADDRESS_FIELDS = [
	['company', 'Company', 'companyName'],
	['company2', 'Company2', 'additionalCompanyLine'],
	['formOfAddress', 'FormOfAddress', 'salutation'],
	['title', 'Title', 'title'],
	['firstName', 'FirstName', 'firstName'],
	['lastName', 'LastName', 'lastName'],
	['street', 'Street', 'street'],
	['address2', 'Address2', 'additionalAddressLine'],
	['postalCode', 'PostalCode', 'postalCode'],
	['city', 'City', 'city'],
	['state', 'State', 'state'],
	['countryIso', 'CountryIso', 'countryIso'],
	['vatId', 'VatID', 'vatId'],
	['phoneNumber', 'PhoneNumber', 'phoneNumber'],
	['mobilePhoneNumber', 'MobilePhoneNumber', 'mobilePhoneNumber'],
	['emailAddress', 'EmailAddress', 'emailAddress'],
	['fax', 'Fax', 'faxNumber'],
];

/**
 * Customer scalar fields: [internal, v1 name, v2 name, type, nullable]. `createdAt` is both v1
 * CustomerSince and v2 createdDate, unless the customer-since-separate reading keeps CustomerSince
 * apart (see {@link customerFieldKey}).
 */
export const CUSTOMER_FIELDS = [
	['number', 'Number', 'customerNumber', 'string', false],
	['languageIso', 'LanguageIso', 'languageIso', 'iso2', false],
	['createdAt', 'CustomerSince', 'createdDate', 'datetime', false],
	['taxIdentificationNumber', 'TaxIdentificationNumber', 'taxIdentificationNumber', 'string', true],
	[
		'accountsReceivableNumber',
		'AccountsReceivableNumber',
		'accountsReceivableNumber',
		'int32',
		true,
	],
	[
		'commercialRegisterNumber',
		'CommercialRegisterNumber',
		'commercialRegisterNumber',
		'string',
		true,
	],
	['website', 'Website', 'homepage', 'string', true],
	['initialContact', 'InitialContact', 'initialContact', 'string', true],
	['ebayName', 'EbayUsername', 'ebayName', 'string', true],
	['birthday', 'Birthday', 'birthday', 'datetime', true],
	['isLocked', 'IsLocked', 'isLocked', 'boolean', false],
	['isCashRegisterBased', 'IsCashRegisterBased', 'isCashRegisterBased', 'boolean', false],
];

/** Payment settings: [internal, v1 name (PaymentSettings.*), v2 name (paymentSettings.*), type]. */
export const PAYMENT_FIELDS = [
	['discount', 'Discount', 'discount', 'number'],
	['paymentTarget', 'PaymentTarget', 'paymentDueDateInDays', 'int32'],
	['creditLimit', 'CreditLimit', 'creditLimit', 'int32'],
	['stopPaymentRequest', 'StopPaymentRequest', 'isDunningBlocked', 'boolean'],
];

/** References: [internal, v1 name, v2 name, state collection, nullable]. */
export const CUSTOMER_REFS = [
	['groupId', 'CustomerGroupId', 'customerGroupId', 'groups', false],
	['categoryId', 'CustomerCategoryId', 'customerCategoryId', 'categories', true],
	['companyId', 'InternalCompanyId', 'companyId', 'companies', false],
	['paymentMethodId', 'PaymentMethodId', 'paymentMethodId', 'paymentMethods', true],
];

/** Contact fields: [internal, v1 name]. */
export const CONTACT_FIELDS = [
	['department', 'Department'],
	['honorific', 'Honorific'],
	['firstName', 'FirstName'],
	['lastName', 'LastName'],
	['phoneNumber', 'PhoneNumber'],
	['mobilePhoneNumber', 'MobilePhoneNumber'],
	['emailAddress', 'EmailAddress'],
	['fax', 'Fax'],
];

// The internal address types; the wire numbers are readings.mjs's (by default the same numbers).
export const ADDRESS_TYPE = {
	billing: 0,
	shipping: 1,
	otherBilling: 2,
	otherShipping: 3,
	custom: 4,
};

/** The internal key a customer field of a surface is stored under, by the sandbox's readings. */
export function customerFieldKey(readings, key, surface) {
	return key === 'createdAt' && surface === 'v1' && readings.customerSinceSeparate
		? 'customerSince'
		: key;
}

export function findById(list, id) {
	return list.find((x) => x.id === id);
}

export function findByUuid(list, uuid) {
	const needle = String(uuid).toLowerCase();
	return list.find((x) => x.uuid === needle);
}

function uuidOf(state, collection, id) {
	if (id === null || id === undefined) return null;
	return findById(state[collection], id)?.uuid ?? null;
}

/** Split a customer's addresses into the v1 slots: primary of a type, and the rest. */
export function addressSlots(customer) {
	const slot = (primaryType, otherType) => {
		const ofType = customer.addresses.filter((a) => a.type === primaryType);
		const primary = ofType.find((a) => a.isDefault) ?? ofType[0] ?? null;
		const others = customer.addresses.filter(
			(a) => a !== primary && (a.type === primaryType || a.type === otherType),
		);
		return { primary, others };
	};
	return {
		billing: slot(ADDRESS_TYPE.billing, ADDRESS_TYPE.otherBilling),
		shipping: slot(ADDRESS_TYPE.shipping, ADDRESS_TYPE.otherShipping),
		custom: slot(ADDRESS_TYPE.custom, -1),
	};
}

export function renderAddressV1(address) {
	if (!address) return null;
	const out = { Id: address.id };
	for (const [key, v1] of ADDRESS_FIELDS) out[v1] = address[key] ?? '';
	return out;
}

export function renderAddressV2(address, readings) {
	const out = {
		customerAddressId: address.uuid,
		addressType: wireAddressType(readings, address.type),
	};
	for (const [key, , v2] of ADDRESS_FIELDS) out[v2] = address[key] ?? null;
	out.isDefaultAddress = Boolean(address.isDefault);
	return out;
}

export function renderCustomerV1(customer, readings) {
	const slots = addressSlots(customer);
	return {
		Id: customer.id,
		Number: customer.number,
		CustomerGroupId: customer.groupId,
		BillingAddress: renderAddressV1(slots.billing.primary),
		Shipmentaddress: renderAddressV1(slots.shipping.primary),
		CustomAddress: renderAddressV1(slots.custom.primary),
		OtherAddresses: {
			OtherBillingAddresses: slots.billing.others.map(renderAddressV1),
			OtherShippingAddresses: slots.shipping.others.map(renderAddressV1),
			OtherCustomerAddresses: slots.custom.others.map(renderAddressV1),
		},
		PaymentSettings: {
			PaymentMethodId: customer.paymentMethodId,
			Discount: customer.discount,
			PaymentTarget: customer.paymentTarget,
			CreditLimit: customer.creditLimit,
			StopPaymentRequest: customer.stopPaymentRequest,
		},
		CustomerSince: customer[customerFieldKey(readings, 'createdAt', 'v1')],
		LanguageIso: customer.languageIso,
		InternalCompanyId: customer.companyId,
		CustomerCategoryId: customer.categoryId,
		TaxIdentificationNumber: customer.taxIdentificationNumber,
		AccountsReceivableNumber: customer.accountsReceivableNumber,
		CommercialRegisterNumber: customer.commercialRegisterNumber,
		Website: customer.website,
		InitialContact: customer.initialContact,
		EbayUsername: customer.ebayName,
		Birthday: customer.birthday,
		IsLocked: customer.isLocked,
		IsCashRegisterBased: customer.isCashRegisterBased,
	};
}

export function renderCustomerV2(state, customer) {
	return {
		id: customer.uuid,
		customerNumber: customer.number,
		customerGroupId: uuidOf(state, 'groups', customer.groupId),
		customerCategoryId: uuidOf(state, 'categories', customer.categoryId),
		companyId: uuidOf(state, 'companies', customer.companyId),
		languageIso: customer.languageIso,
		createdDate: wireTime(state.readings, customer.createdAt),
		lastChanged: wireTime(state.readings, customer.lastChanged),
		homepage: customer.website,
		ebayName: customer.ebayName,
		initialContact: customer.initialContact,
		taxIdentificationNumber: customer.taxIdentificationNumber,
		accountsReceivableNumber: customer.accountsReceivableNumber,
		commercialRegisterNumber: customer.commercialRegisterNumber,
		birthday: customer.birthday,
		isLocked: customer.isLocked,
		isCashRegisterBased: customer.isCashRegisterBased,
		paymentMethodId: uuidOf(state, 'paymentMethods', customer.paymentMethodId),
		paymentSettings: {
			creditLimit: customer.creditLimit,
			paymentDueDateInDays: customer.paymentTarget,
			discount: customer.discount,
			isDunningBlocked: customer.stopPaymentRequest,
		},
		addresses: customer.addresses.map((a) => renderAddressV2(a, state.readings)),
	};
}

export function renderContactV1(contact) {
	const out = { Id: contact.id };
	for (const [key, v1] of CONTACT_FIELDS) out[v1] = contact[key] ?? '';
	return out;
}

/**
 * SPEC1 `ItemCustomerPrice`: both values are required numbers, so the one a price does not use is
 * 0 (or null under the price-unused-null reading).
 */
export function renderPriceV1(price, readings) {
	const unused = unusedPriceValue(readings);
	return {
		ItemId: price.itemId,
		CustomerId: price.customerId,
		FromQuantity: price.fromQuantity,
		NetPrice: price.netPrice ?? unused,
		ReduceStandardPriceByPercent: price.reducePercent ?? unused,
	};
}

export const REFERENCE_RENDERERS = {
	groups: {
		v1: (g) => ({
			Id: g.id,
			Name: g.name,
			IsDefault: g.isDefault,
			Discount: g.discount,
			IsNetPrice: g.isNetPrice,
		}),
		v2: (g) => ({
			id: g.uuid,
			name: g.name,
			isDefault: g.isDefault,
			discount: g.discount,
			isNetPrice: g.isNetPrice,
		}),
	},
	categories: {
		v1: (c) => ({ Id: c.id, Name: c.name }),
		v2: (c) => ({ id: c.uuid, name: c.name }),
	},
	paymentMethods: {
		v1: (p) => ({ Id: p.id, Name: p.name, IsStandard: p.isStandard, IsActive: p.isActive }),
		v2: (p) => ({ id: p.uuid, name: p.name, isStandard: p.isStandard, isActive: p.isActive }),
	},
	companies: {
		v1: (c) => ({ Id: c.id, Name: c.name }),
		v2: (c) => ({ id: c.uuid, name: c.name }),
	},
};

/**
 * Paged envelope. NextPageNumber equals TotalPages when there is no next page (vendor quirk);
 * PreviousPageNumber is 1 on the first page (sandbox assumption).
 */
export function page(list, pageNumber, pageSize, surface, render) {
	const totalItems = list.length;
	const totalPages = Math.ceil(totalItems / pageSize);
	const hasNext = pageNumber < totalPages;
	const hasPrevious = pageNumber > 1;
	const items = list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(render);
	const env = {
		TotalItems: totalItems,
		PageNumber: pageNumber,
		PageSize: pageSize,
		TotalPages: totalPages,
		HasPreviousPage: hasPrevious,
		HasNextPage: hasNext,
		NextPageNumber: hasNext ? pageNumber + 1 : totalPages,
		PreviousPageNumber: hasPrevious ? pageNumber - 1 : 1,
		Items: items,
	};
	if (surface === 'v1') return env;
	return Object.fromEntries(
		Object.entries(env).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]),
	);
}
