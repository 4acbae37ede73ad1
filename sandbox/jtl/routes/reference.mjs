// GET /info and the reference lists (customer groups, categories, payment methods, companies).
import { page, REFERENCE_RENDERERS } from '../model.mjs';
import { throwIfErrors } from '../../shared/errors.mjs';
import { queryPaging } from '../validate.mjs';

/** v2 lists the 2.0 spec documents as a bare JSON array of all entries (no paging). */
const V2_BARE_ARRAYS = new Set(['customerGroups', 'customerCategories']);

const LISTS = {
	customerGroups: 'groups',
	customerCategories: 'categories',
	paymentMethods: 'paymentMethods',
	companies: 'companies',
};

export function register(router) {
	router.add('GET', '/info', ({ options, nowIso }) => ({
		status: 200,
		body: { Version: '1.10.12', Timestamp: nowIso(), Tenant: options.tenantId, Type: 'Cloud' },
	}));

	for (const [path, collection] of Object.entries(LISTS)) {
		const render = REFERENCE_RENDERERS[collection];
		// v1: bare arrays in PascalCase.
		router.add('GET', `/${path}`, ({ state }) => ({
			status: 200,
			body: state[collection].map(render.v1),
		}));
		if (V2_BARE_ARRAYS.has(path)) {
			// v2 groups and categories: a bare array with uuid ids, as the 2.0 spec documents.
			router.add('GET', `/v2/${path}`, ({ state }) => ({
				status: 200,
				body: state[collection].map(render.v2),
			}));
			continue;
		}
		// v2 payment methods and companies: camelCase paged envelope (sandbox assumption).
		router.add('GET', `/v2/${path}`, ({ state, query, options }) => {
			const errors = {};
			const { pageNumber, pageSize } = queryPaging(query, errors, options.maxPageSize);
			throwIfErrors(errors);
			return { status: 200, body: page(state[collection], pageNumber, pageSize, 'v2', render.v2) };
		});
	}
}
