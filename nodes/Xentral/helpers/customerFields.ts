import type { FieldSpec } from '../../shared/fieldSpecs';
import { field, within } from '../../shared/fieldSpecs';
import { asDate, lowerCase, reference, SALUTATIONS } from './bodies';
import { FINANCE_AND_DELIVERY_FIELDS } from './customerFinanceFields';

/**
 * The fields of a Xentral v2 customer, each with its label, its check and its place in the body
 * (Xentral's catalogue, customer.create.v2). Adding a documented field is one entry here or in
 * customerFinanceFields.ts; customerBodies.ts reads and places them.
 */
export const CUSTOMER_TYPE = field(
	'customerType',
	'Customer Type',
	'choice',
	'A person needs a first and last name, a company a name',
	{
		choices: [
			{ name: 'Company', value: 'company' },
			{ name: 'Person', value: 'person' },
		],
	},
);
export const FIRST_NAME = field('firstName', 'First Name', 'string', "The person's first name", {
	body: 'firstname',
});
export const LAST_NAME = field('lastName', 'Last Name', 'string', "The person's last name", {
	body: 'lastname',
});
export const COMPANY_NAME = field('companyName', 'Company Name', 'string', "The company's name", {
	body: 'name',
});

/** Create and Create or Update: the project a new customer belongs to. */
export const PROJECT = field(
	'projectId',
	'Project ID',
	'intId',
	'The project the new customer belongs to',
	{ loadOptionsMethod: 'getProjects', ...reference('project') },
);

const text = (name: string, displayName: string, description: string, more = {}) =>
	field(name, displayName, 'string', description, more);
const bool = (name: string, displayName: string, description: string) =>
	field(name, displayName, 'boolean', description);
const inRange = (limit: number) => (v: unknown) =>
	Math.abs(Number(v)) > limit ? `must be between -${limit} and ${limit}` : undefined;

/**
 * The fields of Create's and Create or Update's Additional Fields, and of Update: every field of
 * the v2 customer body except the names and the project, which have their own parameters, and
 * the lists (custom fields, additional contact data).
 */
export const CUSTOMER_FIELDS: FieldSpec[] = [
	text('number', 'Customer Number', 'Taken from the number range when left out'),
	text('deviatingCustomerNumber', 'Deviating Customer Number', 'Another number for the customer'),
	...within('contactDetails', [
		field('email', 'Email', 'email', 'The e-mail address'),
		text('phone', 'Phone', 'The landline number'),
		text('mobile', 'Mobile', 'The mobile number'),
		text('fax', 'Fax', 'The fax number'),
		text('website', 'Website', 'The website'),
	]),
	field('salutation', 'Salutation', 'choice', 'How to address the customer', {
		choices: SALUTATIONS,
	}),
	text(
		'salutationPhrase',
		'Salutation Phrase',
		'The words to address the customer with, such as "Dear Sir", instead of the automatic rules',
	),
	text('title', 'Title', 'An academic title such as Dr.'),
	text('department', 'Department', 'The department'),
	text('subDepartment', 'Sub-Department', 'The sub-department'),
	field('birthdate', 'Birth Date', 'dateTime', 'The date of birth (the date is sent)', asDate),
	bool('isLead', 'Is Lead', 'Whether the customer is a lead'),
	field(
		'accountManagerId',
		'Account Manager ID',
		'intId',
		"The ID of the customer's account manager in Xentral",
		reference('accountManager'),
	),
	field(
		'salesManagerId',
		'Sales Manager ID',
		'intId',
		"The ID of the customer's sales manager in Xentral",
		reference('salesManager'),
	),
	// Read as a list of whole numbers by customerBodies.ts before it is placed.
	text(
		'groupIds',
		'Customer Group IDs',
		'The IDs of the customer groups, separated by commas, such as 1, 4 (Xentral has no API to list them). Replaces the groups the customer had.',
		{ body: 'groups' },
	),
	...FINANCE_AND_DELIVERY_FIELDS,
];

/** Update only: the type, the names, the language and the fields the PATCH body adds. */
export const UPDATE_ONLY_FIELDS: FieldSpec[] = [
	CUSTOMER_TYPE,
	FIRST_NAME,
	LAST_NAME,
	COMPANY_NAME,
	field('language', 'Language', 'language', 'ISO 639-1 code such as de', lowerCase),
	text('contactPerson', 'Contact Person', 'The name of the contact person on the customer record'),
	field('mainProjectId', 'Main Project ID', 'intId', 'The main project of the customer', {
		loadOptionsMethod: 'getProjects',
		...reference('mainProject'),
	}),
	field('commission', 'Commission (%)', 'percent', 'The commission for this customer in percent'),
	text('identifier', 'Identifier', 'A custom identifier such as CUST-001'),
	text('logfile', 'Log File', "Xentral's log of the customer's activities"),
	field('latitude', 'Latitude', 'number', 'Latitude, -90 to 90', {
		body: 'lat',
		check: inRange(90),
	}),
	field('longitude', 'Longitude', 'number', 'Longitude, -180 to 180', {
		body: 'lng',
		check: inRange(180),
	}),
	field(
		'fromShopId',
		'From Shop ID',
		'intId',
		'The shop the customer came from',
		reference('fromShop'),
	),
	...within('marketing', [
		bool('marketingBan', 'Marketing Ban', 'Whether no marketing may be sent'),
		bool(
			'showBirthdayInCalendar',
			'Show Birthday in Calendar',
			"Whether the birthday shows in Xentral's calendar",
		),
		bool('birthdayCard', 'Birthday Card', 'Whether the customer gets a birthday card'),
		bool('ageApproval', 'Age Approval', 'Whether the customer has passed the age check'),
	]),
];

/** Every customer field, for placing a checked collection in the body. */
export const ALL_CUSTOMER_FIELDS: FieldSpec[] = [
	...CUSTOMER_FIELDS,
	...UPDATE_ONLY_FIELDS,
	PROJECT,
];
