/** The old name of customerFields.ts, kept until the operation files import the new one. */
export { CUSTOMER_FIELDS } from './customerFields';
