// Reference lists a customer refers to: projects (`GET /api/v1/projects`, early access in the core
// spec) and shipping methods (`GET /api/v1/shippingMethods`), both in the v1 list envelope.
import { listAnswer, parseListQuery, V1_LIST_OPERATORS } from '../query.mjs';

const PROJECT_FIELDS = [
	'id',
	'name',
	'keyName',
	'description',
	'currency',
	'normalTaxRate',
	'reducedTaxRate',
	'storageProcess',
	'pickingProcess',
];
const PROJECT_SPEC = {
	filterKeys: ['search', ...PROJECT_FIELDS],
	ops: V1_LIST_OPERATORS,
	orderFields: PROJECT_FIELDS,
};
// The core spec documents paging only for the shipping method list.
const SHIPPING_SPEC = { filterKeys: [], ops: [], orderFields: [] };

function projectValue(project, key) {
	if (key === 'search') return `${project.name} ${project.keyName} ${project.description ?? ''}`;
	return project[key];
}

export function register(router) {
	router.add('GET', '/v1/projects', ({ state, query, options }) => ({
		status: 200,
		body: listAnswer(
			state.projects,
			parseListQuery(query, PROJECT_SPEC),
			projectValue,
			options.readings,
		),
	}));

	router.add('GET', '/v1/shippingMethods', ({ state, query, options }) => ({
		status: 200,
		body: listAnswer(
			state.shippingMethods,
			parseListQuery(query, SHIPPING_SPEC),
			(m, key) => m[key],
			options.readings,
		),
	}));
}
