import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import { bicProblem, ibanProblem, mandateReferenceProblem, normaliseIban } from '../../shared/bank';
import {
	EXTRA_BODY_FIELDS,
	extraBodyFieldsProperty,
	mergeExtraBodyFields,
	readExtraBodyFields,
} from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import {
	labelOf,
	readField,
	toProperties,
	toProperty,
	validateCollection,
} from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import { isBlank, requireSomethingToSend, requireValue, validateField } from '../../shared/validation';
import type { BodyPaths } from './bodies';
import { bodyOf, dateOnly, idList, NOTHING_TO_CHANGE } from './bodies';
import { checkId } from './locators';

export const CUSTOMER_TYPE: FieldSpec = {
	name: 'customerType',
	displayName: 'Customer Type',
	kind: 'choice',
	description: 'A person needs a first and last name, a company a name',
	choices: [
		{ name: 'Company', value: 'company' },
		{ name: 'Person', value: 'person' },
	],
};
export const FIRST_NAME: FieldSpec = {
	name: 'firstName',
	displayName: 'First Name',
	kind: 'string',
	description: "The person's first name",
};
export const LAST_NAME: FieldSpec = {
	name: 'lastName',
	displayName: 'Last Name',
	kind: 'string',
	description: "The person's last name",
};
export const COMPANY_NAME: FieldSpec = {
	name: 'companyName',
	displayName: 'Company Name',
	kind: 'string',
	description: "The company's name",
};

const bool = (name: string, displayName: string, description: string): FieldSpec => ({
	name,
	displayName,
	kind: 'boolean',
	description,
});
const text = (name: string, displayName: string, description: string): FieldSpec => ({
	name,
	displayName,
	kind: 'string',
	description,
});

/**
 * The fields of Create's and Create or Update's Additional Fields, and of Update: every field of
 * the v2 customer body (Xentral's catalogue, customer.create.v2) except the names and the
 * project, which have their own parameters, and the lists (custom fields, additional contact data).
 */
export const CUSTOMER_FIELDS: FieldSpec[] = [
	text('number', 'Customer Number', 'Taken from the number range when left out'),
	text('deviatingCustomerNumber', 'Deviating Customer Number', 'Another number for the customer'),
	{ name: 'email', displayName: 'Email', kind: 'email', description: 'The e-mail address' },
	text('phone', 'Phone', 'The landline number'),
	text('mobile', 'Mobile', 'The mobile number'),
	text('fax', 'Fax', 'The fax number'),
	text('website', 'Website', 'The website'),
	{
		name: 'salutation',
		displayName: 'Salutation',
		kind: 'choice',
		description: 'How to address the customer',
		choices: [
			{ name: 'Company', value: 'company' },
			{ name: 'Mr', value: 'mr' },
			{ name: 'Mrs', value: 'mrs' },
			{ name: 'Other', value: 'other' },
		],
	},
	text(
		'salutationPhrase',
		'Salutation Phrase',
		'The words to address the customer with, such as "Dear Sir", instead of the automatic rules',
	),
	text('title', 'Title', 'An academic title such as Dr.'),
	text('department', 'Department', 'The department'),
	text('subDepartment', 'Sub-Department', 'The sub-department'),
	{
		name: 'birthdate',
		displayName: 'Birth Date',
		kind: 'dateTime',
		description: 'The date of birth (the date is sent)',
	},
	bool('isLead', 'Is Lead', 'Whether the customer is a lead'),
	{
		name: 'accountManagerId',
		displayName: 'Account Manager ID',
		kind: 'intId',
		description: "The ID of the customer's account manager in Xentral",
	},
	{
		name: 'salesManagerId',
		displayName: 'Sales Manager ID',
		kind: 'intId',
		description: "The ID of the customer's sales manager in Xentral",
	},
	text(
		'groupIds',
		'Customer Group IDs',
		'The IDs of the customer groups, separated by commas, such as 1, 4 (Xentral has no API to list them). Replaces the groups the customer had.',
	),
	// Financials: payment and tax.
	{
		name: 'paymentMethodId',
		displayName: 'Payment Method ID',
		kind: 'intId',
		description: 'The payment method',
		loadOptionsMethod: 'getPaymentMethods',
	},
	{
		name: 'subscriptionPaymentMethod',
		displayName: 'Subscription Payment Method',
		kind: 'choice',
		description: 'How subscriptions are paid',
		choices: [
			{ name: 'Direct Debit', value: 'direct-debit' },
			{ name: 'Invoice', value: 'invoice' },
		],
	},
	{
		name: 'paymentTargetDays',
		displayName: 'Payment Target (Days)',
		kind: 'int',
		description: 'Days until an invoice is due',
	},
	{
		name: 'paymentTargetDiscount',
		displayName: 'Payment Discount (%)',
		kind: 'percent',
		description: 'The early-payment discount in percent',
	},
	{
		name: 'paymentTargetDiscountDays',
		displayName: 'Payment Discount (Days)',
		kind: 'int',
		description: 'Days within which the early-payment discount applies',
	},
	bool(
		'fixedPaymentTerms',
		'Fixed Payment Terms',
		'Whether the payment terms are fixed for this customer',
	),
	{
		name: 'creditLimit',
		displayName: 'Credit Limit',
		kind: 'number',
		description: 'The credit limit in the default currency',
	},
	{
		name: 'defaultCurrency',
		displayName: 'Default Currency',
		kind: 'string',
		placeholder: 'EUR',
		description: 'ISO 4217 currency code',
	},
	text('customsInformation', 'Customs Information', 'Remarks for customs'),
	text('vatId', 'VAT ID', 'The VAT identification number'),
	text('taxNumber', 'Tax Number', 'The tax number'),
	{
		name: 'taxation',
		displayName: 'Taxation',
		kind: 'choice',
		description: 'How sales to the customer are taxed',
		choices: [
			{ name: 'Domestic', value: 'domestic' },
			{ name: 'EU Delivery', value: 'eu-delivery' },
			{ name: 'Export', value: 'export' },
			{ name: 'Tax Free', value: 'free' },
		],
	},
	{
		name: 'taxDisplay',
		displayName: 'Tax Display',
		kind: 'choice',
		description: "Whether the customer's documents show net or gross amounts",
		choices: [
			{ name: 'Always Gross', value: 'always-gross' },
			{ name: 'Always Net', value: 'always-net' },
			{ name: 'Automatically', value: 'automatically' },
		],
	},
	bool(
		'useDeliveryThreshold',
		'Use Delivery Threshold',
		'Whether the EU delivery threshold applies',
	),
	// The primary bank account and its SEPA mandate.
	text('bankName', 'Bank Name', 'The name of the bank'),
	text('bankAccountOwner', 'Bank Account Owner', 'The name of the account holder'),
	text('iban', 'IBAN', 'The IBAN; spaces are removed and its check digits checked before sending'),
	text('bic', 'BIC', 'The BIC of the bank, 8 or 11 characters'),
	text(
		'sepaMandateReference',
		'SEPA Mandate Reference',
		'The reference of the direct-debit mandate',
	),
	{
		name: 'sepaMandateDate',
		displayName: 'SEPA Mandate Date',
		kind: 'dateTime',
		description: 'The date the mandate was signed (the date is sent)',
	},
	{
		name: 'sepaMandateUsage',
		displayName: 'SEPA Mandate Usage',
		kind: 'choice',
		description: 'Whether the mandate is for one debit or recurring ones',
		choices: [
			{ name: 'Recurring', value: 'recurring' },
			{ name: 'Single', value: 'single' },
		],
	},
	bool(
		'sepaCompanyMandate',
		'SEPA Company Mandate',
		'Whether it is a business-to-business mandate',
	),
	bool(
		'sepaMandateReferenceChanged',
		'SEPA Mandate Reference Changed',
		"Whether the customer's mandate reference changed",
	),
	bool('sepaFirstUse', 'SEPA First Use', 'Whether the next debit is the first under this mandate'),
	text('sepaRemark', 'SEPA Remark', 'A comment on the mandate'),
	// Document delivery.
	{
		name: 'autoCreateDocuments',
		displayName: 'Auto-Create Documents',
		kind: 'choice',
		description: 'Which documents automatic shipping creates',
		// In alphabetical order, as n8n's UI guidelines ask of every dropdown.
		choices: [
			{ name: 'Delivery Note', value: 'delivery_note' },
			{ name: 'Delivery Note and Invoice', value: 'both' },
			{ name: 'Invoice', value: 'invoice' },
		],
	},
	bool(
		'invoiceAlwaysPaper',
		'Invoice Always on Paper',
		'Whether a paper invoice is printed even with automatic dispatch',
	),
	{
		name: 'invoicePrints',
		displayName: 'Invoice Prints',
		kind: 'int',
		description: 'How many invoices are printed when shipping',
	},
	bool('preferFax', 'Prefer Fax', 'Whether documents go out by fax'),
	// Shipping.
	bool('freeShipping', 'Free Shipping', 'Whether the customer always ships free'),
	{
		name: 'freeShippingFrom',
		displayName: 'Free Shipping From',
		kind: 'number',
		description: 'The order amount from which shipping is free',
	},
	{
		name: 'shippingMethodId',
		displayName: 'Shipping Method ID',
		kind: 'intId',
		description: "The customer's shipping method",
		loadOptionsMethod: 'getShippingMethods',
	},
	bool('deliveryBan', 'Delivery Ban', 'Whether nothing may be delivered to the customer'),
	text('deliveryBanReason', 'Delivery Ban Reason', 'Why deliveries are banned'),
	{
		name: 'deliveryBanDate',
		displayName: 'Delivery Ban Date',
		kind: 'dateTime',
		description: 'When deliveries were banned (the date is sent)',
	},
	bool('trackingMailBan', 'Tracking Mail Ban', 'Whether no tracking e-mails are sent'),
];

/** Update only: the type, the names, the language and the fields the PATCH body adds. */
export const UPDATE_ONLY_FIELDS: FieldSpec[] = [
	CUSTOMER_TYPE,
	FIRST_NAME,
	LAST_NAME,
	COMPANY_NAME,
	{
		name: 'language',
		displayName: 'Language',
		kind: 'language',
		description: 'ISO 639-1 code such as de',
	},
	text('contactPerson', 'Contact Person', 'The name of the contact person on the customer record'),
	{
		name: 'mainProjectId',
		displayName: 'Main Project ID',
		kind: 'intId',
		description: 'The main project of the customer',
		loadOptionsMethod: 'getProjects',
	},
	{
		name: 'commission',
		displayName: 'Commission (%)',
		kind: 'percent',
		description: 'The commission for this customer in percent',
	},
	text('identifier', 'Identifier', 'A custom identifier such as CUST-001'),
	text('logfile', 'Log File', "Xentral's log of the customer's activities"),
	{ name: 'latitude', displayName: 'Latitude', kind: 'number', description: 'Latitude, -90 to 90' },
	{
		name: 'longitude',
		displayName: 'Longitude',
		kind: 'number',
		description: 'Longitude, -180 to 180',
	},
	{
		name: 'fromShopId',
		displayName: 'From Shop ID',
		kind: 'intId',
		description: 'The shop the customer came from',
	},
	bool('marketingBan', 'Marketing Ban', 'Whether no marketing may be sent'),
	bool(
		'showBirthdayInCalendar',
		'Show Birthday in Calendar',
		"Whether the birthday shows in Xentral's calendar",
	),
	bool('birthdayCard', 'Birthday Card', 'Whether the customer gets a birthday card'),
	bool('ageApproval', 'Age Approval', 'Whether the customer has passed the age check'),
];

/** Create and Create or Update: the project a new customer belongs to. */
export const PROJECT: FieldSpec = {
	name: 'projectId',
	displayName: 'Project ID',
	kind: 'intId',
	description: 'The project the new customer belongs to',
	loadOptionsMethod: 'getProjects',
};

const PATHS: BodyPaths = {
	customerType: 'customerType',
	firstName: 'firstname',
	lastName: 'lastname',
	companyName: 'name',
	number: 'number',
	deviatingCustomerNumber: 'deviatingCustomerNumber',
	email: 'contactDetails.email',
	phone: 'contactDetails.phone',
	mobile: 'contactDetails.mobile',
	fax: 'contactDetails.fax',
	website: 'contactDetails.website',
	salutation: 'salutation',
	salutationPhrase: 'salutationPhrase',
	title: 'title',
	department: 'department',
	subDepartment: 'subDepartment',
	birthdate: 'birthdate',
	isLead: 'isLead',
	accountManagerId: 'accountManager.id',
	salesManagerId: 'salesManager.id',
	paymentMethodId: 'financials.paymentMethod.id',
	subscriptionPaymentMethod: 'financials.subscriptionPaymentMethod',
	paymentTargetDays: 'financials.paymentTerms.paymentTargetDays',
	paymentTargetDiscount: 'financials.paymentTerms.paymentTargetDiscount',
	paymentTargetDiscountDays: 'financials.paymentTerms.paymentTargetDiscountDays',
	fixedPaymentTerms: 'financials.paymentTerms.fixedPaymentTerms',
	creditLimit: 'financials.creditLimit',
	defaultCurrency: 'financials.defaultCurrency',
	customsInformation: 'financials.customsInformation',
	vatId: 'financials.tax.vatId',
	taxNumber: 'financials.tax.taxNumber',
	taxation: 'financials.tax.taxation',
	taxDisplay: 'financials.tax.taxDisplay',
	useDeliveryThreshold: 'financials.tax.useDeliveryThreshold',
	bankName: 'primaryBankAccount.bankName',
	bankAccountOwner: 'primaryBankAccount.owner',
	iban: 'primaryBankAccount.iban',
	bic: 'primaryBankAccount.bic',
	sepaMandateReference: 'primaryBankAccount.sepa.mandateReference',
	sepaMandateDate: 'primaryBankAccount.sepa.mandateReferenceDate',
	sepaMandateUsage: 'primaryBankAccount.sepa.usage',
	sepaCompanyMandate: 'primaryBankAccount.sepa.companySepa',
	sepaMandateReferenceChanged: 'primaryBankAccount.sepa.mandateReferenceChange',
	sepaFirstUse: 'primaryBankAccount.sepa.initial',
	sepaRemark: 'primaryBankAccount.sepa.remark',
	autoCreateDocuments: 'documentDelivery.autoCreateDocuments',
	invoiceAlwaysPaper: 'documentDelivery.invoiceAlwaysPaper',
	invoicePrints: 'documentDelivery.amountInvoicePrints',
	preferFax: 'documentDelivery.preferFax',
	freeShipping: 'shipping.freeShipping',
	freeShippingFrom: 'shipping.freeShippingFrom',
	shippingMethodId: 'shipping.shippingMethod.id',
	deliveryBan: 'shipping.deliveryBan',
	deliveryBanReason: 'shipping.deliveryBanReason',
	deliveryBanDate: 'shipping.deliveryBanDate',
	trackingMailBan: 'shipping.trackingMailBan',
	projectId: 'project.id',
	language: 'language',
	contactPerson: 'contactPerson',
	mainProjectId: 'mainProject.id',
	commission: 'commission',
	identifier: 'identifier',
	logfile: 'logfile',
	latitude: 'lat',
	longitude: 'lng',
	fromShopId: 'fromShop.id',
	marketingBan: 'marketing.marketingBan',
	showBirthdayInCalendar: 'marketing.showBirthdayInCalendar',
	birthdayCard: 'marketing.birthdayCard',
	ageApproval: 'marketing.ageApproval',
};

/** Fields whose value is a date of the `date` format: sent as YYYY-MM-DD. */
const DATE_FIELDS = ['birthdate', 'sepaMandateDate', 'deliveryBanDate'];

type Check = (value: unknown) => string | undefined;
const atLeastZero: Check = (v) => (Number(v) < 0 ? 'must be 0 or greater' : undefined);
const within =
	(limit: number): Check =>
	(v) =>
		Math.abs(Number(v)) > limit ? `must be between -${limit} and ${limit}` : undefined;

/** Checks beyond the field's kind, run before any request. */
const CHECKS: Record<string, Check> = {
	iban: (v) => ibanProblem(normaliseIban(String(v))),
	bic: (v) => bicProblem(String(v).replace(/\s+/g, '').toUpperCase()),
	sepaMandateReference: (v) => mandateReferenceProblem(String(v)),
	creditLimit: atLeastZero,
	freeShippingFrom: atLeastZero,
	latitude: within(90),
	longitude: within(180),
	defaultCurrency: (v) =>
		/^[A-Za-z]{3}$/.test(String(v).trim())
			? undefined
			: 'must be a three-letter ISO 4217 code such as EUR',
};

const SPECS = [...CUSTOMER_FIELDS, ...UPDATE_ONLY_FIELDS, PROJECT];
const specOf = (name: string) => SPECS.find((s) => s.name === name);

/**
 * Validated fields as a v2 customer body: each at its place, dates as YYYY-MM-DD, the IBAN and
 * BIC without spaces in upper case, the language in lower and the currency in upper case, the
 * groups as a list of whole numbers.
 */
export function customerBody(fields: IDataObject): IDataObject {
	const { groupIds, ...rest } = fields;
	for (const name of DATE_FIELDS)
		if (rest[name] !== undefined) rest[name] = dateOnly(rest[name]) as string;
	if (typeof rest.iban === 'string') rest.iban = normaliseIban(rest.iban);
	if (typeof rest.bic === 'string') rest.bic = rest.bic.replace(/\s+/g, '').toUpperCase();
	if (typeof rest.language === 'string') rest.language = rest.language.toLowerCase();
	if (typeof rest.defaultCurrency === 'string')
		rest.defaultCurrency = rest.defaultCurrency.trim().toUpperCase();
	const body = bodyOf(rest, PATHS);
	if (groupIds !== undefined) body.groups = groupIds as number[];
	return body;
}

/** The top-level name fields of Create and Create or Update, shown by the customer type. */
export function nameProperties(): INodeProperties[] {
	return [
		toProperty(CUSTOMER_TYPE, { required: true, default: 'company' }),
		toProperty(COMPANY_NAME, {
			required: true,
			displayOptions: { show: { customerType: ['company'] } },
		}),
		toProperty(FIRST_NAME, {
			required: true,
			displayOptions: { show: { customerType: ['person'] } },
		}),
		toProperty(LAST_NAME, {
			required: true,
			displayOptions: { show: { customerType: ['person'] } },
		}),
	];
}

/** The Project of Create and Create or Update, a dropdown of the instance's projects. */
export function projectProperty(): INodeProperties {
	return toProperty(PROJECT, {
		description:
			'The project the new customer belongs to. Xentral\'s v2 guide calls it required; instances that enforce it refuse a customer without one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		hint: 'The project list is an early-access endpoint of Xentral: where it is missing, give the ID by expression',
	});
}

export function additionalFieldsProperty(): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: toProperties(CUSTOMER_FIELDS),
	};
}

export function updateFieldsProperty(): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: toProperties([...UPDATE_ONLY_FIELDS, ...CUSTOMER_FIELDS]),
	};
}

/** The lists of the customer body: custom fields (1–20) and additional contact data. */
export function listProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			placeholder: 'Add Custom Field',
			typeOptions: { multipleValues: true },
			default: {},
			description: "Values of the instance's customer free fields (1 to 20)",
			options: [
				{
					displayName: 'Field',
					name: 'fields',
					values: [
						{
							displayName: 'Field Number',
							name: 'id',
							type: 'number',
							typeOptions: { minValue: 1, maxValue: 20, numberPrecision: 0 },
							default: 1,
							description: 'Which free field, 1 to 20',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
		{
			displayName: 'Additional Contact Data',
			name: 'additionalContactData',
			type: 'fixedCollection',
			placeholder: 'Add Contact Data',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Contact data beyond the standard fields, such as a second mobile number',
			options: [
				{
					displayName: 'Entry',
					name: 'entries',
					values: [
						{
							displayName: 'Label',
							name: 'label',
							type: 'string',
							default: '',
							placeholder: 'mobile2',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		extraBodyFieldsProperty('Xentral'),
	];
}

/** The entries of a fixed collection's list, or an error naming it. */
function listEntries(
	ctx: IExecuteFunctions,
	parameter: string,
	label: string,
	key: string,
	itemIndex: number,
): IDataObject[] {
	const value = readCollectionParameter(ctx, parameter, label, itemIndex);
	const entries = value[key] ?? [];
	if (!Array.isArray(entries))
		throw new NodeOperationError(ctx.getNode(), `${label} (item ${itemIndex}) must be a list`, {
			itemIndex,
		});
	return entries as IDataObject[];
}

const customFieldId = z.preprocess(
	(v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
	z
		.number({ invalid_type_error: 'must be a number from 1 to 20' })
		.int('must be a number from 1 to 20')
		.min(1, 'must be a number from 1 to 20')
		.max(20, 'must be a number from 1 to 20'),
);
const entryText = z.preprocess(
	(v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
	z.string({ invalid_type_error: 'must be text' }).max(255, 'must be at most 255 characters'),
);

/** Custom Fields and Additional Contact Data as their body lists, checked. */
function readLists(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	const fields = listEntries(ctx, 'customFields', 'Custom Fields', 'fields', itemIndex);
	const seen = new Set<number>();
	const customFields = fields.map((entry, i) => {
		const where = `Custom Fields > Field ${i + 1}`;
		const id = validateField(
			ctx,
			customFieldId,
			entry.id,
			`${where} > Field Number`,
			itemIndex,
		) as number;
		if (seen.has(id))
			throw new NodeOperationError(
				ctx.getNode(),
				`${where} > Field Number (item ${itemIndex}) repeats field ${id}; give each field once`,
				{ itemIndex },
			);
		seen.add(id);
		return {
			id,
			value: validateField(ctx, entryText, entry.value ?? '', `${where} > Value`, itemIndex),
		};
	});
	if (customFields.length) body.customFields = customFields;
	const entries = listEntries(
		ctx,
		'additionalContactData',
		'Additional Contact Data',
		'entries',
		itemIndex,
	);
	const additionalData = entries.map((entry, i) => {
		const where = `Additional Contact Data > Entry ${i + 1}`;
		const label = validateField(
			ctx,
			entryText,
			entry.label,
			`${where} > Label`,
			itemIndex,
		) as string;
		requireValue(ctx, label, `${where} > Label`, itemIndex);
		return {
			label: label.trim(),
			value: validateField(ctx, entryText, entry.value ?? '', `${where} > Value`, itemIndex),
		};
	});
	if (additionalData.length) body.contactDetails = { additionalData };
	return body;
}

/**
 * A collection of customer fields, checked: each field by its kind, then by the checks beyond it
 * (IBAN, BIC, mandate reference, ranges), the group IDs as a list. The single "Customer Group
 * ID" of workflows saved before the field became a list is taken as a list of one.
 */
function readCustomerCollection(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	parameter: string,
	label: string,
	itemIndex: number,
): IDataObject {
	const raw = { ...readCollectionParameter(ctx, parameter, label, itemIndex) };
	const prefix = `${label} > `;
	let groupIds: unknown;
	if (raw.groupId !== undefined && raw.groupIds === undefined) raw.groupIds = raw.groupId;
	delete raw.groupId;
	if (raw.groupIds !== undefined) {
		// The v2 body takes group IDs as whole numbers.
		groupIds = idList(ctx, raw.groupIds, `${prefix}Customer Group IDs`, itemIndex).map((id) => {
			if (Number(id) > 2_147_483_647)
				throw new NodeOperationError(
					ctx.getNode(),
					`${prefix}Customer Group IDs (item ${itemIndex}) must fit a 32-bit integer: ${id} does not`,
					{ itemIndex },
				);
			return Number(id);
		});
		delete raw.groupIds;
	}
	const fields = validateCollection(ctx, specs, raw, prefix, itemIndex);
	for (const [name, value] of Object.entries(fields)) {
		const problem = CHECKS[name]?.(value);
		const spec = specOf(name);
		if (problem && spec)
			throw new NodeOperationError(
				ctx.getNode(),
				`${prefix}${labelOf(spec)} (item ${itemIndex}) ${problem}`,
				{ itemIndex },
			);
	}
	return groupIds === undefined ? fields : { ...fields, groupIds: groupIds as IDataObject[string] };
}

/**
 * The type and names of Create and Create or Update, checked before any request: a person needs
 * first and last name, a company a name.
 */
export function readNames(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const customerType = readField(ctx, CUSTOMER_TYPE, 'customerType', itemIndex) as string;
	const specs = customerType === 'person' ? [FIRST_NAME, LAST_NAME] : [COMPANY_NAME];
	const names: IDataObject = { customerType };
	for (const spec of specs) {
		const value = readField(ctx, spec, spec.name, itemIndex);
		requireValue(ctx, value, spec.displayName, itemIndex, {
			says: `is required for a ${customerType === 'person' ? 'person' : 'company'} customer`,
		});
		names[spec.name] = String(value).trim();
	}
	return names;
}

/** The project of Create: the Project parameter, or Additional Fields > Project ID of older workflows. */
function readProject(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const { projectId: legacy, ...rest } = fields;
	const value = ctx.getNodeParameter('projectId', itemIndex, '') as unknown;
	const given = !isBlank(value) ? value : legacy;
	if (isBlank(given)) return rest;
	return { ...rest, projectId: checkId(ctx, given, labelOf(PROJECT), itemIndex) };
}

export interface CustomerBodies {
	/** The body of a create. */
	create: IDataObject;
	/** The same fields for a PATCH: without `project`, which the update body does not have. */
	update: IDataObject;
}

/**
 * Create's body (and, for Create or Update, the PATCH body of the same fields): the names, the
 * project, the Additional Fields, the lists and the Extra Body Fields, all checked before any
 * request. `reserved` are top-level keys the Extra Body Fields may not set.
 */
export function readCreateBodies(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reserved: string[] = [],
): CustomerBodies {
	const names = readNames(ctx, itemIndex);
	const fields = readCustomerCollection(
		ctx,
		[...CUSTOMER_FIELDS, { ...PROJECT, loadOptionsMethod: undefined }],
		'additionalFields',
		'Additional Fields',
		itemIndex,
	);
	const withProject = readProject(ctx, itemIndex, fields);
	const lists = readLists(ctx, itemIndex);
	const merge = (body: IDataObject) =>
		mergeExtraBodyFields(
			ctx,
			mergeLists(body, lists),
			readExtraBodyFields(ctx, itemIndex, EXTRA_BODY_FIELDS),
			itemIndex,
			{ reserved },
		);
	const create = merge(customerBody({ ...withProject, ...names }));
	const forUpdate = { ...withProject };
	delete forUpdate.projectId;
	return { create, update: merge(customerBody({ ...forUpdate, ...names })) };
}

/** The lists merged into a body (the additional contact data beside the contact details). */
function mergeLists(body: IDataObject, lists: IDataObject): IDataObject {
	const out = { ...body };
	if (lists.customFields) out.customFields = lists.customFields;
	if (lists.contactDetails)
		out.contactDetails = {
			...((out.contactDetails as IDataObject) ?? {}),
			...(lists.contactDetails as IDataObject),
		};
	return out;
}

/** Update's body, or an error naming the fields when nothing was given. */
export function readUpdateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readCustomerCollection(
		ctx,
		[...UPDATE_ONLY_FIELDS, ...CUSTOMER_FIELDS],
		'updateFields',
		'Update Fields',
		itemIndex,
	);
	for (const spec of [FIRST_NAME, LAST_NAME, COMPANY_NAME])
		if (spec.name in fields)
			requireValue(ctx, fields[spec.name], `Update Fields > ${spec.displayName}`, itemIndex, {
				says: 'must not be empty',
			});
	const body = mergeExtraBodyFields(
		ctx,
		mergeLists(customerBody(fields), readLists(ctx, itemIndex)),
		readExtraBodyFields(ctx, itemIndex, EXTRA_BODY_FIELDS),
		itemIndex,
	);
	requireSomethingToSend(
		ctx,
		[body],
		itemIndex,
		NOTHING_TO_CHANGE,
		'Or set Custom Fields, Additional Contact Data or Extra Body Fields.',
	);
	return body;
}
