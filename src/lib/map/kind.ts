// What a pin's color says, and the one rule for it: the list, the program page, the popup and
// the pin all take a program's kind from kindOf. A program gets one color, for the medication
// that narrows the choice most: methadone is only dispensed by certified opioid treatment
// programs (which mostly offer buprenorphine too), buprenorphine by many prescribers, naltrexone
// by anyone who prescribes. A listing that also says it does not treat opioid use disorder, or
// does not use medication for it, is not shown as offering one: it gets its own color.

export const KINDS = [
	{ kind: 'methadone', label: 'Methadone', color: '#b3400a' },
	{ kind: 'buprenorphine', label: 'Buprenorphine', color: '#1d5c8c' },
	{ kind: 'naltrexone', label: 'Naltrexone only', color: '#0b7a57' },
	{ kind: 'check', label: 'Listing contradicts itself: call to check', color: '#7a3e9d' },
	{ kind: 'other', label: 'No medication listed', color: '#5b636b' }
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

/** A MapLibre `match` expression: the color of a feature's `kind` property. */
export function kindColor(): unknown[] {
	const other = KINDS[KINDS.length - 1]!.color;
	return ['match', ['get', 'kind'], ...KINDS.flatMap((k) => [k.kind, k.color]), other];
}
