import { bodyOf } from '../../../../nodes/shared/fieldSpecs';
import { specsFor, validateFields } from '../../../../nodes/JtlWawi/helpers/apiFields';
import { contactBody } from '../../../../nodes/JtlWawi/helpers/contactFields';
import { CUSTOMER_FIELDS } from '../../../../nodes/JtlWawi/helpers/customerFields';
import { mockExecuteContext } from '../../../harness/mockContext';

const ctx = mockExecuteContext({});

describe('JTL field tables: one entry, a spec per API with its body name', () => {
	it('a field is named by its parameter and placed under each API name', () => {
		const v1 = specsFor(CUSTOMER_FIELDS, 'v1').find((s) => s.name === 'companyId')!;
		const v2 = specsFor(CUSTOMER_FIELDS, 'v2').find((s) => s.name === 'companyId')!;
		expect([v1.kind, v1.body]).toEqual(['intId', 'InternalCompanyId']);
		expect([v2.kind, v2.body]).toEqual(['uuid', 'companyId']);
		expect(bodyOf([v1], { companyId: 3 })).toEqual({ InternalCompanyId: 3 });
	});

	it('a field only one API has is offered by that API only', () => {
		expect(specsFor(CUSTOMER_FIELDS, 'v2').some((s) => s.name === 'createdDate')).toBe(true);
		expect(specsFor(CUSTOMER_FIELDS, 'v1').some((s) => s.name === 'createdDate')).toBe(false);
	});

	it('validateFields checks by the API kind and sends under the API names', () => {
		expect(
			validateFields(ctx, CUSTOMER_FIELDS, 'v1', { Number: 'K-1', companyId: '2' }, 'X > ', 0),
		).toEqual({ Number: 'K-1', InternalCompanyId: 2 });
		expect(() =>
			validateFields(ctx, CUSTOMER_FIELDS, 'v2', { companyId: '2' }, 'Update Fields > ', 1),
		).toThrow('Update Fields > Company Name or ID (item 1)');
	});

	it('a contact field cleared on Update is sent blank under its API name', () => {
		const body = contactBody(
			ctx,
			{ firstName: 'Ada', lastName: '' },
			'Update Fields > ',
			0,
			'clear',
		);
		expect(body).toEqual({ FirstName: 'Ada', LastName: '' });
	});
});
