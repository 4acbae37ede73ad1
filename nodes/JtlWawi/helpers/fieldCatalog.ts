/** The old name of apiFields.ts, kept until the operation files import the new one. */
export { specsFor, validateFields } from './apiFields';
