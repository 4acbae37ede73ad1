import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod/v3';

import { locatorValue, recordLocator } from '../../shared/parameters';
import { INT_ID_REGEX, int32Id, validateField } from '../../shared/validation';
import { customerLocator } from './customerLocator';
import { resolveV1CustomerId } from './customerId';
import { boundedNumber, schemaOf, toNumber } from '../../shared/fieldSpecs';

/**
 * The parameters of the customer price operations (item, customer, quantity tier, price) and
 * their readers.
 */

export const itemIdProperty: INodeProperties = recordLocator(
	{
		displayName: 'Item',
		name: 'itemId',
		searchListMethod: 'searchItems',
		record: 'item',
		idPlaceholder: '1234',
		idRegex: INT_ID_REGEX,
		idError: 'The item ID must be a positive whole number',
	},
	{ description: 'The item the price belongs to' },
);

export const priceCustomerProperty = customerLocator('v1', {
	description: 'The customer the price is for',
});

export const fromQuantityProperty: INodeProperties = {
	displayName: 'From Quantity',
	name: 'fromQuantity',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 0 },
	description:
		'The quantity from which the price applies; 0 is the base price. Each tier runs up to the next higher From Quantity.',
};

const PRICE_TYPE_LABEL = 'Price Type';
const NET_PRICE_LABEL = 'Net Price';
const PERCENT_LABEL = 'Percent Reduction';

export const priceValueProperties: INodeProperties[] = [
	{
		displayName: PRICE_TYPE_LABEL,
		name: 'priceType',
		type: 'options',
		options: [
			{
				name: 'Net Price',
				value: 'netPrice',
				description: 'A fixed net sales price for this customer',
			},
			{
				name: 'Percent Reduction of the Standard Price',
				value: 'percent',
				description: "The item's standard sales price, reduced by a percentage",
			},
		],
		default: 'netPrice',
		description:
			'How the price is given. JTL takes exactly one of the two. When Price Type comes from an expression, both value fields appear: fill one and leave the other empty.',
	},
	{
		displayName: NET_PRICE_LABEL,
		name: 'netPrice',
		type: 'number',
		// No default: a price of 0 is entered on purpose, never sent unseen.
		default: undefined,
		required: true,
		typeOptions: { minValue: 0 },
		displayOptions: { show: { priceType: ['netPrice'] } },
		description: 'The net sales price for this customer (0 or greater)',
		hint: 'Empty until you enter a price. A price of 0 makes the item free for this customer.',
	},
	{
		displayName: PERCENT_LABEL,
		name: 'reduceStandardPriceByPercent',
		type: 'number',
		default: undefined,
		required: true,
		typeOptions: { minValue: 0, maxValue: 100 },
		displayOptions: { show: { priceType: ['percent'] } },
		description: "By how many percent the item's standard sales price is reduced (0 to 100)",
	},
];

const fromQuantity = schemaOf('int');
const percent = schemaOf('percent');
const netPrice = z.preprocess(toNumber, boundedNumber(0));

/** The key of one customer price: item, customer and from-quantity, validated. */
export interface PriceKey {
	itemId: number;
	customerId: number;
	fromQuantity: number;
}

/** Reads and validates the Item ID parameter. */
export function readItemId(ctx: IExecuteFunctions, itemIndex: number): number {
	return validateField(ctx, int32Id, locatorValue(ctx, 'itemId', itemIndex), 'Item', itemIndex);
}

export async function readPriceKey(ctx: IExecuteFunctions, itemIndex: number): Promise<PriceKey> {
	const itemId = readItemId(ctx, itemIndex);
	const customerId = await resolveV1CustomerId(ctx, itemIndex);
	const quantity = validateField(
		ctx,
		fromQuantity,
		ctx.getNodeParameter('fromQuantity', itemIndex, 0),
		'From Quantity',
		itemIndex,
	);
	return { itemId, customerId, fromQuantity: quantity };
}

const present = (value: unknown) =>
	value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');

/**
 * Reads the price value as `{NetPrice}` or `{ReduceStandardPriceByPercent}`. The editor shows only
 * the field of the chosen Price Type, but with expressions both or neither can arrive; JTL takes
 * exactly one, so anything else fails here, before a request is sent.
 */
export function readPriceValue(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = ctx.getNodeParameter('priceType', itemIndex, 'netPrice');
	if (type !== 'netPrice' && type !== 'percent') {
		throw new NodeOperationError(
			ctx.getNode(),
			`${PRICE_TYPE_LABEL} (item ${itemIndex}) must be netPrice (Net Price) or percent (Percent Reduction of the Standard Price)`,
			{ itemIndex, description: `The value given was ${JSON.stringify(type) ?? 'empty'}.` },
		);
	}
	// A field hidden by Price Type is absent; the fallback keeps getNodeParameter from throwing.
	const net = ctx.getNodeParameter('netPrice', itemIndex, null);
	const reduce = ctx.getNodeParameter('reduceStandardPriceByPercent', itemIndex, null);
	const hint = `A customer price is either a net price or a percent reduction of the standard price: give exactly one of ${NET_PRICE_LABEL} or ${PERCENT_LABEL}.`;
	if (present(net) && present(reduce)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${NET_PRICE_LABEL} and ${PERCENT_LABEL} (item ${itemIndex}) are both set; give exactly one of them`,
			{ itemIndex, description: hint },
		);
	}
	if (!present(net) && !present(reduce)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${NET_PRICE_LABEL} or ${PERCENT_LABEL} (item ${itemIndex}) is required; give exactly one of them`,
			{ itemIndex, description: hint },
		);
	}
	const given = present(net) ? 'netPrice' : 'percent';
	if (given !== type) {
		const label = given === 'netPrice' ? NET_PRICE_LABEL : PERCENT_LABEL;
		throw new NodeOperationError(
			ctx.getNode(),
			`${PRICE_TYPE_LABEL} (item ${itemIndex}) is ${type}, but only ${label} has a value`,
			{ itemIndex, description: hint },
		);
	}
	return given === 'netPrice'
		? { NetPrice: validateField(ctx, netPrice, net, NET_PRICE_LABEL, itemIndex) }
		: {
				ReduceStandardPriceByPercent: validateField(ctx, percent, reduce, PERCENT_LABEL, itemIndex),
			};
}
