import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod/v3';

import { int32Id, uuid, validateField } from '../../shared/validation';
import type { JtlPath } from '../transport';
import { jtlPath } from '../transport';
import { locatorValue } from '../../shared/parameters';

/** A customer ID in either JTL ID space: v1 whole number or v2 UUID. */
export type AnyCustomerId = { surface: 'v1'; id: number } | { surface: 'v2'; id: string };

const neither = z.custom<never>(() => false, {
	message: 'must be a positive whole number (v1) or a UUID (v2)',
});

/** Reads and validates a customer locator that accepts both ID spaces. */
export function readAnyCustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name = 'customerId',
	label = 'Customer',
): AnyCustomerId {
	const value = locatorValue(ctx, name, itemIndex);
	const asNumber = int32Id.safeParse(value);
	if (asNumber.success) return { surface: 'v1', id: asNumber.data };
	const asUuid = uuid.safeParse(value);
	if (asUuid.success) return { surface: 'v2', id: asUuid.data };
	return validateField(ctx, neither, value, label, itemIndex);
}

/** The customer's path on its API: `/customers/12` or `/v2/customers/<uuid>`. */
export function customerPath(customer: AnyCustomerId): JtlPath {
	return customer.surface === 'v1'
		? jtlPath`/customers/${customer.id}`
		: jtlPath`/v2/customers/${customer.id}`;
}

/** Reads and validates a customer locator that takes a v1 (whole-number) ID. */
export function readV1CustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label = 'Customer',
): number {
	return validateField(ctx, int32Id, locatorValue(ctx, 'customerId', itemIndex), label, itemIndex);
}

/** Reads and validates a customer locator that takes a v2 (UUID) ID. */
export function readV2CustomerId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label = 'Customer',
): string {
	return validateField(ctx, uuid, locatorValue(ctx, 'customerId', itemIndex), label, itemIndex);
}
