import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import { validateField } from '../../shared/validation';

/** The customer extension codes [verified: API customer; the seed's list is empty]. */
export const EXTENSION_CODES = ['TWO_INVOICE'] as const;

export const extensionCodeField: INodeProperties = {
	displayName: 'Extension',
	name: 'extensionCode',
	type: 'options',
	options: [{ name: 'Two Invoice', value: 'TWO_INVOICE', description: 'Invoicing through Two' }],
	default: 'TWO_INVOICE',
	description: 'The customer extension',
};

export function readExtensionCode(ctx: IExecuteFunctions, itemIndex: number): string {
	return validateField(
		ctx,
		z.enum(EXTENSION_CODES, { errorMap: () => ({ message: 'must be TWO_INVOICE' }) }),
		ctx.getNodeParameter('extensionCode', itemIndex),
		'Extension',
		itemIndex,
	);
}
