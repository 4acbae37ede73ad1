import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../shared/fieldSpecs';
import { readField, toProperties, toProperty, validateCollection } from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import type { BodyPaths } from './bodies';
import { bodyOf, dateOnly } from './bodies';

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

/** The fields of Create's and Create or Update's Additional Fields, and of Update. */
export const CUSTOMER_FIELDS: FieldSpec[] = [
	{
		name: 'number',
		displayName: 'Customer Number',
		kind: 'string',
		description: 'Taken from the number range when left out',
	},
	{ name: 'email', displayName: 'Email', kind: 'email', description: 'The e-mail address' },
	{ name: 'phone', displayName: 'Phone', kind: 'string', description: 'The phone number' },
	{ name: 'mobile', displayName: 'Mobile', kind: 'string', description: 'The mobile number' },
	{ name: 'fax', displayName: 'Fax', kind: 'string', description: 'The fax number' },
	{ name: 'website', displayName: 'Website', kind: 'string', description: 'The website' },
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
	{
		name: 'title',
		displayName: 'Title',
		kind: 'string',
		description: 'An academic title such as Dr.',
	},
	{ name: 'department', displayName: 'Department', kind: 'string', description: 'The department' },
	{
		name: 'birthdate',
		displayName: 'Birth Date',
		kind: 'dateTime',
		description: 'The date of birth (the date is sent)',
	},
	{
		name: 'isLead',
		displayName: 'Is Lead',
		kind: 'boolean',
		description: 'Whether the customer is a lead',
	},
	{
		name: 'paymentMethodId',
		displayName: 'Payment Method ID',
		kind: 'intId',
		description: 'The payment method',
		loadOptionsMethod: 'getPaymentMethods',
	},
	{
		name: 'groupId',
		displayName: 'Customer Group ID',
		kind: 'intId',
		description: 'The ID of a customer group in Xentral (Xentral has no API to list them)',
	},
	{
		name: 'vatId',
		displayName: 'VAT ID',
		kind: 'string',
		description: 'The VAT identification number',
	},
	{ name: 'taxNumber', displayName: 'Tax Number', kind: 'string', description: 'The tax number' },
	{
		name: 'creditLimit',
		displayName: 'Credit Limit',
		kind: 'int',
		description: 'The credit limit in whole currency units',
	},
	{
		name: 'paymentTargetDays',
		displayName: 'Payment Target (Days)',
		kind: 'int',
		description: 'Days until an invoice is due',
	},
	{
		name: 'defaultCurrency',
		displayName: 'Default Currency',
		kind: 'string',
		placeholder: 'EUR',
		description: 'ISO 4217 currency code',
	},
];

/** Create only: the project a new customer belongs to. */
export const PROJECT_FIELD: FieldSpec = {
	name: 'projectId',
	displayName: 'Project ID',
	kind: 'intId',
	description: 'The ID of the project the customer belongs to',
};

/** Update only: the type, the names and the language. */
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
];

const PATHS: BodyPaths = {
	customerType: 'customerType',
	firstName: 'firstname',
	lastName: 'lastname',
	companyName: 'name',
	number: 'number',
	email: 'contactDetails.email',
	phone: 'contactDetails.phone',
	mobile: 'contactDetails.mobile',
	fax: 'contactDetails.fax',
	website: 'contactDetails.website',
	salutation: 'salutation',
	title: 'title',
	department: 'department',
	birthdate: 'birthdate',
	isLead: 'isLead',
	paymentMethodId: 'financials.paymentMethod.id',
	vatId: 'financials.tax.vatId',
	taxNumber: 'financials.tax.taxNumber',
	creditLimit: 'financials.creditLimit',
	paymentTargetDays: 'financials.paymentTerms.paymentTargetDays',
	defaultCurrency: 'financials.defaultCurrency',
	projectId: 'project.id',
	language: 'language',
};

/** Validated fields as a v2 customer body. */
export function customerBody(fields: IDataObject): IDataObject {
	const { groupId, birthdate, defaultCurrency, ...rest } = fields;
	const body = bodyOf(rest, PATHS);
	if (groupId !== undefined) body.groups = [Number(groupId)];
	if (birthdate !== undefined) body.birthdate = dateOnly(birthdate) as string;
	// ISO 639-1 in lower case, as Xentral stores it.
	if (typeof body.language === 'string') body.language = body.language.toLowerCase();
	if (defaultCurrency !== undefined) {
		const financials = (body.financials ?? {}) as IDataObject;
		financials.defaultCurrency = String(defaultCurrency).toUpperCase();
		body.financials = financials;
	}
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

export function additionalFieldsProperty(withProject: boolean): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: toProperties(withProject ? [...CUSTOMER_FIELDS, PROJECT_FIELD] : CUSTOMER_FIELDS),
	};
}

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

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
		if (blank(value)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${spec.displayName} (item ${itemIndex}) is required for a ${customerType === 'person' ? 'person' : 'company'} customer`,
				{ itemIndex },
			);
		}
		names[spec.name] = String(value).trim();
	}
	return names;
}

/** Create's body: the names and the Additional Fields, all checked. */
export function readCreateBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	withProject = true,
): IDataObject {
	const names = readNames(ctx, itemIndex);
	const extra = validateCollection(
		ctx,
		withProject ? [...CUSTOMER_FIELDS, PROJECT_FIELD] : CUSTOMER_FIELDS,
		readCollectionParameter(ctx, 'additionalFields', 'Additional Fields', itemIndex),
		'Additional Fields > ',
		itemIndex,
	);
	return customerBody({ ...extra, ...names });
}

/** Update's body, or an error naming the collection when nothing was given. */
export function readUpdateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = validateCollection(
		ctx,
		[...UPDATE_ONLY_FIELDS, ...CUSTOMER_FIELDS],
		readCollectionParameter(ctx, 'updateFields', 'Update Fields', itemIndex),
		'Update Fields > ',
		itemIndex,
	);
	for (const spec of [FIRST_NAME, LAST_NAME, COMPANY_NAME]) {
		if (spec.name in fields && blank(fields[spec.name]))
			throw new NodeOperationError(
				ctx.getNode(),
				`Update Fields > ${spec.displayName} (item ${itemIndex}) must not be empty`,
				{ itemIndex },
			);
	}
	const body = customerBody(fields);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Update Fields (item ${itemIndex}) is empty: add at least one field to change`,
			{ itemIndex },
		);
	}
	return body;
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
