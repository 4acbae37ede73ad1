import type { Shape } from '../../shared/shapes';
import { ADDRESS_SHAPE, CONTACT_SHAPE, CUSTOMER_SHAPE, PRICE_SHAPE } from '../../shared/shapes';

/**
 * What each JTL-Wawi operation returns with Simplify on (the default), one shape per operation:
 * the source of the output schemas under `nodes/JtlWawi/__schema__` (see shared/outputSchema.ts).
 */
export const JTL_OUTPUT_SHAPES: Record<string, Record<string, Shape>> = {
	address: { add: ADDRESS_SHAPE, getAll: ADDRESS_SHAPE, update: ADDRESS_SHAPE },
	contact: {
		create: CONTACT_SHAPE,
		delete: { deleted: 'boolean', customerId: 'number', contactId: 'number' },
		get: CONTACT_SHAPE,
		getAll: CONTACT_SHAPE,
		update: CONTACT_SHAPE,
	},
	customer: {
		create: CUSTOMER_SHAPE,
		delete: { deleted: 'boolean', customerId: 'string' },
		get: CUSTOMER_SHAPE,
		getAll: CUSTOMER_SHAPE,
		update: CUSTOMER_SHAPE,
		upsert: CUSTOMER_SHAPE,
	},
	customerPrice: {
		create: PRICE_SHAPE,
		delete: { deleted: 'boolean', itemId: 'number', customerId: 'number', fromQuantity: 'number' },
		getAll: PRICE_SHAPE,
		update: PRICE_SHAPE,
	},
};

/** The trigger emits customers for both events. */
export const JTL_TRIGGER_OUTPUT_SHAPE: Shape = CUSTOMER_SHAPE;
