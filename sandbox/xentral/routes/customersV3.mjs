// The beta v3 customer list (feature flag `api-v3-customers`): indexed filters with the v3 keys and
// operators (dot paths, `createdAt`/`updatedAt`), `sort=a,-b`, `page` + `perPage` (max 100) and
// the `x-pagination` envelopes `simple` and `table`. Only the list is served: the package's trigger
// reads nothing else of v3.
import { ApiError } from '../../shared/errors.mjs';
import { notFound } from '../problems.mjs';
import { listAnswer, parseListQuery } from '../query.mjs';

const FILTER_KEYS = [
	'id',
	'name',
	'number',
	'email',
	'street',
	'zipCode',
	'city',
	'state',
	'country',
	'salesManager.id',
	'accountManager.id',
	'groups',
	'tags',
	'tags.id',
	'createdAt',
	'updatedAt',
];
const OPS = [
	'equals',
	'notEquals',
	'in',
	'notIn',
	'contains',
	'notContains',
	'startsWith',
	'endsWith',
	'lessThan',
	'lessThanOrEquals',
	'greaterThan',
	'greaterThanOrEquals',
	'isNull',
	'isNotNull',
];
const SORT_FIELDS = [
	'id',
	'name',
	'number',
	'city',
	'zipCode',
	'country',
	'street',
	'state',
	'createdAt',
	'updatedAt',
];
const MAX_PER_PAGE = 100;

/** A stored customer as the v3 API shows it. */
export function v3Customer(state, customer) {
	const master = state.addresses[customer.id]?.masterdata ?? {};
	return {
		id: customer.id,
		number: customer.number,
		createdAt: customer.createdAt,
		updatedAt: customer.updatedAt,
		primaryAddress: {
			name: customer.name,
			type: customer.salutation ?? null,
			street: master.street ?? null,
			zipCode: master.zip ?? null,
			city: master.city ?? null,
			state: master.state ?? null,
			country: master.country ?? null,
			email: customer.contactDetails?.email ?? null,
			phone: customer.contactDetails?.phone ?? null,
		},
		communication: { language: customer.language ? customer.language.toUpperCase() : null },
		groups: (customer.groups ?? []).map((id) => ({ id: String(id), name: `Group ${id}` })),
	};
}

function valueOf(record, key) {
	if (key in record) return record[key];
	const address = record.primaryAddress ?? {};
	if (key === 'email') return address.email;
	if (key === 'groups') return record.groups.map((g) => g.id);
	return address[key];
}

const invalid = (violations) =>
	new ApiError(400, 'request-validation', 'Request payload validation failed.', violations);

export function register(router) {
	router.add('GET', '/v3/customers', ({ state, query, headers, options }) => {
		if (!options.v3Customers) throw notFound();
		const filters = new URLSearchParams([...query].filter(([name]) => name.startsWith('filter')));
		const parsed = parseListQuery(filters, { filterKeys: FILTER_KEYS, ops: OPS, orderFields: [] });
		const violations = {};
		const sort = (query.get('sort') ?? '-createdAt').split(',').filter(Boolean);
		for (const s of sort)
			if (!SORT_FIELDS.includes(s.replace(/^-/, '')))
				violations.sort = [`Unknown sort field ${s}.`];
		const perPage = Number(query.get('perPage') ?? 15);
		const page = Number(query.get('page') ?? 1);
		if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
			violations.perPage = [`This value should be between 1 and ${MAX_PER_PAGE}.`];
		if (!Number.isInteger(page) || page < 1) violations.page = ['This value should be 1 or more.'];
		const mode = headers['x-pagination'] ?? 'simple';
		if (!['simple', 'table'].includes(mode))
			violations['x-pagination'] = ['The sandbox serves the simple and table envelopes.'];
		for (const [name] of query)
			if (!/^(filter\[|sort$|perPage$|page$|include$)/.test(name))
				violations[name] = ['This field was not expected.'];
		if (Object.keys(violations).length) throw invalid(violations);

		parsed.sort = sort.map((s) => ({
			field: s.replace(/^-/, ''),
			dir: s.startsWith('-') ? 'desc' : 'asc',
		}));
		parsed.paging = { mode: 'page', number: page, size: perPage };
		const all = state.customers.map((c) => v3Customer(state, c));
		const answer = listAnswer(all, parsed, valueOf, options.readings);
		const total = answer.extra.totalCount;
		const from = total === 0 ? null : (page - 1) * perPage + 1;
		const meta = {
			currentPage: page,
			from,
			path: '/api/v3/customers',
			perPage,
			to: from === null ? null : from + answer.data.length - 1,
			...(mode === 'table' ? { lastPage: Math.max(1, Math.ceil(total / perPage)), total } : {}),
		};
		const next = page * perPage < total ? `/api/v3/customers?page=${page + 1}` : null;
		return {
			status: 200,
			body: {
				data: answer.data,
				meta,
				links: { first: '/api/v3/customers?page=1', last: null, prev: null, next },
			},
		};
	});
}
