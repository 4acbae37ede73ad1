import { bicProblem, ibanProblem, mandateReferenceProblem, normaliseIban } from '../../shared/bank';
import type { FieldSpec } from '../../shared/fieldSpecs';
import { field, within } from '../../shared/fieldSpecs';
import { asDate, reference, TAXATIONS } from './bodies';

const atLeastZero = (v: unknown) => (Number(v) < 0 ? 'must be 0 or greater' : undefined);
const bool = (name: string, displayName: string, description: string, body = name) =>
	field(name, displayName, 'boolean', description, { body });

/** The customer's payment terms, currency and taxes: `financials` of the v2 customer body. */
const FINANCIALS: FieldSpec[] = [
	field('paymentMethodId', 'Payment Method ID', 'intId', 'The payment method', {
		loadOptionsMethod: 'getPaymentMethods',
		...reference('paymentMethod'),
	}),
	field(
		'subscriptionPaymentMethod',
		'Subscription Payment Method',
		'choice',
		'How subscriptions are paid',
		{
			choices: [
				{ name: 'Direct Debit', value: 'direct-debit' },
				{ name: 'Invoice', value: 'invoice' },
			],
		},
	),
	...within('paymentTerms', [
		field('paymentTargetDays', 'Payment Target (Days)', 'int', 'Days until an invoice is due'),
		field(
			'paymentTargetDiscount',
			'Payment Discount (%)',
			'percent',
			'The early-payment discount in percent',
		),
		field(
			'paymentTargetDiscountDays',
			'Payment Discount (Days)',
			'int',
			'Days within which the early-payment discount applies',
		),
		bool(
			'fixedPaymentTerms',
			'Fixed Payment Terms',
			'Whether the payment terms are fixed for this customer',
		),
	]),
	field('creditLimit', 'Credit Limit', 'number', 'The credit limit in the default currency', {
		check: atLeastZero,
	}),
	field('defaultCurrency', 'Default Currency', 'string', 'ISO 4217 currency code', {
		placeholder: 'EUR',
		check: (v) =>
			/^[A-Za-z]{3}$/.test(String(v).trim())
				? undefined
				: 'must be a three-letter ISO 4217 code such as EUR',
		send: (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
	}),
	field('customsInformation', 'Customs Information', 'string', 'Remarks for customs'),
	...within('tax', [
		field('vatId', 'VAT ID', 'string', 'The VAT identification number'),
		field('taxNumber', 'Tax Number', 'string', 'The tax number'),
		field('taxation', 'Taxation', 'choice', 'How sales to the customer are taxed', {
			choices: TAXATIONS,
		}),
		field(
			'taxDisplay',
			'Tax Display',
			'choice',
			"Whether the customer's documents show net or gross amounts",
			{
				choices: [
					{ name: 'Always Gross', value: 'always-gross' },
					{ name: 'Always Net', value: 'always-net' },
					{ name: 'Automatically', value: 'automatically' },
				],
			},
		),
		bool(
			'useDeliveryThreshold',
			'Use Delivery Threshold',
			'Whether the EU delivery threshold applies',
		),
	]),
];

/** The primary bank account and its SEPA mandate: `primaryBankAccount` of the body. */
const BANK_ACCOUNT: FieldSpec[] = [
	field('bankName', 'Bank Name', 'string', 'The name of the bank'),
	field('bankAccountOwner', 'Bank Account Owner', 'string', 'The name of the account holder', {
		body: 'owner',
	}),
	field(
		'iban',
		'IBAN',
		'string',
		'The IBAN; spaces are removed and its check digits checked before sending',
		{
			check: (v) => ibanProblem(normaliseIban(String(v))),
			send: (v) => (typeof v === 'string' ? normaliseIban(v) : v),
		},
	),
	field('bic', 'BIC', 'string', 'The BIC of the bank, 8 or 11 characters', {
		check: (v) => bicProblem(String(v).replace(/\s+/g, '').toUpperCase()),
		send: (v) => (typeof v === 'string' ? v.replace(/\s+/g, '').toUpperCase() : v),
	}),
	...within('sepa', [
		field(
			'sepaMandateReference',
			'SEPA Mandate Reference',
			'string',
			'The reference of the direct-debit mandate',
			{
				body: 'mandateReference',
				check: (v) => mandateReferenceProblem(String(v)),
			},
		),
		field(
			'sepaMandateDate',
			'SEPA Mandate Date',
			'dateTime',
			'The date the mandate was signed (the date is sent)',
			{
				body: 'mandateReferenceDate',
				...asDate,
			},
		),
		field(
			'sepaMandateUsage',
			'SEPA Mandate Usage',
			'choice',
			'Whether the mandate is for one debit or recurring ones',
			{
				body: 'usage',
				choices: [
					{ name: 'Recurring', value: 'recurring' },
					{ name: 'Single', value: 'single' },
				],
			},
		),
		bool(
			'sepaCompanyMandate',
			'SEPA Company Mandate',
			'Whether it is a business-to-business mandate',
			'companySepa',
		),
		bool(
			'sepaMandateReferenceChanged',
			'SEPA Mandate Reference Changed',
			"Whether the customer's mandate reference changed",
			'mandateReferenceChange',
		),
		bool(
			'sepaFirstUse',
			'SEPA First Use',
			'Whether the next debit is the first under this mandate',
			'initial',
		),
		field('sepaRemark', 'SEPA Remark', 'string', 'A comment on the mandate', { body: 'remark' }),
	]),
];

/** How documents and goods reach the customer: `documentDelivery` and `shipping` of the body. */
const DELIVERY: FieldSpec[] = [
	...within('documentDelivery', [
		// In alphabetical order, as n8n's UI guidelines ask of every dropdown.
		field(
			'autoCreateDocuments',
			'Auto-Create Documents',
			'choice',
			'Which documents automatic shipping creates',
			{
				choices: [
					{ name: 'Delivery Note', value: 'delivery_note' },
					{ name: 'Delivery Note and Invoice', value: 'both' },
					{ name: 'Invoice', value: 'invoice' },
				],
			},
		),
		bool(
			'invoiceAlwaysPaper',
			'Invoice Always on Paper',
			'Whether a paper invoice is printed even with automatic dispatch',
		),
		field('invoicePrints', 'Invoice Prints', 'int', 'How many invoices are printed when shipping', {
			body: 'amountInvoicePrints',
		}),
		bool('preferFax', 'Prefer Fax', 'Whether documents go out by fax'),
	]),
	...within('shipping', [
		bool('freeShipping', 'Free Shipping', 'Whether the customer always ships free'),
		field(
			'freeShippingFrom',
			'Free Shipping From',
			'number',
			'The order amount from which shipping is free',
			{
				check: atLeastZero,
			},
		),
		field('shippingMethodId', 'Shipping Method ID', 'intId', "The customer's shipping method", {
			loadOptionsMethod: 'getShippingMethods',
			...reference('shippingMethod'),
		}),
		bool('deliveryBan', 'Delivery Ban', 'Whether nothing may be delivered to the customer'),
		field('deliveryBanReason', 'Delivery Ban Reason', 'string', 'Why deliveries are banned'),
		field(
			'deliveryBanDate',
			'Delivery Ban Date',
			'dateTime',
			'When deliveries were banned (the date is sent)',
			asDate,
		),
		bool('trackingMailBan', 'Tracking Mail Ban', 'Whether no tracking e-mails are sent'),
	]),
];

/** Payment, tax, bank account, documents and shipping of a customer, each at its body place. */
export const FINANCE_AND_DELIVERY_FIELDS: FieldSpec[] = [
	...within('financials', FINANCIALS),
	...within('primaryBankAccount', BANK_ACCOUNT),
	...DELIVERY,
];
