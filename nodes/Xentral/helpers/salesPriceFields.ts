import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import type { FieldSpec } from '../../shared/fieldSpecs';
import {
	boundedNumber,
	collectionProperty,
	field,
	readBody,
	readField,
	toNumber,
	toProperty,
} from '../../shared/fieldSpecs';
import {
	extraBodyFieldsProperty,
	mergeExtraBodyFields,
	readExtraBodyFields,
} from '../../shared/extraBodyFields';
import { readCollectionParameter } from '../../shared/parameters';
import { requireSomethingToSend, validateField } from '../../shared/validation';
import { asDate, NOTHING_TO_CHANGE } from './bodies';
import { checkId, customerLocator, readId } from './locators';

export const PRICE_FOR: FieldSpec = {
	name: 'priceFor',
	displayName: 'Price For',
	kind: 'choice',
	description: 'Whom the price applies to',
	choices: [
		{ name: 'Customer', value: 'customer' },
		{ name: 'Customer Group', value: 'customerGroup' },
	],
};

const PRODUCT = field('productId', 'Product ID', 'string', 'The ID of the product in Xentral');
const GROUP = field(
	'customerGroupId',
	'Customer Group ID',
	'string',
	'The ID of the customer group in Xentral (Xentral has no API to list them)',
);
const QUANTITY = field(
	'fromQuantity',
	'From Quantity',
	'number',
	'The quantity tier: the price applies from this quantity on',
);
const PRICE = field('price', 'Price', 'number', 'The net price per unit');
const CURRENCY = field('currency', 'Currency', 'string', 'ISO 4217 code such as EUR', {
	placeholder: 'EUR',
});

/** The optional fields of a sales price, each with its check and its place in the body. */
const OPTIONAL: FieldSpec[] = [
	field(
		'validFrom',
		'Valid From',
		'dateTime',
		'First day the price applies (the date is sent)',
		asDate,
	),
	field('validTo', 'Valid To', 'dateTime', 'Last day the price applies (the date is sent)', {
		body: 'expiresAt',
		...asDate,
	}),
	field(
		'customerProductNumber',
		'Customer Product Number',
		'string',
		"The customer's own number for the product",
	),
	field('remark', 'Remark', 'string', 'A remark'),
	field(
		'packageAmount',
		'Package Amount',
		'number',
		'How many units a package holds, for prices per package',
		{
			// Above zero, as the spec says.
			check: (v) => (Number(v) <= 0 ? 'must be greater than 0' : undefined),
		},
	),
	field(
		'isNotCalculatedFromExchangeTable',
		'Not Calculated From Exchange Table',
		'boolean',
		"Whether the price stays as given instead of following Xentral's exchange rates",
	),
	field(
		'hideInBulkPriceListing',
		'Hide in Bulk Price Listing',
		'boolean',
		'Whether the price is left out of bulk price listings',
	),
];

export function createProperties(): INodeProperties[] {
	return [
		toProperty(PRODUCT, { required: true, placeholder: 'e.g. 14' }),
		toProperty(PRICE_FOR, { required: true, default: 'customer' }),
		customerLocator({
			description: 'The customer the price is for',
			displayOptions: { show: { priceFor: ['customer'] } },
		}),
		toProperty(GROUP, {
			required: true,
			displayOptions: { show: { priceFor: ['customerGroup'] } },
		}),
		toProperty(QUANTITY, { default: 1, typeOptions: { minValue: 0 } }),
		toProperty(PRICE, { required: true, typeOptions: { minValue: 0, numberPrecision: 4 } }),
		toProperty(CURRENCY, { default: 'EUR', required: true }),
		collectionProperty('Additional Fields', 'additionalFields', OPTIONAL),
		extraBodyFieldsProperty('Xentral'),
	];
}

export function updateProperties(): INodeProperties[] {
	return [
		collectionProperty('Update Fields', 'updateFields', [
			PRODUCT,
			QUANTITY,
			PRICE,
			CURRENCY,
			...OPTIONAL,
		]),
		extraBodyFieldsProperty('Xentral'),
	];
}

const quantity = z.preprocess(toNumber, boundedNumber(0).gt(0, 'must be greater than 0'));
const price = z.preprocess(toNumber, boundedNumber(0));
const currency = z
	.string({ invalid_type_error: 'must be a currency code' })
	.trim()
	.transform((v) => v.toUpperCase())
	.refine((v) => /^[A-Z]{3}$/.test(v), 'must be a three-letter ISO 4217 code such as EUR');

/** A price as Xentral's decimal text: plain digits, never an exponent. */
export function decimalText(value: number): string {
	const fixed = value.toFixed(6);
	return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

export function readCreateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const productId = checkId(
		ctx,
		readField(ctx, PRODUCT, 'productId', itemIndex),
		'Product ID',
		itemIndex,
	);
	const priceFor = readField(ctx, PRICE_FOR, 'priceFor', itemIndex);
	const body: IDataObject = { product: { id: productId } };
	if (priceFor === 'customer')
		body.customer = { id: readId(ctx, 'customerId', 'Customer', itemIndex) };
	else
		body.customerGroup = {
			id: checkId(
				ctx,
				ctx.getNodeParameter('customerGroupId', itemIndex, ''),
				'Customer Group ID',
				itemIndex,
			),
		};
	body.amount = validateField(
		ctx,
		quantity,
		ctx.getNodeParameter('fromQuantity', itemIndex, 1),
		'From Quantity',
		itemIndex,
	);
	body.price = {
		amount: decimalText(
			validateField(ctx, price, ctx.getNodeParameter('price', itemIndex), 'Price', itemIndex),
		),
		currency: validateField(
			ctx,
			currency,
			ctx.getNodeParameter('currency', itemIndex, 'EUR'),
			'Currency',
			itemIndex,
		),
	};
	const extra = readBody(
		ctx,
		OPTIONAL,
		readCollectionParameter(ctx, 'additionalFields', 'Additional Fields', itemIndex),
		'Additional Fields > ',
		itemIndex,
	);
	return mergeExtraBodyFields(
		ctx,
		{ ...body, ...extra },
		readExtraBodyFields(ctx, itemIndex),
		itemIndex,
	);
}

/**
 * Update's body. Price and currency travel together in Xentral's `price` object: when only one is
 * given, `current()` supplies the other from the stored price.
 */
export async function readUpdateBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	current: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const raw = readCollectionParameter(ctx, 'updateFields', 'Update Fields', itemIndex);
	const { productId, fromQuantity, price: priceValue, currency: currencyValue, ...rest } = raw;
	const body = readBody(ctx, OPTIONAL, rest, 'Update Fields > ', itemIndex);
	const extra = readExtraBodyFields(ctx, itemIndex);
	if (productId !== undefined)
		body.product = { id: checkId(ctx, productId, 'Update Fields > Product ID', itemIndex) };
	if (fromQuantity !== undefined)
		body.amount = validateField(
			ctx,
			quantity,
			fromQuantity,
			'Update Fields > From Quantity',
			itemIndex,
		);
	const amount =
		priceValue === undefined
			? undefined
			: decimalText(validateField(ctx, price, priceValue, 'Update Fields > Price', itemIndex));
	const code =
		currencyValue === undefined
			? undefined
			: validateField(ctx, currency, currencyValue, 'Update Fields > Currency', itemIndex);
	requireSomethingToSend(ctx, [body, amount, code, extra], itemIndex, NOTHING_TO_CHANGE);
	if (amount !== undefined || code !== undefined) {
		const stored =
			amount === undefined || code === undefined
				? (((await current()).price as IDataObject | undefined) ?? {})
				: {};
		body.price = {
			amount: amount ?? String(stored.amount ?? '0'),
			currency: code ?? String(stored.currency ?? 'EUR'),
		};
	}
	return mergeExtraBodyFields(ctx, body, extra, itemIndex);
}
