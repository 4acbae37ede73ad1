/**
 * The Skip Unchanged comparison. Named *.zones.test.ts: `npm test` runs it again under
 * TZ=Europe/Berlin and TZ=America/New_York, so no rule depends on the n8n server's zone.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	differences,
	isUnchanged,
	markUnchanged,
	NOT_SHOWN,
	readSkipUnchanged,
	sameValue,
	skipUnchangedOption,
} from '../../../nodes/shared/unchanged';
import { mockExecuteContext, testNode } from '../../harness/mockContext';

const UTC = { timeZone: 'UTC' };
const BERLIN = { timeZone: 'Europe/Berlin' };
const paths = (body: IDataObject, record: IDataObject, rules = UTC) =>
	differences(body, record, rules).map((d) => `${d.path}: ${d.reason}`);

describe('Skip Unchanged: the comparison', () => {
	it('trims text on both sides, but text that differs inside is a change', () => {
		expect(isUnchanged({ city: '  Kiel ' }, { city: 'Kiel' }, UTC)).toBe(true);
		expect(isUnchanged({ city: 'Kiel' }, { city: ' Kiel\t' }, UTC)).toBe(true);
		expect(paths({ city: 'Kiel' }, { city: 'kiel' })).toEqual(['city: differs']);
		expect(paths({ street: 'Hafen 12' }, { street: 'Hafen  12' })).toEqual(['street: differs']);
	});

	it('compares e-mails in any upper and lower case, other text with its case', () => {
		expect(isUnchanged({ email: 'Info@Firma.DE' }, { email: 'info@firma.de' }, UTC)).toBe(true);
		expect(
			isUnchanged(
				{ BillingAddress: { EmailAddress: 'A@B.de ' } },
				{ BillingAddress: { EmailAddress: 'a@b.DE' } },
				UTC,
			),
		).toBe(true);
		expect(isUnchanged({ emailAddress: 'a@b.de' }, { emailAddress: 'a@c.de' }, UTC)).toBe(false);
		// A field whose name says nothing of e-mails keeps its case, even with an @ in it.
		expect(isUnchanged({ note: 'A@B.de' }, { note: 'a@b.de' }, UTC)).toBe(false);
	});

	it('compares ISO codes of languages, countries and currencies in any case', () => {
		expect(isUnchanged({ LanguageIso: 'DE' }, { LanguageIso: 'de' }, UTC)).toBe(true);
		expect(isUnchanged({ countryCode: 'no' }, { countryCode: 'NO' }, UTC)).toBe(true);
		expect(isUnchanged({ currencyCode: 'EUR' }, { currencyCode: 'eur' }, UTC)).toBe(true);
		expect(paths({ LanguageIso: 'DE' }, { LanguageIso: 'EN' })).toEqual(['LanguageIso: differs']);
		// Only codes: a longer text under such a key keeps its case, and so does a code elsewhere.
		expect(paths({ countryCode: 'Germany' }, { countryCode: 'germany' })).toEqual([
			'countryCode: differs',
		]);
		expect(paths({ title: 'DE' }, { title: 'de' })).toEqual(['title: differs']);
	});

	it('compares numbers by value where either side is a number: "10", 10 and 10.0 are one', () => {
		expect(isUnchanged({ PaymentTarget: '10' }, { PaymentTarget: 10 }, UTC)).toBe(true);
		expect(isUnchanged({ PaymentTarget: 10 }, { PaymentTarget: '10.0' }, UTC)).toBe(true);
		expect(isUnchanged({ Discount: 10.0 }, { Discount: 10 }, UTC)).toBe(true);
		expect(isUnchanged({ Discount: ' 2.50' }, { Discount: 2.5 }, UTC)).toBe(true);
		expect(paths({ Discount: 2.5 }, { Discount: 2.51 })).toEqual(['Discount: differs']);
		expect(paths({ Discount: 0 }, { Discount: 'none' })).toEqual(['Discount: differs']);
		// Two texts stay text: a postal code with a leading zero is not the number without it.
		expect(paths({ postalCode: '01234' }, { postalCode: '1234' })).toEqual(['postalCode: differs']);
	});

	it('compares dates and times as instants in UTC, whatever offset either side writes', () => {
		expect(
			isUnchanged(
				{ Birthday: '1980-05-01T00:00:00.000Z' },
				{ Birthday: '1980-05-01T02:00:00+02:00' },
				UTC,
			),
		).toBe(true);
		expect(
			isUnchanged({ at: '2026-03-01T10:00:00-05:00' }, { at: '2026-03-01T15:00:00Z' }, UTC),
		).toBe(true);
		expect(paths({ at: '2026-03-01T10:00:00Z' }, { at: '2026-03-01T10:00:01Z' })).toEqual([
			'at: differs',
		]);
	});

	it("reads a time without an offset in the vendor's zone, not as UTC", () => {
		// 1 May 1980 00:00 UTC is 02:00 in Berlin (summer time).
		const body = { Birthday: '1980-05-01T00:00:00.000Z' };
		expect(isUnchanged(body, { Birthday: '1980-05-01T02:00:00' }, BERLIN)).toBe(true);
		expect(isUnchanged(body, { Birthday: '1980-05-01 02:00:00' }, BERLIN)).toBe(true);
		expect(isUnchanged(body, { Birthday: '1980-05-01T00:00:00' }, BERLIN)).toBe(false);
		expect(isUnchanged(body, { Birthday: '1980-05-01T00:00:00' }, UTC)).toBe(true);
		// A date alone is midnight in the vendor's zone, on both sides.
		expect(
			isUnchanged({ birthdate: '1980-05-01' }, { birthdate: '1980-05-01T00:00:00' }, BERLIN),
		).toBe(true);
		expect(isUnchanged({ birthdate: '1980-05-01' }, { birthdate: '1980-05-02' }, BERLIN)).toBe(
			false,
		);
	});

	it('takes null, an empty text and blanks as the same, but never a value as blank', () => {
		expect(isUnchanged({ Title: null }, { Title: '' }, UTC)).toBe(true);
		expect(isUnchanged({ Title: '' }, { Title: null }, UTC)).toBe(true);
		expect(isUnchanged({ Title: '  ' }, { Title: null }, UTC)).toBe(true);
		expect(paths({ Title: '' }, { Title: 'Dr.' })).toEqual(['Title: differs']);
		expect(paths({ Title: 'Dr.' }, { Title: null })).toEqual(['Title: differs']);
		expect(paths({ IsLocked: false }, { IsLocked: null })).toEqual(['IsLocked: differs']);
	});

	it('compares booleans as booleans, also when one side writes them as text', () => {
		expect(isUnchanged({ IsLocked: false }, { IsLocked: false }, UTC)).toBe(true);
		expect(isUnchanged({ IsLocked: 'true' }, { IsLocked: true }, UTC)).toBe(true);
		expect(paths({ IsLocked: true }, { IsLocked: 1 })).toEqual(['IsLocked: differs']);
		expect(paths({ IsLocked: true }, { IsLocked: false })).toEqual(['IsLocked: differs']);
	});

	it('compares nested objects field by field, only for the fields the body sets', () => {
		const record = {
			Id: 3,
			BillingAddress: { Id: 9, City: 'Kiel', Street: 'Hafenstraße 12', Fax: '' },
			PaymentSettings: { Discount: 3, PaymentTarget: 14 },
		};
		expect(isUnchanged({ BillingAddress: { City: 'Kiel' } }, record, UTC)).toBe(true);
		expect(isUnchanged({ PaymentSettings: { PaymentTarget: '14' } }, record, UTC)).toBe(true);
		expect(paths({ BillingAddress: { City: 'Kiel', Street: 'Hafenstraße 13' } }, record)).toEqual([
			'BillingAddress.Street: differs',
		]);
		// A nested object the record does not have, or holds empty.
		expect(
			paths({ Shipmentaddress: { City: 'Kiel' } }, { ...record, Shipmentaddress: null }),
		).toEqual(['Shipmentaddress.City: not shown']);
	});

	it('counts a field the record does not show as changed, never as equal', () => {
		expect(paths({ EbayUsername: 'shop_42' }, { Id: 1 })).toEqual(['EbayUsername: not shown']);
		expect(paths({ EbayUsername: null }, { Id: 1 })).toEqual(['EbayUsername: not shown']);
		expect(paths({ BillingAddress: { Fax: '' } }, { BillingAddress: { City: 'Kiel' } })).toEqual([
			'BillingAddress.Fax: not shown',
		]);
		expect(paths({ a: { b: 1 } }, { a: 'text' })).toEqual(['a.b: not shown']);
	});

	it('compares lists entry by entry in order, or as sets where the adapter says so', () => {
		expect(isUnchanged({ groups: [1, 2] }, { groups: [1, 2] }, UTC)).toBe(true);
		expect(isUnchanged({ groups: ['1', 2] }, { groups: [1, 2] }, UTC)).toBe(true);
		expect(paths({ groups: [1, 2] }, { groups: [2, 1] })).toEqual([
			'groups[0]: differs',
			'groups[1]: differs',
		]);
		expect(paths({ groups: [1] }, { groups: [1, 2] })).toEqual(['groups: differs']);
		const sets = { ...UTC, unorderedLists: ['groups'] };
		expect(isUnchanged({ groups: ['b', 'a'] }, { groups: ['a', 'b'] }, sets)).toBe(true);
		expect(isUnchanged({ groups: ['a'] }, { groups: ['a', 'b'] }, sets)).toBe(false);
		expect(isUnchanged({ groups: [] }, { groups: [] }, UTC)).toBe(true);
		expect(isUnchanged({ groups: [] }, { groups: null }, UTC)).toBe(true);
		// Lists of objects: each entry field by field.
		const body = { customFields: [{ key: 'color', value: 'Blau ' }] };
		expect(isUnchanged(body, { customFields: [{ id: 7, key: 'color', value: 'Blau' }] }, UTC)).toBe(
			true,
		);
		expect(paths(body, { customFields: [{ id: 7, key: 'color', value: 'Rot' }] })).toEqual([
			'customFields[0].value: differs',
		]);
	});

	it("reads a body path where the system's adapter says the record shows it", () => {
		const rules = {
			...UTC,
			readAt: (path: string[], record: IDataObject) =>
				path.join('.') === 'defaultStoreUid'
					? ((record.defaultStore as IDataObject | null)?.storeUid ?? NOT_SHOWN)
					: path.join('.') === 'secret'
						? NOT_SHOWN
						: undefined,
		};
		const record = { defaultStore: { storeUid: 'store-1', name: 'Oslo' }, secret: 'x' };
		expect(isUnchanged({ defaultStoreUid: 'store-1' }, record, rules)).toBe(true);
		expect(isUnchanged({ defaultStoreUid: 'store-2' }, record, rules)).toBe(false);
		expect(isUnchanged({ defaultStoreUid: 'store-1' }, { defaultStore: null }, rules)).toBe(false);
		expect(isUnchanged({ secret: 'x' }, record, rules)).toBe(false);
	});

	it('has one leaf rule, used with the name of the field', () => {
		expect(sameValue('A@b.de', 'a@B.de', 'EmailAddress', 'UTC')).toBe(true);
		expect(sameValue('A@b.de', 'a@B.de', 'Website', 'UTC')).toBe(false);
	});
});

describe('Skip Unchanged: the option', () => {
	it('is a boolean in the Options collection, on by default', () => {
		expect(skipUnchangedOption()).toMatchObject({
			displayName: 'Skip Unchanged',
			name: 'skipUnchanged',
			type: 'boolean',
			default: true,
		});
	});

	const ctx = (options: IDataObject, typeVersion: number) => {
		const context = mockExecuteContext({ options });
		context.getNode = () => ({ ...testNode, typeVersion });
		return context;
	};

	it('is on for nodes from version 1.1 and off for older ones, unless the option says', () => {
		expect(readSkipUnchanged(ctx({}, 1.1), 0)).toBe(true);
		expect(readSkipUnchanged(ctx({}, 1), 0)).toBe(false);
		expect(readSkipUnchanged(ctx({ skipUnchanged: true }, 1), 0)).toBe(true);
		expect(readSkipUnchanged(ctx({ skipUnchanged: false }, 1.1), 0)).toBe(false);
	});

	it('refuses a value that is not true or false, naming the option and the item', () => {
		expect(() => readSkipUnchanged(ctx({ skipUnchanged: 'maybe' }, 1.1), 0)).toThrow(
			/^Options > Skip Unchanged \(item 0\)/,
		);
	});

	it('marks every output item with unchanged only when the option is on', () => {
		expect(markUnchanged([{ id: '1' }], true, true)).toEqual([{ id: '1', unchanged: true }]);
		expect(markUnchanged([{ id: '1' }], true, false)).toEqual([{ id: '1', unchanged: false }]);
		expect(markUnchanged([{ id: '1' }], false, false)).toEqual([{ id: '1' }]);
	});
});
