/** The old name of paymentFields.ts, kept until the operation files import the new one. */
export { PAYMENT_FIELDS } from './paymentFields';
