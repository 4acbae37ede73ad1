import type { IDataObject } from 'n8n-workflow';

import { bodyOf } from '../../../../nodes/shared/fieldSpecs';
import { customerBody } from '../../../../nodes/Xentral/helpers/customerBodies';
import {
	ALL_CUSTOMER_FIELDS,
	CUSTOMER_FIELDS,
	UPDATE_ONLY_FIELDS,
} from '../../../../nodes/Xentral/helpers/customerFields';
import { updateFieldsProperty } from '../../../../nodes/Xentral/helpers/customerProperties';

/** The dotted paths of a body's leaves. */
function leaves(body: IDataObject, prefix = ''): string[] {
	return Object.entries(body).flatMap(([key, value]) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? leaves(value as IDataObject, `${prefix}${key}.`)
			: [`${prefix}${key}`],
	);
}

describe('Xentral customer field table', () => {
	it('places every field at a body place of its own', () => {
		const places = ALL_CUSTOMER_FIELDS.map((spec) => leaves(bodyOf([spec], { [spec.name]: 1 })));
		expect(places.every((p) => p.length === 1)).toBe(true);
		const flat = places.flat();
		expect(new Set(flat).size).toBe(flat.length);
	});

	it('puts fields where the v2 customer body has them', () => {
		expect(
			customerBody({
				companyName: 'ACME',
				email: 'a@example.com',
				paymentTargetDays: 14,
				sepaMandateReference: 'M-1',
				sepaMandateDate: '2026-03-01T00:00:00.000Z',
				invoicePrints: 2,
				latitude: 52.5,
				projectId: 7,
				groupIds: [1, 4],
				iban: 'de89 3704 0044 0532 0130 00',
				language: 'DE',
				defaultCurrency: ' eur ',
			}),
		).toEqual({
			name: 'ACME',
			contactDetails: { email: 'a@example.com' },
			financials: { paymentTerms: { paymentTargetDays: 14 }, defaultCurrency: 'EUR' },
			primaryBankAccount: {
				iban: 'DE89370400440532013000',
				sepa: { mandateReference: 'M-1', mandateReferenceDate: '2026-03-01' },
			},
			documentDelivery: { amountInvoicePrints: 2 },
			lat: 52.5,
			project: { id: '7' },
			groups: [1, 4],
			language: 'de',
		});
	});

	it('offers every field of the table in Update Fields', () => {
		const names = (updateFieldsProperty().options ?? []).map((o) => o.name);
		expect(names.sort()).toEqual(
			[...UPDATE_ONLY_FIELDS, ...CUSTOMER_FIELDS].map((s) => s.name).sort(),
		);
	});
});
