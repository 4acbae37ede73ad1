import type { CatalogField } from './apiFields';

/**
 * The payment settings of a customer: v1 `CreatePaymentSettings` and v2 `paymentSettings` of the
 * customer update command. Credit limit and payment term are int32 in both APIs. The payment
 * method is a payment setting in v1 only; v2 keeps it on the customer (customerFields.ts).
 */
export const PAYMENT_FIELDS: CatalogField[] = [
	{
		v1: 'CreditLimit',
		v2: 'creditLimit',
		displayName: 'Credit Limit',
		kind: 'int',
		description: 'Highest open amount allowed for the customer, in whole currency units',
	},
	{
		v1: 'Discount',
		v2: 'discount',
		displayName: 'Discount (%)',
		kind: 'percent',
		description: 'Standard discount in percent',
	},
	{
		// JTL's own description of StopPaymentRequest: "The creation of dunning letters is blocked."
		v1: 'StopPaymentRequest',
		v2: 'isDunningBlocked',
		displayName: 'Is Dunning Blocked',
		kind: 'boolean',
		description: 'Whether no payment reminders (dunning letters) are sent to the customer',
	},
	{
		v1: 'PaymentMethodId',
		displayName: 'Payment Method ID',
		kind: 'intId',
		description: "The customer's default payment method",
		loadOptionsMethod: 'getPaymentMethods',
	},
	{
		v1: 'PaymentTarget',
		v2: 'paymentDueDateInDays',
		displayName: 'Payment Due (Days)',
		kind: 'int',
		description: 'Payment term in days',
	},
];
