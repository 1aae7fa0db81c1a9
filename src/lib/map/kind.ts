// What a pin's colour says. A program gets one colour, for the medication that narrows the
// choice most: methadone is only dispensed by certified opioid treatment programs (which mostly
// offer buprenorphine too), buprenorphine by many prescribers, naltrexone by anyone who
// prescribes. The popup and the list name every medication a program lists.

export const KINDS = [
	{ kind: 'methadone', label: 'Methadone (opioid treatment program)', colour: '#b3400a' },
	{ kind: 'buprenorphine', label: 'Buprenorphine', colour: '#1d5c8c' },
	{ kind: 'naltrexone', label: 'Naltrexone only', colour: '#0b7a57' },
	{ kind: 'other', label: 'No medication listed', colour: '#5b636b' }
] as const;

export type Kind = (typeof KINDS)[number]['kind'];

export interface MedicationFlags {
	methadone: boolean;
	buprenorphine: boolean;
	naltrexone: boolean;
	/** A federally certified opioid treatment program: methadone, even if the code is missing. */
	otp: boolean;
}

export function classify(m: MedicationFlags): Kind {
	if (m.methadone || m.otp) return 'methadone';
	if (m.buprenorphine) return 'buprenorphine';
	if (m.naltrexone) return 'naltrexone';
	return 'other';
}

/** A MapLibre `match` expression: the colour of a feature's `kind` property. */
export function kindColour(): unknown[] {
	const other = KINDS[KINDS.length - 1]!.colour;
	return ['match', ['get', 'kind'], ...KINDS.flatMap((k) => [k.kind, k.colour]), other];
}
