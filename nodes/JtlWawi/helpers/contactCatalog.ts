/** The old name of contactFields.ts, kept until the operation files import the new one. */
export { contactBody, contactFieldProperties } from './contactFields';
