// Request bodies of the Xentral endpoints the sandbox serves, as zod schemas: strict objects (an
// unknown field is refused), names and enums from the vendor's v2 customer catalogue and the
// core spec (contact persons, sales prices, webhooks).
import { array, object, optional, t, z } from '../shared/zod.mjs';

const idRef = () => object({ id: z.string().regex(/^\d+$/, 'This value should be a numeric ID.') });
const text = (max = 255) =>
	t.string().max(max, `This value is too long. It should have ${max} characters or less.`);
const date = () =>
	z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'This value is not a valid date (YYYY-MM-DD).');
const email = () => z.string().email('This value is not a valid email address.');
const country = () =>
	z.string().regex(/^[A-Z]{2}$/, 'This value is not a valid country (ISO 3166-1 alpha-2).');
const oneOf = (values) =>
	z.enum(values, {
		errorMap: () => ({
			message: `The value you selected is not a valid choice (${values.join(', ')}).`,
		}),
	});

const contactDetails = object({
	phone: optional(text()),
	mobile: optional(text()),
	fax: optional(text()),
	email: optional(email()),
	website: optional(text()),
	additionalData: optional(array(object({ label: text(), value: text().nullable() })), false),
});

const taxation = ['domestic', 'eu-delivery', 'export', 'free'];
const financials = object({
	tax: optional(
		object({
			taxation: optional(oneOf(taxation), false),
			taxDisplay: optional(oneOf(['automatically', 'always-net', 'always-gross']), false),
			useDeliveryThreshold: optional(t.boolean(), false),
			taxNumber: optional(text()),
			vatId: optional(text()),
		}),
		false,
	),
	paymentTerms: optional(
		object({
			fixedPaymentTerms: optional(t.boolean(), false),
			paymentTargetDays: optional(z.number().int()),
			paymentTargetDiscount: optional(z.number(), false),
			paymentTargetDiscountDays: optional(z.number().int()),
		}),
		false,
	),
	paymentMethod: optional(idRef()),
	subscriptionPaymentMethod: optional(oneOf(['invoice', 'direct-debit'])),
	customsInformation: optional(text()),
	creditLimit: optional(z.number(), false),
	defaultCurrency: optional(z.string().regex(/^[A-Z]{3}$/), false),
});

/**
 * The primary bank account with its SEPA mandate. The create schema declares no field of it
 * nullable; the update schema allows null for owner, IBAN, BIC and the mandate's reference, date
 * and remark (the catalogue's two schemas differ in exactly these).
 */
const bankAccount = (nullableOnUpdate) =>
	object({
		bankName: optional(text(), false),
		owner: optional(text(), nullableOnUpdate),
		iban: optional(text(), nullableOnUpdate),
		bic: optional(text(), nullableOnUpdate),
		sepa: optional(
			object({
				companySepa: optional(t.boolean(), false),
				mandateReference: optional(text(), nullableOnUpdate),
				mandateReferenceChange: optional(t.boolean(), false),
				mandateReferenceDate: optional(date(), nullableOnUpdate),
				usage: optional(oneOf(['recurring', 'single']), false),
				initial: optional(t.boolean(), false),
				remark: optional(text(1000), nullableOnUpdate),
			}),
			false,
		),
	});

const documentDelivery = object({
	autoCreateDocuments: optional(oneOf(['both', 'delivery_note', 'invoice']), false),
	invoiceAlwaysPaper: optional(t.boolean(), false),
	amountInvoicePrints: optional(z.number().int()),
	preferFax: optional(t.boolean(), false),
});

const shipping = object({
	freeShipping: optional(t.boolean(), false),
	trackingMailBan: optional(t.boolean(), false),
	deliveryBan: optional(t.boolean(), false),
	freeShippingFrom: optional(z.number(), false),
	deliveryBanReason: optional(text()),
	deliveryBanDate: optional(date()),
	shippingMethod: optional(idRef()),
});

const customField = object({
	id: z
		.number()
		.int()
		.min(1, 'Custom field IDs range from 1 to 20.')
		.max(20, 'Custom field IDs range from 1 to 20.'),
	value: text().nullable(),
});

/** The fields the v2 create and update bodies share (the catalogue's customer.create.v2). */
const customerFields = (nullableOnUpdate) => ({
	customerType: optional(oneOf(['person', 'company'])),
	firstname: optional(text()),
	lastname: optional(text()),
	name: optional(text()),
	title: optional(text()),
	birthdate: optional(date()),
	number: optional(text(30)),
	deviatingCustomerNumber: optional(text()),
	salutation: optional(oneOf(['mr', 'mrs', 'company', 'other'])),
	salutationPhrase: optional(text()),
	department: optional(text()),
	subDepartment: optional(text()),
	contactDetails: optional(contactDetails, false),
	accountManager: optional(idRef()),
	salesManager: optional(idRef()),
	isLead: optional(t.boolean(), false),
	groups: optional(array(z.number().int().min(1))),
	customFields: optional(array(customField), false),
	financials: optional(financials, false),
	primaryBankAccount: optional(bankAccount(nullableOnUpdate), false),
	documentDelivery: optional(documentDelivery, false),
	shipping: optional(shipping, false),
});

/** POST /api/v2/customers. `project` may be empty by the schema; a strict instance needs its ID. */
export const customerCreate = object({
	...customerFields(false),
	project: optional(object({ id: optional(idRef().shape.id, false) }), false),
});
/** PATCH /api/v2/customers/{id}: the create fields without `project`, and the update-only ones. */
export const customerUpdate = object({
	...customerFields(true),
	contactPerson: optional(text()),
	language: optional(z.string().regex(/^[a-z]{2}$/)),
	mainProject: optional(idRef(), false),
	commission: optional(z.number(), false),
	identifier: optional(text()),
	logfile: optional(t.string(), false),
	lat: optional(z.number()),
	lng: optional(z.number()),
	fromShop: optional(idRef(), false),
	marketing: optional(
		object({
			marketingBan: optional(t.boolean(), false),
			showBirthdayInCalendar: optional(t.boolean(), false),
			birthdayCard: optional(t.boolean(), false),
			ageApproval: optional(t.boolean(), false),
		}),
		false,
	),
});

const masterdataFields = {
	street: text(),
	addressSupplement: optional(text()),
	zip: optional(text(20)),
	city: text(),
	country: country(),
	state: optional(text(10)),
};
const billingFields = {
	...masterdataFields,
	name: text(),
	salutation: optional(oneOf(['mr', 'mrs', 'company', 'other'])),
	department: optional(text()),
	subDepartment: optional(text()),
	contactDetails: optional(
		object({
			phone: optional(text()),
			email: optional(email()),
			gln: optional(z.string().regex(/^\d{13}$/, 'This value should have exactly 13 digits.')),
		}),
	),
};
const deliveryFields = {
	...billingFields,
	deliveryDetails: optional(
		object({
			defaultDeliveryAddress: optional(t.boolean()),
			termsOfDelivery: optional(text()),
			vatId: optional(text()),
			taxType: optional(oneOf(['domestic', 'eu-delivery', 'export', 'free'])),
			internalComment: optional(text(1000)),
			note: optional(text(1000)),
		}),
	),
};

/** POST bodies by address type (the `type` field picks the schema). */
export const addressCreate = {
	masterdata: object({ type: z.literal('masterdata'), ...masterdataFields }),
	billingaddress: object({ type: z.literal('billingaddress'), ...billingFields }),
	deliveryaddress: object({ type: z.literal('deliveryaddress'), ...deliveryFields }),
};

const partial = (fields) =>
	object(
		Object.fromEntries(
			Object.entries(fields).map(([k, s]) => [k, k === 'zip' ? s.optional() : s.optional()]),
		),
	);
/** PATCH bodies by address kind: no `type`, everything optional, `zip` never null. */
export const addressUpdate = {
	masterdata: partial(masterdataFields),
	billingaddress: partial(billingFields),
	deliveryaddress: partial(deliveryFields),
};

const contactPersonFields = {
	type: optional(oneOf(['company', 'mr', 'mrs', 'other']), false),
	title: optional(text()),
	birthday: optional(date()),
	birthdayShowInCalendar: optional(t.boolean(), false),
	sendBirthdayCard: optional(t.boolean(), false),
	marketingBan: optional(t.boolean(), false),
	department: optional(text()),
	subDepartment: optional(text()),
	position: optional(text()),
	language: optional(z.string().regex(/^[a-z]{2}$/, 'This value is not a valid language.')),
	address: optional(
		object({
			street: optional(text()),
			additionalStreet: optional(text()),
			zip: optional(text(20)),
			city: optional(text()),
			state: optional(text()),
			country: optional(country()),
		}),
		false,
	),
	contact: optional(
		object({
			phone: optional(text()),
			fax: optional(text()),
			mobile: optional(text()),
			salutation: optional(text()),
			email: optional(email()),
		}),
		false,
	),
	groups: optional(array(z.string().regex(/^\d+$/)), false),
	comment: optional(text(1000)),
	others: optional(text(1000)),
};
export const contactPersonCreate = object({
	name: text().min(1, 'This value should not be blank.'),
	...contactPersonFields,
});
export const contactPersonUpdate = object({
	name: text().min(1, 'This value should not be blank.').optional(),
	...contactPersonFields,
});

const amount = () =>
	z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/)], {
		errorMap: () => ({ message: 'This value should be a positive number.' }),
	});
const priceFields = {
	validFrom: optional(date()),
	expiresAt: optional(date()),
	amount: optional(amount(), false),
	packageAmount: optional(z.number().positive()),
	customer: idRef().nullish(),
	customerGroup: idRef().nullish(),
	price: optional(
		object({
			amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'This value should be a decimal number as text.'),
			currency: z.string().regex(/^[A-Z]{3}$/, 'This value is not a valid currency.'),
		}),
		false,
	),
	customerProductNumber: optional(text()),
	isNotCalculatedFromExchangeTable: optional(t.boolean(), false),
	hideInBulkPriceListing: optional(t.boolean(), false),
	remark: optional(text(1000)),
};
export const salesPriceCreate = object({ product: idRef(), ...priceFields });
export const salesPriceUpdate = object({ product: idRef().optional(), ...priceFields });

export const webhookCreate = object({
	name: text(100).min(1),
	url: z.string().url('This value is not a valid URL.').max(255),
	signatureKey: z
		.string()
		.min(20, 'This value is too short. It should have 20 characters or more.')
		.max(255),
	events: array(object({ id: z.string().min(1) })).min(
		1,
		'This collection should contain 1 element or more.',
	),
});
export const webhookUpdate = object({
	name: text(100).min(1),
	url: z.string().url('This value is not a valid URL.').max(255),
	signatureKey: z.string().min(20).max(255).optional(),
	events: array(object({ id: z.string().min(1) })).min(1),
});
