import type { NodeOperationError } from 'n8n-workflow';

import type { FieldSpec } from '../../../nodes/shared/fieldSpecs';
import { readField, toIsoDateTime } from '../../../nodes/shared/fieldSpecs';
import { mockExecuteContext } from '../../harness/mockContext';

const birthday: FieldSpec = {
	name: 'birthday',
	displayName: 'Birthday',
	kind: 'dateTime',
	description: 'Date of birth',
};
const country: FieldSpec = {
	name: 'countryIso',
	displayName: 'Country Code',
	kind: 'country',
	description: 'Country',
};

const read = (spec: FieldSpec, value: unknown, itemIndex = 0) =>
	readField(
		mockExecuteContext([{ [spec.name]: value }, { [spec.name]: value }]),
		spec,
		spec.name,
		itemIndex,
	);

const refusal = (spec: FieldSpec, value: unknown, itemIndex = 0): NodeOperationError => {
	try {
		read(spec, value, itemIndex);
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error(`${JSON.stringify(value)} was accepted`);
};

describe('dateTime fields go out as full ISO 8601 date-times with an offset', () => {
	it.each([
		['1980-05-01T00:00:00', '1980-05-01T00:00:00.000Z'],
		['1980-05-01', '1980-05-01T00:00:00.000Z'],
		['1980-05-01T00:00:00Z', '1980-05-01T00:00:00.000Z'],
		['2026-03-01T10:00:00+02:00', '2026-03-01T08:00:00.000Z'],
		['2026-03-01T10:00:00.123456Z', '2026-03-01T10:00:00.123Z'],
	])('%s → %s', (given, sent) => {
		expect(read(birthday, given)).toBe(sent);
		// What the spec's date-time format needs: a date, a time and an offset.
		expect(String(read(birthday, given))).toMatch(
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
		);
	});

	it.each(['someday', '2026-02-30', '2026-13-01', '01.05.1980', ''])(
		'refuses %j naming the field and the item',
		(value) => {
			expect(refusal(birthday, value, 1).message).toBe(
				'Birthday (item 1) must be a date and time such as 2026-03-01T00:00:00Z',
			);
		},
	);

	it('reads an offset-less value as UTC whatever the server time zone', () => {
		expect(toIsoDateTime('2026-07-01T12:30:00')).toBe('2026-07-01T12:30:00.000Z');
	});
});

describe('country fields take exactly two letters', () => {
	it('sends the code in upper case', () => {
		expect(read(country, 'de')).toBe('DE');
		expect(read(country, ' AT ')).toBe('AT');
	});

	it.each(['DEU', 'D', 'D1', '', 49])('refuses %j naming the field and the item', (value) => {
		const error = refusal(country, value, 1);
		expect(error.message).toMatch(/^Country Code \(item 1\) must be /);
		if (typeof value === 'string' && value !== '')
			expect(error.message).toBe(
				'Country Code (item 1) must be a two-letter ISO 3166 country code such as DE',
			);
	});
});
