// v1 items (the list, for pickers) and their customer prices:
// /items, /items/:itemId/customerPrices[/:customerId/:fromQuantity].
import { ApiError, notFound, throwIfErrors } from '../../shared/errors.mjs';
import { parseInt32 } from '../../shared/values.mjs';
import { atLeastValue, atMostValue, object, t } from '../../shared/zod.mjs';
import { findById, page, renderPriceV1 } from '../model.mjs';
import { itemByParam } from '../store.mjs';
import { queryPaging, validBody } from '../validate.mjs';

const PRICE_VALUES = {
	NetPrice: t.number().min(0, atLeastValue(0)).nullish(),
	ReduceStandardPriceByPercent: t
		.number()
		.min(0, atLeastValue(0))
		.max(100, atMostValue(100))
		.nullish(),
};
/** UpdateItemCustomerPrice */
const UPDATE_SCHEMA = object(PRICE_VALUES);
/** CreateItemCustomerPrice */
const CREATE_SCHEMA = object({
	CustomerId: t.int32(),
	FromQuantity: t.int32().min(0, atLeastValue(0)).nullish(),
	...PRICE_VALUES,
});

const EXACTLY_ONE = 'Set exactly one of NetPrice or ReduceStandardPriceByPercent.';

function priceOf(state, item, params) {
	const customerId = parseInt32(params.customerId);
	const fromQuantity = parseInt32(params.fromQuantity);
	const price = state.prices.find(
		(p) => p.itemId === item.id && p.customerId === customerId && p.fromQuantity === fromQuantity,
	);
	if (!price)
		throw notFound(
			`Customer price (item ${item.id}, customer ${customerId}, from ${fromQuantity})`,
		);
	return price;
}

/** The part of the v1 `Item` the sandbox holds (SPEC1 `Item`: Id, SKU, Name, ...). */
function renderItemV1(item) {
	return { Id: item.id, SKU: item.sku, Name: item.name, IsActive: true };
}

export function register(router) {
	// SPEC1 GET /items: searchKeyWord (here over SKU and name), paged as PagedListOfItem.
	router.add('GET', '/items', ({ state, query, options }) => {
		const errors = {};
		const { pageNumber, pageSize } = queryPaging(query, errors, options.maxPageSize);
		throwIfErrors(errors);
		const keyword = (query.get('searchKeyWord') ?? '').trim().toLowerCase();
		const list = state.items
			.filter((i) => !keyword || `${i.sku} ${i.name}`.toLowerCase().includes(keyword))
			.sort((a, b) => a.id - b.id);
		return { status: 200, body: page(list, pageNumber, pageSize, 'v1', renderItemV1) };
	});

	router.add('GET', '/items/:itemId/customerPrices', ({ state, params }) => {
		const item = itemByParam(state, params.itemId);
		const list = state.prices
			.filter((p) => p.itemId === item.id)
			.sort((a, b) => a.customerId - b.customerId || a.fromQuantity - b.fromQuantity);
		return { status: 200, body: list.map(renderPriceV1) };
	});

	router.add(
		'POST',
		'/items/:itemId/customerPrices',
		({ state, params, body: input, nowIso }) => {
			const item = itemByParam(state, params.itemId);
			const body = validBody(CREATE_SCHEMA, input);
			const errors = {};
			if (!findById(state.customers, body.CustomerId))
				errors.CustomerId = `No customer with id ${body.CustomerId}.`;
			const hasNet = body.NetPrice !== undefined && body.NetPrice !== null;
			const hasPercent =
				body.ReduceStandardPriceByPercent !== undefined &&
				body.ReduceStandardPriceByPercent !== null;
			if (hasNet === hasPercent)
				errors.NetPrice = errors.ReduceStandardPriceByPercent = EXACTLY_ONE;
			throwIfErrors(errors);
			const fromQuantity = body.FromQuantity ?? 0;
			const duplicate = state.prices.some(
				(p) =>
					p.itemId === item.id &&
					p.customerId === body.CustomerId &&
					p.fromQuantity === fromQuantity,
			);
			if (duplicate) {
				throw new ApiError(
					409,
					'Conflict',
					`A customer price for customer ${body.CustomerId} from quantity ${fromQuantity} already exists.`,
				);
			}
			const stamp = nowIso();
			const price = {
				itemId: item.id,
				customerId: body.CustomerId,
				fromQuantity,
				netPrice: hasNet ? body.NetPrice : null,
				reducePercent: hasPercent ? body.ReduceStandardPriceByPercent : null,
				createdAt: stamp,
				lastChanged: stamp,
			};
			state.prices.push(price);
			return { status: 201, body: renderPriceV1(price) };
		},
		{ body: true },
	);

	router.add(
		'PATCH',
		'/items/:itemId/customerPrices/:customerId/:fromQuantity',
		({ state, params, body: input, nowIso }) => {
			const item = itemByParam(state, params.itemId);
			const price = priceOf(state, item, params);
			const body = validBody(UPDATE_SCHEMA, input);
			const errors = {};
			// Setting one value switches the price mode and clears the other (sandbox assumption).
			const net = Object.hasOwn(body, 'NetPrice') ? body.NetPrice : undefined;
			const percent = Object.hasOwn(body, 'ReduceStandardPriceByPercent')
				? body.ReduceStandardPriceByPercent
				: undefined;
			let next = { netPrice: price.netPrice, reducePercent: price.reducePercent };
			if (net !== undefined && net !== null && percent !== undefined && percent !== null) {
				errors.NetPrice = errors.ReduceStandardPriceByPercent = EXACTLY_ONE;
			} else if (net !== undefined && net !== null) {
				next = { netPrice: net, reducePercent: null };
			} else if (percent !== undefined && percent !== null) {
				next = { netPrice: null, reducePercent: percent };
			} else {
				if (net === null) next.netPrice = null;
				if (percent === null) next.reducePercent = null;
				if (next.netPrice === null && next.reducePercent === null) {
					errors.NetPrice = errors.ReduceStandardPriceByPercent = EXACTLY_ONE;
				}
			}
			throwIfErrors(errors);
			Object.assign(price, next, { lastChanged: nowIso() });
			return { status: 204 };
		},
		{ body: true },
	);

	router.add(
		'DELETE',
		'/items/:itemId/customerPrices/:customerId/:fromQuantity',
		({ state, params }) => {
			const item = itemByParam(state, params.itemId);
			const price = priceOf(state, item, params);
			state.prices.splice(state.prices.indexOf(price), 1);
			return { status: 204 };
		},
	);
}
