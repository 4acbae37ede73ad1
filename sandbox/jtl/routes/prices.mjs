// v1 items (the list, for pickers) and their customer prices:
// /items, /items/:itemId/customerPrices[/:customerId/:fromQuantity].
import { ApiError, notFound, throwIfErrors } from '../../shared/errors.mjs';
import { parseInt32 } from '../../shared/values.mjs';
import { atLeastValue, atMostValue, object, t } from '../../shared/zod.mjs';
import { findById, page, renderPriceV1 } from '../model.mjs';
import { itemByParam } from '../store.mjs';
import { queryPaging, validBody } from '../validate.mjs';

// SPEC1 types both values as a number, not nullable: null is refused like any other non-number.
const PRICE_VALUES = {
	NetPrice: t.number().min(0, atLeastValue(0)).optional(),
	ReduceStandardPriceByPercent: t
		.number()
		.min(0, atLeastValue(0))
		.max(100, atMostValue(100))
		.optional(),
};
/** UpdateItemCustomerPrice */
const UPDATE_SCHEMA = object(PRICE_VALUES);
/** CreateItemCustomerPrice */
const CREATE_SCHEMA = object({
	CustomerId: t.int32(),
	FromQuantity: t.int32().min(0, atLeastValue(0)).nullish(),
	...PRICE_VALUES,
});

// "If you use NetPrice, you can't use ReduceStandardSpBy% too. Only one can be used." (SPEC1)
const EXACTLY_ONE = 'Set exactly one of NetPrice or ReduceStandardPriceByPercent.';

/** Which of the two values a validated body sets: 'net', 'percent', or an error for both/neither. */
function oneValue(body) {
	const net = Object.hasOwn(body, 'NetPrice');
	const percent = Object.hasOwn(body, 'ReduceStandardPriceByPercent');
	if (net === percent) {
		throwIfErrors({ NetPrice: EXACTLY_ONE, ReduceStandardPriceByPercent: EXACTLY_ONE });
	}
	return net ? 'net' : 'percent';
}

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
		return { status: 200, body: list.map((p) => renderPriceV1(p, state.readings)) };
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
			throwIfErrors(errors);
			const kind = oneValue(body);
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
				netPrice: kind === 'net' ? body.NetPrice : null,
				reducePercent: kind === 'percent' ? body.ReduceStandardPriceByPercent : null,
				createdAt: stamp,
				lastChanged: stamp,
			};
			state.prices.push(price);
			return { status: 201, body: renderPriceV1(price, state.readings) };
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
			const kind = oneValue(body);
			// Undocumented: whether setting one value clears the other. By default it does; under
			// the price-update-keeps reading the other value stays as it was.
			const keeps = state.readings.priceUpdateKeepsOther;
			const next =
				kind === 'net'
					? { netPrice: body.NetPrice, reducePercent: keeps ? price.reducePercent : null }
					: {
							netPrice: keeps ? price.netPrice : null,
							reducePercent: body.ReduceStandardPriceByPercent,
						};
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
