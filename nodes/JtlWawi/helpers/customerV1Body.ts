import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { labelOf, readField, schemaFor, toProperties, toProperty } from '../../shared/fieldSpecs';
import { requireValue, validateField } from '../../shared/validation';
import { ADDRESS_FIELDS } from './addressFields';
import { CUSTOMER_FIELDS } from './customerFields';
import { readFields, specOf, specsFor } from './apiFields';
import { PAYMENT_FIELDS } from './paymentFields';
import { assertReferenceExists } from './references';
import {
	jtlExtraBodyFieldsProperty,
	readJtlExtraBodyFields,
	withExtraBodyFields,
} from './extraFields';
import { optionsCollection, readCollectionParameter } from '../../shared/parameters';
import { skipUnchangedOption } from '../../shared/unchanged';

/** Required top-level parameters of a v1 create; the other customer fields are Additional Fields. */
const CUSTOMER_GROUP = specOf(CUSTOMER_FIELDS, 'v1', 'CustomerGroupId');
const INTERNAL_COMPANY = specOf(CUSTOMER_FIELDS, 'v1', 'InternalCompanyId');
const LANGUAGE = specOf(CUSTOMER_FIELDS, 'v1', 'LanguageIso');
const TOP_LEVEL = [CUSTOMER_GROUP, INTERNAL_COMPANY, LANGUAGE].map((spec) => spec.name);

/** Additional Fields, including the customer number (Create or Update takes it top-level). */
const ADDITIONAL_FIELDS = CUSTOMER_FIELDS.filter(
	(field) => field.v1 !== undefined && !TOP_LEVEL.includes(field.param?.v1 ?? field.v1),
);
const ADDRESS_V1_FIELDS = specsFor(ADDRESS_FIELDS, 'v1');

/**
 * What Create needs of the billing address, as required top-level fields (the panel marks them),
 * not inside the optional collection: the parameter name and the v1 field it fills.
 */
const REQUIRED_BILLING: Array<{ parameter: string; field: string; displayName: string }> = [
	{ parameter: 'billingCity', field: 'City', displayName: 'Billing City' },
	{ parameter: 'billingCountryIso', field: 'CountryIso', displayName: 'Billing Country Code' },
];
const REQUIRED_BILLING_FIELDS = REQUIRED_BILLING.map((r) => r.field);

/**
 * The editor fields of a v1 customer create and of Create or Update. Create has Billing City and
 * Billing Country Code as required top-level fields; Create or Update keeps them in the Billing
 * Address collection, because an update needs neither.
 */
export function customerV1Properties(operation: 'create' | 'upsert'): INodeProperties[] {
	const create = operation === 'create';
	const additional = specsFor(ADDITIONAL_FIELDS, 'v1').filter(
		(spec) => create || spec.name !== 'Number',
	);
	const billingTopLevel = create
		? REQUIRED_BILLING.map(({ parameter, field, displayName }) =>
				toProperty(specOf(ADDRESS_FIELDS, 'v1', field), {
					name: parameter,
					displayName,
					required: true,
				}),
			)
		: [];
	return [
		toProperty(CUSTOMER_GROUP, { required: true }),
		toProperty(INTERNAL_COMPANY, { required: true }),
		toProperty(LANGUAGE, { required: true, default: 'DE' }),
		...billingTopLevel,
		{
			displayName: 'Billing Address',
			name: 'billingAddress',
			type: 'collection',
			placeholder: 'Add Address Field',
			default: {},
			description: create
				? 'The rest of the main address of the customer'
				: 'The main address of the customer. City and Country Code are required when the customer is created.',
			options: toProperties(
				create
					? ADDRESS_V1_FIELDS.filter((spec) => !REQUIRED_BILLING_FIELDS.includes(spec.name))
					: ADDRESS_V1_FIELDS,
			),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: toProperties(additional),
		},
		{
			displayName: 'Shipping Address',
			name: 'shippingAddress',
			type: 'collection',
			placeholder: 'Add Address Field',
			default: {},
			description: 'Leave empty to ship to the billing address',
			options: toProperties(ADDRESS_V1_FIELDS),
		},
		{
			displayName: 'Payment Settings',
			name: 'paymentSettings',
			type: 'collection',
			placeholder: 'Add Setting',
			default: {},
			options: toProperties(specsFor(PAYMENT_FIELDS, 'v1')),
		},
		jtlExtraBodyFieldsProperty(
			'v1',
			'PascalCase names of JTL\'s CreateCustomer / UpdateCustomer, e.g. {"EbayUsername": "shop_42"}',
		),
		optionsCollection([
			{
				displayName: 'Disable Automatic Workflows',
				name: 'disableAutomaticWorkflows',
				type: 'boolean',
				default: false,
				description: 'Whether JTL-Wawi workflows that would react to this change are not triggered',
			},
			...(create ? [] : [skipUnchangedOption()]),
		]),
	];
}

function requireAddressFields(
	ctx: IExecuteFunctions,
	address: IDataObject,
	label: string,
	itemIndex: number,
) {
	for (const field of ['City', 'CountryIso'])
		requireValue(
			ctx,
			address[field],
			`${label} > ${specOf(ADDRESS_FIELDS, 'v1', field).displayName}`,
			itemIndex,
			{ description: 'JTL-Wawi needs a city and a country code for every address.' },
		);
}

/**
 * Reads and validates a v1 customer body (PascalCase) from the item's parameters, including that
 * the referenced group, company, category and payment method exist. Nothing is written before.
 */
export async function buildCustomerV1Body(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: 'create' | 'upsert',
	extra: IDataObject = {},
): Promise<{ body: IDataObject; qs: IDataObject }> {
	const group = readField(ctx, CUSTOMER_GROUP, CUSTOMER_GROUP.name, itemIndex) as number;
	const company = readField(ctx, INTERNAL_COMPANY, INTERNAL_COMPANY.name, itemIndex) as number;
	const language = readField(ctx, LANGUAGE, LANGUAGE.name, itemIndex) as string;
	const billing = readFields(
		ctx,
		ADDRESS_FIELDS,
		'v1',
		'billingAddress',
		'Billing Address > ',
		itemIndex,
	);
	if (operation === 'create') {
		for (const { parameter, field, displayName } of REQUIRED_BILLING) {
			const spec = specOf(ADDRESS_FIELDS, 'v1', field);
			const value = ctx.getNodeParameter(parameter, itemIndex, '');
			if (value !== undefined && value !== null && String(value).trim() !== '')
				billing[field] = validateField(ctx, schemaFor(spec), value, displayName, itemIndex);
			// A workflow from before these fields may still carry them in the collection.
			if (billing[field] === undefined) {
				throw new NodeOperationError(
					ctx.getNode(),
					`${displayName} (item ${itemIndex}) is required`,
					{
						itemIndex,
						description: 'JTL-Wawi needs a city and a country code for the billing address.',
					},
				);
			}
		}
	}
	requireAddressFields(ctx, billing, 'Billing Address', itemIndex);
	const additional = readFields(
		ctx,
		ADDITIONAL_FIELDS,
		'v1',
		'additionalFields',
		'Additional Fields > ',
		itemIndex,
	);
	const shipping = readFields(
		ctx,
		ADDRESS_FIELDS,
		'v1',
		'shippingAddress',
		'Shipping Address > ',
		itemIndex,
	);
	if (Object.keys(shipping).length > 0)
		requireAddressFields(ctx, shipping, 'Shipping Address', itemIndex);
	const payment = readFields(
		ctx,
		PAYMENT_FIELDS,
		'v1',
		'paymentSettings',
		'Payment Settings > ',
		itemIndex,
	);
	const options = readCollectionParameter(ctx, 'options', 'Options', itemIndex);
	const extraFields = readJtlExtraBodyFields(ctx, itemIndex);

	let body: IDataObject = {
		...additional,
		...extra,
		CustomerGroupId: group,
		InternalCompanyId: company,
		LanguageIso: language.toUpperCase(),
		BillingAddress: billing,
	};
	if (Object.keys(shipping).length > 0) body.Shipmentaddress = shipping;
	if (Object.keys(payment).length > 0) body.PaymentSettings = payment;
	// Create or Update matches on the number it is given: the extra fields may not change it.
	body = withExtraBodyFields(
		ctx,
		body,
		itemIndex,
		{ reserved: operation === 'upsert' ? ['Number'] : [] },
		extraFields,
	);

	await assertReferenceExists(ctx, '/customerGroups', group, labelOf(CUSTOMER_GROUP), itemIndex);
	await assertReferenceExists(ctx, '/companies', company, labelOf(INTERNAL_COMPANY), itemIndex);
	const categorySpec = specOf(CUSTOMER_FIELDS, 'v1', 'CustomerCategoryId');
	await assertReferenceExists(
		ctx,
		'/customerCategories',
		additional.CustomerCategoryId as number | undefined,
		`Additional Fields > ${labelOf(categorySpec)}`,
		itemIndex,
	);
	const methodSpec = specOf(PAYMENT_FIELDS, 'v1', 'PaymentMethodId');
	await assertReferenceExists(
		ctx,
		'/paymentMethods',
		payment.PaymentMethodId as number | undefined,
		`Payment Settings > ${labelOf(methodSpec)}`,
		itemIndex,
	);

	const qs: IDataObject = {};
	if (options.disableAutomaticWorkflows === true) qs.disableAutomaticWorkflows = true;
	return { body, qs };
}
