// v1 sales prices: customer prices (`customer`) and customer-group prices (`customerGroup`).
// Every change is announced to the registered webhooks (salesPrice created/updated/deleted).
import { ApiError } from '../../shared/errors.mjs';
import { created, findById, merge, noContent, validBody } from '../helpers.mjs';
import { conflict } from '../problems.mjs';
import { listAnswer, parseListQuery, V1_LIST_OPERATORS } from '../query.mjs';
import { salesPriceCreate, salesPriceUpdate } from '../schemas.mjs';

export const PRICE_FILTER_KEYS = [
	'id',
	'productId',
	'customerId',
	'groupId',
	'currency',
	'amount',
	'isValidAt',
	'targetCountry',
	'validFrom',
	'expiresAt',
];
export const PRICE_FILTER_OPS = [...V1_LIST_OPERATORS, 'greaterThanOrEquals', 'lessThanOrEquals'];
const LIST_SPEC = {
	filterKeys: PRICE_FILTER_KEYS,
	ops: PRICE_FILTER_OPS,
	orderFields: ['id', 'price', 'amount'],
};

function priceValue(price, key) {
	switch (key) {
		case 'productId':
			return price.product.id;
		case 'customerId':
			return price.customer?.id;
		case 'groupId':
			return price.customerGroup?.id;
		case 'currency':
			return price.price.currency;
		case 'price':
			return price.price.amount;
		case 'isValidAt':
			return undefined;
		default:
			return price[key];
	}
}

/** isValidAt is a date the price must be valid on; handled beside the generic filters. */
function validAt(price, date) {
	return (
		(!price.validFrom || price.validFrom <= date) && (!price.expiresAt || price.expiresAt >= date)
	);
}

/** The natural key: product, customer or group, quantity tier and start date. */
const keyOf = (p) =>
	[
		p.product.id,
		p.customer?.id ?? '-',
		p.customerGroup?.id ?? '-',
		Number(p.amount),
		p.validFrom ?? '-',
	].join('|');

function checkTarget(state, data) {
	if (data.customer && data.customerGroup)
		throw new ApiError(400, 'request-validation', 'Request payload validation failed.', {
			customerGroup: ['A price is for a customer or a customer group, not both.'],
		});
	if (data.customer) findById(state.customers, data.customer.id);
}

export function register(router, { announce }) {
	router.add('GET', '/v1/salesPrices', ({ state, query, options }) => {
		const parsed = parseListQuery(query, LIST_SPEC);
		const isValid = parsed.filters.filter((f) => f.key === 'isValidAt');
		parsed.filters = parsed.filters.filter((f) => f.key !== 'isValidAt');
		const rows = state.salesPrices.filter((p) => isValid.every((f) => validAt(p, String(f.value))));
		const answer = listAnswer(rows, parsed, priceValue, options.readings);
		return { status: 200, body: { ...answer, data: structuredClone(answer.data) } };
	});

	router.add(
		'POST',
		'/v1/salesPrices',
		({ state, body, headers }) => {
			const data = validBody(salesPriceCreate, body);
			checkTarget(state, data);
			const price = {
				id: String(++state.nextIds.salesPrice),
				product: data.product,
				validFrom: data.validFrom ?? null,
				expiresAt: data.expiresAt ?? null,
				amount: Number(data.amount ?? 1),
				packageAmount: data.packageAmount ?? null,
				customer: data.customer ?? null,
				customerGroup: data.customerGroup ?? null,
				price: data.price ?? { amount: '0.00', currency: 'EUR' },
			};
			if (state.salesPrices.some((p) => keyOf(p) === keyOf(price)))
				throw conflict(
					'A sales price for this product, customer or group, quantity and date exists.',
				);
			state.salesPrices.push(price);
			announce(state, 'salesPrice.created', price);
			return created(headers, `/api/v1/salesPrices/${price.id}`);
		},
		{ body: true },
	);

	router.add('GET', '/v1/salesPrices/:id', ({ state, params }) => ({
		status: 200,
		body: { data: structuredClone(findById(state.salesPrices, params.id)) },
	}));

	router.add(
		'PATCH',
		'/v1/salesPrices/:id',
		({ state, params, body }) => {
			const price = findById(state.salesPrices, params.id);
			const data = validBody(salesPriceUpdate, body);
			const next = merge(structuredClone(price), data);
			if (data.amount !== undefined) next.amount = Number(data.amount);
			checkTarget(state, next);
			if (state.salesPrices.some((p) => p !== price && keyOf(p) === keyOf(next)))
				throw conflict(
					'Another sales price has this product, customer or group, quantity and date.',
				);
			Object.assign(price, next);
			announce(state, 'salesPrice.updated', price);
			return noContent();
		},
		{ body: true },
	);

	router.add('DELETE', '/v1/salesPrices/:id', ({ state, params }) => {
		const price = findById(state.salesPrices, params.id);
		state.salesPrices.splice(state.salesPrices.indexOf(price), 1);
		announce(state, 'salesPrice.deleted', price);
		return noContent();
	});
}
