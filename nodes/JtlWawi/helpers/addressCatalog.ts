/** The old name of addressFields.ts, kept until the operation files import the new one. */
export { ADDRESS_FIELDS, ADDRESS_TYPE_SPEC, EDITABLE_ADDRESS_FIELDS } from './addressFields';
