import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { paginateByPageNumber } from '../../shared/pagination';
import type { JtlPath } from '../transport';
import { JTL_PAGE_SIZE_MAX, jtlApiRequest, jtlPath, readV2ReferencePage } from '../transport';

/** v1 reference lists are bare arrays of `{Id, Name, ...}` with whole-number IDs. */
async function v1Options(
	ctx: ILoadOptionsFunctions,
	path: JtlPath,
): Promise<INodePropertyOptions[]> {
	const { body } = await jtlApiRequest<IDataObject[]>(ctx, 'GET', path);
	const list = Array.isArray(body) ? body : [];
	return list
		.map((entry) => {
			const flags = [
				entry.IsDefault || entry.IsStandard ? 'default' : '',
				entry.IsActive === false ? 'inactive' : '',
			]
				.filter(Boolean)
				.join(', ');
			return {
				name: `${String(entry.Name ?? entry.Id)}${flags ? ` (${flags})` : ''}`,
				value: Number(entry.Id),
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** v2 reference entries `{id, name}` with UUIDs; the 2.0 spec spells them `{Id, Name}`. */
async function v2Options(
	ctx: ILoadOptionsFunctions,
	path: JtlPath,
): Promise<INodePropertyOptions[]> {
	const entries = await paginateByPageNumber<IDataObject>(
		async (pageNumber, pageSize) =>
			readV2ReferencePage(
				(await jtlApiRequest(ctx, 'GET', path, { qs: { pageNumber, pageSize } })).body,
			),
		{ max: Infinity, pageSizeMax: JTL_PAGE_SIZE_MAX },
	);
	return entries
		.map((entry) => {
			const id = entry.id ?? entry.Id;
			return { name: String(entry.name ?? entry.Name ?? id), value: String(id) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getCustomerGroups(this: ILoadOptionsFunctions) {
	return await v1Options(this, jtlPath`/customerGroups`);
}

export async function getCustomerCategories(this: ILoadOptionsFunctions) {
	return await v1Options(this, jtlPath`/customerCategories`);
}

export async function getPaymentMethods(this: ILoadOptionsFunctions) {
	return await v1Options(this, jtlPath`/paymentMethods`);
}

export async function getCompanies(this: ILoadOptionsFunctions) {
	return await v1Options(this, jtlPath`/companies`);
}

export async function getCustomerGroupsV2(this: ILoadOptionsFunctions) {
	return await v2Options(this, jtlPath`/v2/customerGroups`);
}

export async function getCustomerCategoriesV2(this: ILoadOptionsFunctions) {
	return await v2Options(this, jtlPath`/v2/customerCategories`);
}

export async function getPaymentMethodsV2(this: ILoadOptionsFunctions) {
	return await v2Options(this, jtlPath`/v2/paymentMethods`);
}

export async function getCompaniesV2(this: ILoadOptionsFunctions) {
	return await v2Options(this, jtlPath`/v2/companies`);
}
