import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import { httpStatusOf } from '../../shared/errors';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { readField, toProperty } from '../../shared/fieldSpecs';
import type { RequestContext } from '../../shared/http';
import { validateField } from '../../shared/validation';
import { dataOf, xentralApiRequest, xentralPath } from '../transport';

export type AddressType = 'masterdata' | 'billingaddress' | 'deliveryaddress';

export const ADDRESS_TYPE: FieldSpec = {
	name: 'addressType',
	displayName: 'Address Type',
	kind: 'choice',
	description: 'Which address of the customer',
	hint: 'Master data: the main address. Billing: the one billing address. Delivery: one of many.',
	// In alphabetical order, as n8n's UI guidelines ask of every dropdown.
	choices: [
		{ name: 'Billing Address', value: 'billingaddress' },
		{ name: 'Delivery Address', value: 'deliveryaddress' },
		{ name: 'Master Data', value: 'masterdata' },
	],
};

export function addressTypeProperty(): INodeProperties {
	return toProperty(ADDRESS_TYPE, {
		required: true,
		default: 'masterdata',
		noDataExpression: false,
	});
}

export function deliveryAddressIdProperty(): INodeProperties {
	return {
		displayName: 'Delivery Address ID',
		name: 'deliveryAddressId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 101',
		description: 'The ID of the delivery address (Get Many lists them)',
		displayOptions: { show: { addressType: ['deliveryaddress'] } },
	};
}

const idOfAddress = z
	.string({ invalid_type_error: 'must be a delivery address ID (digits)' })
	.trim()
	.regex(/^[1-9][0-9]{0,17}$/, 'must be a delivery address ID: digits such as 101');

export function readAddressType(ctx: IExecuteFunctions, itemIndex: number): AddressType {
	return readField(ctx, ADDRESS_TYPE, 'addressType', itemIndex) as AddressType;
}

/** The address ID in the path: `masterdata`, `billingaddress` or the delivery address's number. */
export function readAddressId(
	ctx: IExecuteFunctions,
	type: AddressType,
	itemIndex: number,
): string {
	if (type !== 'deliveryaddress') return type;
	const raw = ctx.getNodeParameter('deliveryAddressId', itemIndex, '');
	return validateField(
		ctx,
		idOfAddress,
		typeof raw === 'number' ? String(raw) : raw,
		'Delivery Address ID',
		itemIndex,
	);
}

/** The customer's master-data or billing address, or undefined when it has none (404). */
export async function findAddress(
	ctx: RequestContext,
	customerId: string,
	type: 'masterdata' | 'billingaddress',
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	let failure: unknown;
	try {
		const response = await xentralApiRequest(
			ctx,
			'GET',
			xentralPath`/api/v2/customers/${customerId}/addresses/${type}`,
			{ itemIndex },
		);
		return dataOf(ctx, response.body, 'the address', itemIndex);
	} catch (error) {
		failure = error;
	}
	if (httpStatusOf(failure) === 404) return undefined;
	throw failure;
}
