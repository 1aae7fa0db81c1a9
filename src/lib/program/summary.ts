// The facts at the top of a program page, read from SAMHSA's codes with the search filters'
// labels (filters.ts), so a page says "Medicaid" where the filter said "Medicaid". A fact the
// codes do not give is "not listed": never guessed.
import { filterGroup, optionMatches, type FilterKey } from '../filters';

function labelsOf(key: FilterKey, codes: ReadonlySet<string>, skip: readonly string[] = []) {
	return (filterGroup(key)?.options ?? [])
		.filter((o) => o.codes.length > 0 && !skip.includes(o.value) && optionMatches(o, codes))
		.map((o) => o.label);
}

export interface MedicationForms {
	medication: 'methadone' | 'buprenorphine' | 'naltrexone';
	forms: string[];
}

// Each form only where its own code says so.
const FORMS: Record<MedicationForms['medication'], readonly (readonly [string, string])[]> = {
	methadone: [['OTP', 'at a certified opioid treatment program (doses given at the clinic)']],
	buprenorphine: [
		['UB', 'prescribed here'],
		['BWN', 'with naloxone (film or tablet)'],
		['BWON', 'without naloxone'],
		['BERI', 'extended-release injection'],
		['BSDM', 'implant']
	],
	naltrexone: [
		['NXN', 'pill'],
		['VTRL', 'monthly extended-release injection']
	]
};

const MEDICATION_CODE = { methadone: 'MU', buprenorphine: 'BU', naltrexone: 'NU' } as const;

export function medicationForms(codes: ReadonlySet<string>): MedicationForms[] {
	return (Object.keys(FORMS) as MedicationForms['medication'][]).flatMap((medication) => {
		const forms = FORMS[medication].filter(([code]) => codes.has(code)).map(([, words]) => words);
		return codes.has(MEDICATION_CODE[medication]) && forms.length ? [{ medication, forms }] : [];
	});
}

export interface ProgramFacts {
	payment: string[];
	ages: string[];
	genders: string[];
	languages: string[];
	settings: string[];
	telehealth: boolean;
}

export function programFacts(codes: ReadonlySet<string>): ProgramFacts {
	return {
		payment: labelsOf('payment', codes),
		ages: labelsOf('age', codes),
		genders: labelsOf('gender', codes),
		// "Other languages" (FX) says more are spoken without saying which.
		languages: [...labelsOf('language', codes), ...(codes.has('FX') ? ['Other languages'] : [])],
		settings: labelsOf('setting', codes, ['telehealth']),
		telehealth: codes.has('TELE')
	};
}
