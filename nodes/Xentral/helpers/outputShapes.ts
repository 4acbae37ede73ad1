import type { Shape } from '../../shared/shapes';
import { ADDRESS_SHAPE, CONTACT_SHAPE, CUSTOMER_SHAPE } from '../../shared/shapes';
import { SALES_PRICE_SHAPE } from './simplify';

/**
 * What each Xentral operation returns with Simplify on (the default): the source of the output
 * schemas under `nodes/Xentral/__schema__` (see shared/outputSchema.ts).
 */
export const XENTRAL_OUTPUT_SHAPES: Record<string, Record<string, Shape>> = {
	address: {
		create: ADDRESS_SHAPE,
		delete: { deleted: 'boolean', customerId: 'string', addressId: 'string' },
		get: ADDRESS_SHAPE,
		getAll: ADDRESS_SHAPE,
		update: ADDRESS_SHAPE,
	},
	contactPerson: {
		create: CONTACT_SHAPE,
		delete: { deleted: 'boolean', customerId: 'string', contactPersonId: 'string' },
		get: CONTACT_SHAPE,
		getAll: CONTACT_SHAPE,
		update: CONTACT_SHAPE,
	},
	// Every customer operation but Delete returns the common customer shape.
	customer: {
		...Object.fromEntries(
			['create', 'get', 'getAll', 'update', 'upsert'].map((op) => [op, CUSTOMER_SHAPE]),
		),
		delete: { deleted: 'boolean', customerId: 'string' },
	},
	salesPrice: {
		create: SALES_PRICE_SHAPE,
		delete: { deleted: 'boolean', salesPriceId: 'string' },
		get: SALES_PRICE_SHAPE,
		getAll: SALES_PRICE_SHAPE,
		update: SALES_PRICE_SHAPE,
	},
};

/** The New Customer trigger emits customers in the common shape. */
export const XENTRAL_TRIGGER_OUTPUT_SHAPE: Shape = CUSTOMER_SHAPE;

/** The sales price trigger emits the event's name beside the compact price. */
export const XENTRAL_SALES_PRICE_TRIGGER_OUTPUT_SHAPE: Shape = {
	event: 'string',
	...SALES_PRICE_SHAPE,
};
