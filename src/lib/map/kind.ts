// What a pin's colour says, and the one rule for it: the list, the program page, the popup and
// the pin all take a program's kind from kindOf. A program gets one colour, for the medication
// that narrows the choice most: methadone is only dispensed by certified opioid treatment
// programs (which mostly offer buprenorphine too), buprenorphine by many prescribers, naltrexone
// by anyone who prescribes. A listing that also says it does not treat opioid use disorder, or
// does not use medication for it, is not shown as offering one: it gets its own colour.

export const KINDS = [
	{ kind: 'methadone', label: 'Methadone', colour: '#b3400a' },
	{ kind: 'buprenorphine', label: 'Buprenorphine', colour: '#1d5c8c' },
	{ kind: 'naltrexone', label: 'Naltrexone only', colour: '#0b7a57' },
	{ kind: 'check', label: 'Listing contradicts itself: call to check', colour: '#7a3e9d' },
	{ kind: 'other', label: 'No medication listed', colour: '#5b636b' }
] as const;

export type Kind = (typeof KINDS)[number]['kind'];

/** The codes kindOf reads: all a map point needs to carry. */
export const KIND_CODES = ['MU', 'BU', 'NU', 'NOOP', 'NMOA'] as const;

export function kindOf(codes: ReadonlySet<string>): Kind {
	const methadone = codes.has('MU');
	const buprenorphine = codes.has('BU');
	const naltrexone = codes.has('NU');
	if (!methadone && !buprenorphine && !naltrexone) return 'other';
	if (codes.has('NOOP') || codes.has('NMOA')) return 'check';
	if (methadone) return 'methadone';
	return buprenorphine ? 'buprenorphine' : 'naltrexone';
}

/** A MapLibre `match` expression: the colour of a feature's `kind` property. */
export function kindColour(): unknown[] {
	const other = KINDS[KINDS.length - 1]!.colour;
	return ['match', ['get', 'kind'], ...KINDS.flatMap((k) => [k.kind, k.colour]), other];
}
