import type { Shape } from '../../shared/shapes';
import { ADDRESS_SHAPE, CONTACT_SHAPE, CUSTOMER_SHAPE } from '../../shared/shapes';

const GROUP: Shape = {
	customerGroupUid: 'string',
	name: 'string',
	createdBy: 'string',
	createdAt: 'string',
	lastModifiedBy: 'string',
	lastModifiedAt: 'string',
};
const PRICE_LIST: Shape = {
	pricelistUid: 'string',
	name: 'string',
	externalId: 'string',
	createdAt: 'string',
	lastModifiedAt: 'string',
};
const PRICE: Shape = {
	priceUid: 'string',
	pricelistUid: 'string',
	productUid: 'string',
	price: 'number',
	createdAt: 'string',
	lastModifiedAt: 'string',
};

/**
 * What each Flow Retail operation returns with Simplify on: the source of the output schemas under
 * `nodes/FlowRetail/__schema__`. Export, External Search and Add Extension return Flow Retail's
 * records as they come (their shapes are not documented) and have no schema.
 */
export const FLOW_OUTPUT_SHAPES: Record<string, Record<string, Shape>> = {
	customer: {
		batch: {
			success: 'boolean',
			operation: 'string',
			status: 'number',
			customerUid: 'string',
			error: 'string',
		},
		create: CUSTOMER_SHAPE,
		delete: { deleted: 'boolean', customerUid: 'string' },
		get: CUSTOMER_SHAPE,
		getAll: CUSTOMER_SHAPE,
		getForStore: CUSTOMER_SHAPE,
		removeExtension: {
			removed: 'boolean',
			customerUid: 'string',
			extensionCode: 'string',
			storeUid: 'string',
		},
		search: CUSTOMER_SHAPE,
		update: CUSTOMER_SHAPE,
		upsert: CUSTOMER_SHAPE,
	},
	customerAddress: {
		create: ADDRESS_SHAPE,
		delete: { deleted: 'boolean', customerUid: 'string', customerAddressUid: 'string' },
		get: ADDRESS_SHAPE,
		getAll: ADDRESS_SHAPE,
		update: ADDRESS_SHAPE,
	},
	customerContact: {
		create: CONTACT_SHAPE,
		delete: { deleted: 'boolean', customerUid: 'string', customerContactUid: 'string' },
		get: CONTACT_SHAPE,
		getAll: CONTACT_SHAPE,
		update: CONTACT_SHAPE,
	},
	customerGroup: { create: GROUP, get: GROUP, getAll: GROUP, update: GROUP },
	price: { create: PRICE, get: PRICE, getAll: PRICE, update: PRICE },
	priceList: { create: PRICE_LIST, get: PRICE_LIST, getAll: PRICE_LIST, update: PRICE_LIST },
};

/** Operations that return the vendor's undocumented records as they come: no schema. */
export const FLOW_UNSHAPED_OPERATIONS = [
	'customer/addExtension',
	'customer/export',
	'customer/externalSearch',
];

/** The webhook trigger's item without the fetched customer, and the poll trigger's customer. */
export const FLOW_TRIGGER_OUTPUT_SHAPE: Shape = {
	action: 'string',
	tenantUid: 'string',
	customerUid: 'string',
	priceUid: 'string',
	pricelistUid: 'string',
};
export const FLOW_POLL_TRIGGER_OUTPUT_SHAPE: Shape = CUSTOMER_SHAPE;
