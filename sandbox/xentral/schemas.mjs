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
	additionalData: optional(array(object({ label: text(), value: text() }))),
});

const financials = object({
	tax: optional(
		object({
			taxation: optional(oneOf(['domestic', 'eu-delivery', 'export', 'free'])),
			taxDisplay: optional(oneOf(['automatically', 'always-net', 'always-gross'])),
			useDeliveryThreshold: optional(t.boolean()),
			taxNumber: optional(text()),
			vatId: optional(text()),
		}),
	),
	paymentTerms: optional(
		object({
			fixedPaymentTerms: optional(t.boolean()),
			paymentTargetDays: optional(z.number().int().min(0)),
			paymentTargetDiscount: optional(z.number().min(0).max(100)),
			paymentTargetDiscountDays: optional(z.number().int().min(0)),
		}),
	),
	paymentMethod: optional(idRef()),
	subscriptionPaymentMethod: optional(oneOf(['invoice', 'direct-debit'])),
	customsInformation: optional(text()),
	creditLimit: optional(z.number().min(0)),
	defaultCurrency: optional(z.string().regex(/^[A-Z]{3}$/)),
});

const customerFields = {
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
	contactDetails: optional(contactDetails),
	accountManager: optional(idRef()),
	salesManager: optional(idRef()),
	isLead: optional(t.boolean()),
	groups: optional(array(z.number().int().min(1))),
	financials: optional(financials),
};

export const customerCreate = object({ ...customerFields, project: optional(idRef()) });
export const customerUpdate = object({
	...customerFields,
	contactPerson: optional(text()),
	language: optional(z.string().regex(/^[a-z]{2}$/)),
	mainProject: optional(idRef()),
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
	salutation: optional(text()),
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
