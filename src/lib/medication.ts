import { kindOf, type Kind } from './map/kind';

// What SAMHSA's codes say about a program's medications for opioid use disorder, in words: the
// line a result, a popup and a program page show. "Buprenorphine used in treatment" (BU) alone
// does not say the program prescribes it, so the line says what the Type of Opioid Treatment
// codes add (maintenance, detox, prescribes) and, where they add nothing, says that.

export interface MedicationSummary {
	kind: Kind;
	/** One line per medication listed, e.g. "Prescribes buprenorphine". */
	lines: string[];
	/** Accepts clients taking a medication prescribed elsewhere (MOA). */
	elsewhere: boolean;
	/** Set when the listing contradicts itself (NOOP/NMOA beside a medication). */
	contradiction: string | null;
}

/** The Type of Opioid Treatment codes these lines read, beyond MU, BU and NU. */
export const SUMMARY_CODES = ['MM', 'DM', 'UB', 'BUM', 'DB', 'OTP', 'UN', 'MOA', 'NOOP', 'NMOA'];

function methadone(c: ReadonlySet<string>): string {
	if (c.has('MM')) return 'Methadone maintenance';
	if (c.has('DM')) return 'Methadone: detox only';
	return 'Methadone (maintenance or detox not listed)';
}

function buprenorphine(c: ReadonlySet<string>): string {
	if (c.has('UB')) return 'Prescribes buprenorphine';
	if (c.has('BUM')) return 'Buprenorphine maintenance';
	if (c.has('DB')) return 'Buprenorphine: detox only';
	if (c.has('OTP')) return 'Buprenorphine at an opioid treatment program';
	return 'Buprenorphine listed, not coded as prescribed here';
}

function naltrexone(c: ReadonlySet<string>): string {
	return c.has('UN') ? 'Prescribes naltrexone' : 'Naltrexone listed, not coded as prescribed here';
}

const NEGATIONS = [
	['NOOP', 'does not treat opioid use disorders'],
	['NMOA', 'does not use medication for opioid use disorders']
] as const;

export function summarize(codes: ReadonlySet<string>): MedicationSummary {
	const lines = [
		...(codes.has('MU') ? [methadone(codes)] : []),
		...(codes.has('BU') ? [buprenorphine(codes)] : []),
		...(codes.has('NU') ? [naltrexone(codes)] : [])
	];
	const kind = kindOf(codes);
	const said = NEGATIONS.filter(([code]) => codes.has(code)).map(([, words]) => `“${words}”`);
	const contradiction =
		kind === 'check'
			? `SAMHSA’s listing says both ${said.join(' and ')} and that it uses ${lines.length === 1 ? 'a medication' : 'medications'} for it: call to check.`
			: null;
	return { kind, lines, elsewhere: codes.has('MOA'), contradiction };
}
