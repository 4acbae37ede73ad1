/**
 * Bank account identifiers as the banking standards define them: the IBAN (ISO 13616, with its
 * mod-97 check digits and each country's fixed length) and the BIC (ISO 9362). A node checks them
 * before any request, so a mistyped IBAN stops the item instead of reaching the ERP.
 */

/** IBAN lengths by country, from the SWIFT IBAN registry. */
const IBAN_LENGTHS: Record<string, number> = Object.fromEntries(
	(
		'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 ' +
		'DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 ' +
		'IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 ' +
		'MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 ' +
		'SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30'
	)
		.split(' ')
		.map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

/** An IBAN as it is stored: spaces removed, letters in upper case. */
export function normaliseIban(value: string): string {
	return value.replace(/[\s-]+/g, '').toUpperCase();
}

/** The remainder of a long digit string modulo 97, in chunks (ISO 7064 MOD 97-10). */
function mod97(digits: string): number {
	let rest = 0;
	for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
	return rest;
}

/**
 * Why `value` is not a valid IBAN (already normalised), or undefined when it is: two letters of a
 * country, two check digits, the country's length, and check digits that compute.
 */
export function ibanProblem(iban: string): string | undefined {
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban))
		return 'must be an IBAN: a country code, two check digits and the account, such as DE89 3704 0044 0532 0130 00';
	const length = IBAN_LENGTHS[iban.slice(0, 2)];
	if (length === undefined) return `has no IBAN country code: ${iban.slice(0, 2)} is not one`;
	if (iban.length !== length)
		return `must have ${length} characters for ${iban.slice(0, 2)}, not ${iban.length}`;
	const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`;
	const digits = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
	if (mod97(digits) !== 1) return 'has wrong check digits: the IBAN is mistyped';
	return undefined;
}

/** Why `value` (upper case, no spaces) is not a BIC, or undefined when it is one (8 or 11 characters). */
export function bicProblem(bic: string): string | undefined {
	if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic))
		return 'must be a BIC of 8 or 11 characters: bank (4 letters), country (2 letters), location (2) and an optional branch (3), such as COBADEFFXXX';
	return undefined;
}

/**
 * Why `value` is not a SEPA mandate reference, or undefined: at most 35 characters of the set the
 * SEPA rulebook allows (letters, digits, space and + ? / - : ( ) . , ').
 */
export function mandateReferenceProblem(value: string): string | undefined {
	if (value.length > 35) return 'must be at most 35 characters (the SEPA limit)';
	if (!/^[A-Za-z0-9+?/\-:().,' ]+$/.test(value))
		return "may hold only letters, digits, spaces and + ? / - : ( ) . , '";
	return undefined;
}
