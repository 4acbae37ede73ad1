import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	EXTRA_BODY_FIELDS,
	mergeExtraBodyFields,
	readExtraBodyFields,
} from '../../shared/extraBodyFields';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { bodyOf, labelOf, readField, validateCollection } from '../../shared/fieldSpecs';
import { readCollectionParameter } from '../../shared/parameters';
import { isBlank, requireSomethingToSend, requireValue } from '../../shared/validation';
import { idList, NOTHING_TO_CHANGE } from './bodies';
import {
	ALL_CUSTOMER_FIELDS,
	COMPANY_NAME,
	CUSTOMER_FIELDS,
	CUSTOMER_TYPE,
	FIRST_NAME,
	LAST_NAME,
	PROJECT,
	UPDATE_ONLY_FIELDS,
} from './customerFields';
import { mergeLists, readLists } from './customerLists';
import { checkId } from './locators';

/** Checked customer fields as a v2 customer body, each converted and at its place. */
export function customerBody(fields: IDataObject): IDataObject {
	return bodyOf(ALL_CUSTOMER_FIELDS, fields);
}

/**
 * A collection of customer fields, checked: each field by its kind, then by its check (IBAN,
 * BIC, mandate reference, ranges), the group IDs as a list of whole numbers. The single
 * "Customer Group ID" of workflows saved before the field became a list is taken as a list of one.
 */
function readCustomerCollection(
	ctx: IExecuteFunctions,
	specs: FieldSpec[],
	parameter: string,
	label: string,
	itemIndex: number,
): IDataObject {
	const raw = { ...readCollectionParameter(ctx, parameter, label, itemIndex) };
	const prefix = `${label} > `;
	let groupIds: unknown;
	if (raw.groupId !== undefined && raw.groupIds === undefined) raw.groupIds = raw.groupId;
	delete raw.groupId;
	if (raw.groupIds !== undefined) {
		// The v2 body takes group IDs as whole numbers.
		groupIds = idList(ctx, raw.groupIds, `${prefix}Customer Group IDs`, itemIndex).map((id) => {
			if (Number(id) > 2_147_483_647)
				throw new NodeOperationError(
					ctx.getNode(),
					`${prefix}Customer Group IDs (item ${itemIndex}) must fit a 32-bit integer: ${id} does not`,
					{ itemIndex },
				);
			return Number(id);
		});
		delete raw.groupIds;
	}
	const fields = validateCollection(ctx, specs, raw, prefix, itemIndex);
	return groupIds === undefined ? fields : { ...fields, groupIds: groupIds as IDataObject[string] };
}

/**
 * The type and names of Create and Create or Update, checked before any request: a person needs
 * first and last name, a company a name.
 */
export function readNames(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const customerType = readField(ctx, CUSTOMER_TYPE, 'customerType', itemIndex) as string;
	const specs = customerType === 'person' ? [FIRST_NAME, LAST_NAME] : [COMPANY_NAME];
	const names: IDataObject = { customerType };
	for (const spec of specs) {
		const value = readField(ctx, spec, spec.name, itemIndex);
		requireValue(ctx, value, spec.displayName, itemIndex, {
			says: `is required for a ${customerType === 'person' ? 'person' : 'company'} customer`,
		});
		names[spec.name] = String(value).trim();
	}
	return names;
}

/** The project of Create: the Project parameter, or Additional Fields > Project ID of older workflows. */
function readProject(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const { projectId: legacy, ...rest } = fields;
	const value = ctx.getNodeParameter('projectId', itemIndex, '') as unknown;
	const given = !isBlank(value) ? value : legacy;
	if (isBlank(given)) return rest;
	return { ...rest, projectId: checkId(ctx, given, labelOf(PROJECT), itemIndex) };
}

export interface CustomerBodies {
	/** The body of a create. */
	create: IDataObject;
	/** The same fields for a PATCH: without `project`, which the update body does not have. */
	update: IDataObject;
}

/**
 * Create's body (and, for Create or Update, the PATCH body of the same fields): the names, the
 * project, the Additional Fields, the lists and the Extra Body Fields, all checked before any
 * request. `reserved` are top-level keys the Extra Body Fields may not set.
 */
export function readCreateBodies(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reserved: string[] = [],
): CustomerBodies {
	const names = readNames(ctx, itemIndex);
	const fields = readCustomerCollection(
		ctx,
		[...CUSTOMER_FIELDS, { ...PROJECT, loadOptionsMethod: undefined }],
		'additionalFields',
		'Additional Fields',
		itemIndex,
	);
	const withProject = readProject(ctx, itemIndex, fields);
	const lists = readLists(ctx, itemIndex);
	const merge = (body: IDataObject) =>
		mergeExtraBodyFields(
			ctx,
			mergeLists(body, lists),
			readExtraBodyFields(ctx, itemIndex, EXTRA_BODY_FIELDS),
			itemIndex,
			{ reserved },
		);
	const create = merge(customerBody({ ...withProject, ...names }));
	const forUpdate = { ...withProject };
	delete forUpdate.projectId;
	return { create, update: merge(customerBody({ ...forUpdate, ...names })) };
}

/** Update's body, or an error naming the fields when nothing was given. */
export function readUpdateBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = readCustomerCollection(
		ctx,
		[...UPDATE_ONLY_FIELDS, ...CUSTOMER_FIELDS],
		'updateFields',
		'Update Fields',
		itemIndex,
	);
	for (const spec of [FIRST_NAME, LAST_NAME, COMPANY_NAME])
		if (spec.name in fields)
			requireValue(ctx, fields[spec.name], `Update Fields > ${spec.displayName}`, itemIndex, {
				says: 'must not be empty',
			});
	const body = mergeExtraBodyFields(
		ctx,
		mergeLists(customerBody(fields), readLists(ctx, itemIndex)),
		readExtraBodyFields(ctx, itemIndex, EXTRA_BODY_FIELDS),
		itemIndex,
	);
	requireSomethingToSend(
		ctx,
		[body],
		itemIndex,
		NOTHING_TO_CHANGE,
		'Or set Custom Fields, Additional Contact Data or Extra Body Fields.',
	);
	return body;
}
