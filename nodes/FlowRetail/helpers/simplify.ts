import type { IDataObject } from 'n8n-workflow';

import type { CommonCustomer } from '../../shared/customer';
import { toCommonCustomer } from '../../shared/customer';
import { customerChangeFields } from '../../shared/changeFilter';
import { ADDRESS_SHAPE, CONTACT_SHAPE, toShape } from '../../shared/shapes';

export const FLOW_SOURCE = 'flowRetail';

/** The common-shape fields "Only When These Fields Change" offers: those Flow Retail fills. */
export const FLOW_CHANGE_FIELDS = customerChangeFields([
	'externalId',
	'type',
	'company',
	'firstName',
	'lastName',
	'email',
	'mobile',
	'street',
	'postalCode',
	'city',
	'countryIso',
	'groupId',
]);

/**
 * A Flow Retail customer in the package's common shape. Flow Retail has no customer number of its
 * own, so `number` is null and the ERP's key stays `externalId`; Flow Retail keeps one number, the
 * `mobile`, so `phone` (the landline) is null; the first customer group is `groupId`. No language,
 * lock flag or customer-since date exists on the record. `createdAt` and `lastModifiedAt` without
 * an offset are read in the tenant's `timeZone` (the credential's), never the n8n server's.
 */
export function simplifyCustomer(record: IDataObject, timeZone: string): CommonCustomer {
	const type = record.customerType;
	const groups = Array.isArray(record.customerGroupUids) ? record.customerGroupUids : [];
	return toCommonCustomer(
		FLOW_SOURCE,
		{
			id: record.customerUid,
			externalId: record.externalId,
			type: type === 'PERSON' ? 'person' : type === 'COMPANY' || type === 'B2B' ? 'company' : null,
			company: record.companyName,
			firstName: record.firstname,
			lastName: record.lastname,
			email: record.email,
			mobile: record.mobile,
			street: record.address,
			postalCode: record.postalCode,
			city: record.city,
			countryIso: record.countryCode,
			groupId: groups[0],
			createdAt: record.createdAt,
			updatedAt: record.lastModifiedAt,
		},
		timeZone,
	);
}

/**
 * A contact of the customer `customerUid` in the compact shape. `customerNumber` stays null: Flow
 * Retail has no customer number (the customer's `externalId` is another system's key, not one).
 */
export function simplifyContact(record: IDataObject, customerUid: string) {
	return toShape(CONTACT_SHAPE, {
		id: record.customerContactUid,
		customerId: customerUid,
		firstName: record.firstname,
		lastName: record.lastname,
		email: record.email,
		mobilePhone: record.mobile,
	});
}

const ADDRESS_TYPES: Record<string, string> = {
	INVOICE_ADDRESS: 'billing',
	DELIVERY_ADDRESS: 'shipping',
};

/**
 * An address of the customer `customerUid`; `type` as the compact shape names it for every system:
 * billing or shipping. `customerNumber` stays null, as for contacts.
 */
export function simplifyAddress(record: IDataObject, customerUid: string) {
	const type = typeof record.type === 'string' ? (ADDRESS_TYPES[record.type] ?? record.type) : null;
	return toShape(ADDRESS_SHAPE, {
		id: record.customerAddressUid,
		customerId: customerUid,
		type,
		company: record.companyName,
		firstName: record.firstname,
		lastName: record.lastname,
		street: record.address,
		postalCode: record.postalCode,
		city: record.city,
		countryIso: record.countryCode,
		email: record.email,
		phone: record.phone,
	});
}
