import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	ADDRESS_V1_FIELDS,
	CUSTOMER_GROUP,
	CUSTOMER_V1_FIELDS,
	INTERNAL_COMPANY,
	LANGUAGE,
	PAYMENT_V1_FIELDS,
} from './customerFieldsV1';
import {
	labelOf,
	readCollection,
	readField,
	toProperties,
	toProperty,
} from '../../shared/fieldSpecs';
import { assertReferenceExists } from './references';

const NUMBER_SPEC = {
	name: 'Number',
	displayName: 'Customer Number',
	kind: 'string' as const,
	description: 'The customer number; JTL-Wawi assigns the next free one when it is left out',
};

/** The editor fields of a v1 customer create (and of Create or Update). */
export function customerV1Properties(withNumberField: boolean): INodeProperties[] {
	const additional = withNumberField ? [...CUSTOMER_V1_FIELDS, NUMBER_SPEC] : CUSTOMER_V1_FIELDS;
	return [
		toProperty(CUSTOMER_GROUP, { name: 'customerGroupId', required: true }),
		toProperty(INTERNAL_COMPANY, { name: 'companyId', required: true }),
		toProperty(LANGUAGE, { name: 'languageIso', required: true, default: 'DE' }),
		{
			displayName: 'Billing Address',
			name: 'billingAddress',
			type: 'collection',
			placeholder: 'Add Address Field',
			default: {},
			required: true,
			description: 'The main address of the customer. City and Country Code are required.',
			options: toProperties(ADDRESS_V1_FIELDS),
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
			options: toProperties(PAYMENT_V1_FIELDS),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Disable Automatic Workflows',
					name: 'disableAutomaticWorkflows',
					type: 'boolean',
					default: false,
					description:
						'Whether JTL-Wawi workflows that would react to this change are not triggered',
				},
			],
		},
	];
}

function requireAddressFields(
	ctx: IExecuteFunctions,
	address: IDataObject,
	label: string,
	itemIndex: number,
) {
	for (const field of ['City', 'CountryIso']) {
		if (address[field] === undefined || String(address[field]).trim() === '') {
			const spec = ADDRESS_V1_FIELDS.find((s) => s.name === field)!;
			throw new NodeOperationError(
				ctx.getNode(),
				`${label} > ${spec.displayName} (item ${itemIndex}) is required`,
				{ itemIndex, description: 'JTL-Wawi needs a city and a country code for every address.' },
			);
		}
	}
}

/**
 * Reads and validates a v1 customer body (PascalCase) from the item's parameters, including that
 * the referenced group, company, category and payment method exist. Nothing is written before.
 */
export async function buildCustomerV1Body(
	ctx: IExecuteFunctions,
	itemIndex: number,
	extra: IDataObject = {},
): Promise<{ body: IDataObject; qs: IDataObject }> {
	const group = readField(ctx, CUSTOMER_GROUP, 'customerGroupId', itemIndex) as number;
	const company = readField(ctx, INTERNAL_COMPANY, 'companyId', itemIndex) as number;
	const language = readField(ctx, LANGUAGE, 'languageIso', itemIndex) as string;
	const billing = readCollection(
		ctx,
		ADDRESS_V1_FIELDS,
		'billingAddress',
		'Billing Address > ',
		itemIndex,
	);
	requireAddressFields(ctx, billing, 'Billing Address', itemIndex);
	const additional = readCollection(
		ctx,
		[...CUSTOMER_V1_FIELDS, NUMBER_SPEC],
		'additionalFields',
		'Additional Fields > ',
		itemIndex,
	);
	const shipping = readCollection(
		ctx,
		ADDRESS_V1_FIELDS,
		'shippingAddress',
		'Shipping Address > ',
		itemIndex,
	);
	if (Object.keys(shipping).length > 0)
		requireAddressFields(ctx, shipping, 'Shipping Address', itemIndex);
	const payment = readCollection(
		ctx,
		PAYMENT_V1_FIELDS,
		'paymentSettings',
		'Payment Settings > ',
		itemIndex,
	);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;

	await assertReferenceExists(ctx, '/customerGroups', group, labelOf(CUSTOMER_GROUP), itemIndex);
	await assertReferenceExists(ctx, '/companies', company, labelOf(INTERNAL_COMPANY), itemIndex);
	const categorySpec = CUSTOMER_V1_FIELDS.find((s) => s.name === 'CustomerCategoryId')!;
	await assertReferenceExists(
		ctx,
		'/customerCategories',
		additional.CustomerCategoryId as number | undefined,
		`Additional Fields > ${labelOf(categorySpec)}`,
		itemIndex,
	);
	const methodSpec = PAYMENT_V1_FIELDS.find((s) => s.name === 'PaymentMethodId')!;
	await assertReferenceExists(
		ctx,
		'/paymentMethods',
		payment.PaymentMethodId as number | undefined,
		`Payment Settings > ${labelOf(methodSpec)}`,
		itemIndex,
	);

	const body: IDataObject = {
		...additional,
		...extra,
		CustomerGroupId: group,
		InternalCompanyId: company,
		LanguageIso: language.toUpperCase(),
		BillingAddress: billing,
	};
	if (Object.keys(shipping).length > 0) body.Shipmentaddress = shipping;
	if (Object.keys(payment).length > 0) body.PaymentSettings = payment;
	const qs: IDataObject = {};
	if (options.disableAutomaticWorkflows === true) qs.disableAutomaticWorkflows = true;
	return { body, qs };
}
