import type { INodeProperties } from 'n8n-workflow';

import { collectionProperty, toProperty } from '../../shared/fieldSpecs';
import {
	COMPANY_NAME,
	CUSTOMER_FIELDS,
	CUSTOMER_TYPE,
	FIRST_NAME,
	LAST_NAME,
	PROJECT,
	UPDATE_ONLY_FIELDS,
} from './customerFields';

/** The top-level name fields of Create and Create or Update, shown by the customer type. */
export function nameProperties(): INodeProperties[] {
	return [
		toProperty(CUSTOMER_TYPE, { required: true, default: 'company' }),
		toProperty(COMPANY_NAME, {
			required: true,
			displayOptions: { show: { customerType: ['company'] } },
		}),
		toProperty(FIRST_NAME, {
			required: true,
			displayOptions: { show: { customerType: ['person'] } },
		}),
		toProperty(LAST_NAME, {
			required: true,
			displayOptions: { show: { customerType: ['person'] } },
		}),
	];
}

/** The Project of Create and Create or Update, a dropdown of the instance's projects. */
export function projectProperty(): INodeProperties {
	return toProperty(PROJECT, {
		description:
			'The project the new customer belongs to. Xentral\'s v2 guide calls it required; instances that enforce it refuse a customer without one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		hint: 'The project list is an early-access endpoint of Xentral: where it is missing, give the ID by expression',
	});
}

export function additionalFieldsProperty(): INodeProperties {
	return collectionProperty('Additional Fields', 'additionalFields', CUSTOMER_FIELDS);
}

export function updateFieldsProperty(): INodeProperties {
	return collectionProperty('Update Fields', 'updateFields', [
		...UPDATE_ONLY_FIELDS,
		...CUSTOMER_FIELDS,
	]);
}
