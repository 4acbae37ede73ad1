import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import { locatorValue, recordLocator } from '../../shared/parameters';
import { validateField } from '../../shared/validation';

/** Xentral IDs are strings of digits. */
export const XENTRAL_ID_REGEX = '^[1-9][0-9]{0,17}$';

const idSchema = z.preprocess(
	(v) =>
		typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v.trim() : v,
	z
		.string({ invalid_type_error: 'must be a Xentral ID (digits)' })
		.regex(new RegExp(XENTRAL_ID_REGEX), 'must be a Xentral ID: digits such as 17'),
);

export function customerLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return recordLocator(
		{
			displayName: 'Customer',
			name: 'customerId',
			searchListMethod: 'searchCustomers',
			record: 'customer',
			idPlaceholder: 'e.g. 17',
			idRegex: XENTRAL_ID_REGEX,
			idError: 'A Xentral customer ID is a number such as 17',
		},
		overrides,
	);
}

export function contactPersonLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return recordLocator(
		{
			displayName: 'Contact Person',
			name: 'contactPersonId',
			searchListMethod: 'searchContactPersons',
			record: 'contact person',
			idPlaceholder: 'e.g. 4',
			idRegex: XENTRAL_ID_REGEX,
			idError: 'A Xentral contact person ID is a number such as 4',
		},
		overrides,
	);
}

export function salesPriceLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return recordLocator(
		{
			displayName: 'Sales Price',
			name: 'salesPriceId',
			searchListMethod: 'searchSalesPrices',
			record: 'sales price',
			idPlaceholder: 'e.g. 12',
			idRegex: XENTRAL_ID_REGEX,
			idError: 'A Xentral sales price ID is a number such as 12',
		},
		overrides,
	);
}

/** A record ID from a locator (or a plain value), checked before it goes into a path. */
export function readId(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	return validateField(ctx, idSchema, locatorValue(ctx, name, itemIndex), label, itemIndex);
}

/** A plain ID value (not a locator), checked the same way. */
export function checkId(
	ctx: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string {
	return validateField(ctx, idSchema, value, label, itemIndex);
}
