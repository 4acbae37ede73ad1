import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { int32Id, validateField } from '../../../nodes/shared/validation';

const ctx = { getNode: () => ({ name: 'Node' }) } as unknown as IExecuteFunctions;

describe('validateField', () => {
	it('names the field in both sentences of the description, so none starts mid-sentence', () => {
		let error: NodeOperationError | undefined;
		try {
			validateField(ctx, int32Id, '652ac0de', 'Customer', 0);
		} catch (e) {
			error = e as NodeOperationError;
		}
		expect(error?.message).toBe('Customer (item 0) must be a whole number');
		expect(error?.description).toBe(
			'The value given for "Customer" was "652ac0de". Customer must be a whole number.',
		);
	});
});
