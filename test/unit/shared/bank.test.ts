import {
	bicProblem,
	ibanProblem,
	mandateReferenceProblem,
	normaliseIban,
} from '../../../nodes/shared/bank';

describe('IBAN', () => {
	it.each([
		'DE89 3704 0044 0532 0130 00',
		'AT61 1904 3002 3457 3201',
		'CH93 0076 2011 6238 5295 7',
		'GB29 NWBK 6016 1331 9268 19',
		'NL91ABNA0417164300',
	])('accepts %s', (iban) => expect(ibanProblem(normaliseIban(iban))).toBeUndefined());

	it.each([
		['DE89 3704 0044 0532 0130 01', 'has wrong check digits: the IBAN is mistyped'],
		['DE89 3704 0044 0532 0130 0', 'must have 22 characters for DE, not 21'],
		['XX89 3704 0044 0532 0130 00', 'has no IBAN country code: XX is not one'],
		['3704 0044 0532 0130 00', 'must be an IBAN'],
	])('refuses %s', (iban, problem) =>
		expect(ibanProblem(normaliseIban(iban))).toMatch(new RegExp(`^${problem}`)),
	);

	it('normalises spaces, dashes and case', () => {
		expect(normaliseIban(' de89-3704 0044 0532 0130 00 ')).toBe('DE89370400440532013000');
	});
});

describe('BIC and SEPA mandate reference', () => {
	it.each(['COBADEFFXXX', 'DEUTDEFF', 'GENODEF1M04'])('accepts BIC %s', (bic) =>
		expect(bicProblem(bic)).toBeUndefined(),
	);
	it.each(['COBADEF', 'COBA1EFFXXX', 'COBADEFFXX'])('refuses BIC %s', (bic) =>
		expect(bicProblem(bic)).toMatch(/^must be a BIC/),
	);
	it('allows the SEPA character set up to 35 characters', () => {
		expect(mandateReferenceProblem("M-2026/001 (Rahmen), 'A'")).toBeUndefined();
		expect(mandateReferenceProblem('M'.repeat(36))).toMatch(/at most 35/);
		expect(mandateReferenceProblem('Mandat #1')).toMatch(/may hold only/);
	});
});
