// The search filters: groups of options, each option mapped to SAMHSA service codes. Options in a
// group are any-of; groups combine as all-of. Map by code, never by label: labels are ours, codes
// are SAMHSA's (db/data/samhsa-service-codes.csv.gz).

export type FilterKey =
	| 'medication'
	| 'counseling'
	| 'family'
	| 'credential'
	| 'payment'
	| 'age'
	| 'language'
	| 'setting'
	| 'group';

export interface FilterOption {
	/** URL slug: /api/facilities?medication=methadone */
	value: string;
	label: string;
	/** A program matches when it has any of these codes (or all of them, with `all`). */
	codes: readonly string[];
	all?: boolean;
	help?: string;
}

export interface FilterGroup {
	key: FilterKey;
	label: string;
	options: readonly FilterOption[];
}

const opt = (value: string, label: string, codes: string | readonly string[], help?: string) => ({
	value,
	label,
	codes: typeof codes === 'string' ? [codes] : codes,
	...(help ? { help } : {})
});

export const FILTER_GROUPS: readonly FilterGroup[] = [
	{
		key: 'medication',
		label: 'Medications',
		options: [
			opt(
				'methadone',
				'Methadone',
				'MU',
				'A daily dose, usually a liquid, from a federally certified opioid treatment program (a clinic). At first most doses are taken at the clinic; more take-home doses follow as treatment goes on. It eases withdrawal and cravings.'
			),
			opt(
				'buprenorphine',
				'Buprenorphine',
				'BU',
				'Prescribed by a doctor, nurse practitioner or clinic: usually a film or tablet under the tongue taken at home, often combined with naloxone, or a weekly or monthly injection given by a clinician. It eases withdrawal and cravings.'
			),
			opt(
				'naltrexone',
				'Naltrexone',
				'NU',
				'Started after detox (usually 7 to 10 days without opioids): a daily pill or a monthly injection. It blocks the effect of opioids and causes no physical dependence.'
			),
			{
				value: 'all-three',
				label: 'Offers all three medications',
				codes: ['MU', 'BU', 'NU'],
				all: true
			},
			opt('otp', 'Federally certified opioid treatment program (OTP)', 'OTP'),
			opt('bup-naloxone', 'Buprenorphine with naloxone', 'BWN'),
			opt('bup-mono', 'Buprenorphine without naloxone', 'BWON'),
			opt('bup-injection', 'Buprenorphine, extended-release injection', 'BERI'),
			opt('bup-implant', 'Buprenorphine implant', 'BSDM'),
			opt('naltrexone-oral', 'Naltrexone pill', 'NXN'),
			opt('naltrexone-injection', 'Naltrexone, extended-release injection', 'VTRL')
		]
	},
	{
		key: 'counseling',
		label: 'Counseling',
		options: [
			opt('individual', 'Individual counseling', 'ICO'),
			opt('group', 'Group counseling', 'GCO'),
			opt('family', 'Family counseling', 'FCO'),
			opt('couples', 'Marital or couples counseling', 'MCO'),
			opt(
				'cbt',
				'Cognitive behavioral therapy (CBT)',
				'CBT',
				'A structured talking therapy that helps a person notice the thoughts and situations that lead to use and practise other ways of responding.'
			),
			opt('dbt', 'Dialectical behavior therapy (DBT)', 'DBT'),
			opt('motivational-interviewing', 'Motivational interviewing', 'MOTI'),
			opt(
				'contingency-management',
				'Contingency management',
				'CMI',
				'Small rewards, such as vouchers, given for goals that can be checked, like a negative drug test. It is among the best-supported treatments for stimulant use.'
			),
			opt('trauma', 'Trauma-related counseling', 'TRC'),
			opt('twelve-step', '12-step facilitation', 'TWFA'),
			opt('relapse-prevention', 'Relapse prevention', 'RELP'),
			opt('telehealth', 'Telehealth therapy', 'TELE')
		]
	},
	{
		key: 'family',
		label: 'Family support',
		options: [
			opt('family-counseling', 'Family counseling', 'FCO'),
			opt('family-therapy', 'Couples or family therapy', 'CFT'),
			opt('psychoeducation', 'Family psychoeducation', 'FPSY'),
			opt('child-care', 'Child care for clients’ children', 'CCC'),
			opt('children-beds', 'Residential beds for clients’ children', 'BC'),
			opt('domestic-violence', 'Domestic violence services, including family or partner', 'DVFP'),
			opt('military-families', 'Members of military families', 'MF'),
			opt('pregnant', 'Pregnant or postpartum women', 'PW')
		]
	},
	{
		key: 'credential',
		label: 'Licences and accreditation',
		options: [
			opt('joint-commission', 'The Joint Commission', 'JC'),
			opt('carf', 'CARF', 'CARF'),
			opt('coa', 'Council on Accreditation (COA)', 'COA'),
			opt('ncqa', 'NCQA', 'NCQA'),
			opt('hfap', 'Healthcare Facilities Accreditation Program (HFAP)', 'HFAP'),
			opt('state-substance-use', 'State substance use treatment agency', 'STAG'),
			opt('state-mental-health', 'State mental health department', 'STMH'),
			opt('state-health', 'State department of health', 'STDH'),
			opt('hospital-licence', 'Hospital licensing authority', 'HLA'),
			opt('samhsa-otp', 'SAMHSA certification as an opioid treatment program', 'SOTP'),
			opt('dea', 'DEA registration', 'DEA'),
			opt('fqhc', 'Federally Qualified Health Center', 'FQHC')
		]
	},
	{
		key: 'payment',
		label: 'Payment',
		options: [
			opt('medicaid', 'Medicaid', 'MD'),
			opt('medicare', 'Medicare', 'MC'),
			opt('private-insurance', 'Private health insurance', 'PI'),
			opt('cash', 'Cash or self-payment', 'SF'),
			opt('sliding-fee', 'Sliding fee scale', 'SS'),
			opt('payment-assistance', 'Payment assistance', 'PA'),
			opt('military-insurance', 'Military insurance (e.g. TRICARE)', 'MI'),
			opt('ihs-tribal', 'IHS, tribal or urban Indian health funds', 'ITU'),
			opt('state-plan', 'State-financed health plan other than Medicaid', 'SI'),
			opt('no-payment', 'No payment accepted (free)', 'NP')
		]
	},
	{
		key: 'age',
		label: 'Ages accepted',
		options: [
			opt('children', 'Children and adolescents', 'CHLD'),
			opt('young-adults', 'Young adults', 'YAD'),
			opt('adults', 'Adults', 'ADLT'),
			opt('seniors', 'Seniors', 'SNR')
		]
	},
	{
		key: 'language',
		label: 'Languages',
		options: [
			opt('spanish', 'Spanish', 'SP'),
			opt('sign-language', 'Sign language', 'AH'),
			opt('american-indian', 'American Indian or Alaska Native languages', [
				'NX',
				'N13',
				'N18',
				'N23',
				'N24',
				'N40'
			]),
			opt('arabic', 'Arabic', 'F4'),
			opt('chinese', 'Chinese', 'F17'),
			opt('creole', 'Creole', 'F19'),
			opt('farsi', 'Farsi', 'F25'),
			opt('french', 'French', 'F28'),
			opt('german', 'German', 'F30'),
			opt('greek', 'Greek', 'F31'),
			opt('hebrew', 'Hebrew', 'F35'),
			opt('hindi', 'Hindi', 'F36'),
			opt('hmong', 'Hmong', 'F37'),
			opt('italian', 'Italian', 'F42'),
			opt('japanese', 'Japanese', 'F43'),
			opt('korean', 'Korean', 'F47'),
			opt('polish', 'Polish', 'F66'),
			opt('portuguese', 'Portuguese', 'F67'),
			opt('russian', 'Russian', 'F70'),
			opt('tagalog', 'Tagalog', 'F81'),
			opt('vietnamese', 'Vietnamese', 'F92')
		]
	},
	{
		key: 'setting',
		label: 'Setting',
		options: [
			opt('outpatient', 'Outpatient', 'OP'),
			opt('intensive-outpatient', 'Intensive outpatient', 'OIT'),
			opt('residential', 'Residential', 'RES'),
			opt('hospital-inpatient', 'Hospital inpatient', 'HI'),
			opt('telehealth', 'Telehealth', 'TELE')
		]
	},
	{
		key: 'group',
		label: 'Programs for',
		options: [
			opt('veterans', 'Veterans', 'VET'),
			opt('active-military', 'Active duty military', 'ADM'),
			opt('military-families', 'Military families', 'MF'),
			opt('adolescents', 'Adolescents', 'AD'),
			opt('young-adults', 'Young adults', 'TAY'),
			opt('women', 'Adult women', 'WN'),
			opt('pregnant', 'Pregnant or postpartum women', 'PW'),
			opt('men', 'Adult men', 'MN'),
			opt('seniors', 'Seniors or older adults', 'SE'),
			opt('lgbtq', 'LGBTQ+ people', 'GL'),
			opt('criminal-justice', 'Criminal justice clients', 'CJ'),
			opt('co-occurring', 'Co-occurring mental and substance use disorders', 'CO'),
			opt('pain', 'Co-occurring pain and substance use', 'COPSU'),
			opt('hiv', 'People with HIV or AIDS', 'HV'),
			opt('sexual-abuse', 'People who have experienced sexual abuse', 'XA'),
			opt('domestic-violence', 'People who have experienced intimate partner violence', 'DV'),
			opt('trauma', 'People who have experienced trauma', 'TRMA'),
			opt('tbi', 'People with traumatic brain injury', 'TBI'),
			opt('ptsd', 'People with PTSD', 'PTSD'),
			opt('dui', 'DUI/DWI clients', 'DU')
		]
	}
];

export const FILTER_KEYS = FILTER_GROUPS.map((g) => g.key);

/** Every code some filter option uses, once each, in a fixed order (bit positions of bitsets). */
export const FILTER_CODES: readonly string[] = [
	...new Set(FILTER_GROUPS.flatMap((g) => g.options.flatMap((o) => o.codes)))
];

const byKey = new Map(FILTER_GROUPS.map((g) => [g.key, g]));

export function filterGroup(key: string): FilterGroup | undefined {
	return byKey.get(key as FilterKey);
}

export function filterOption(key: string, value: string): FilterOption | undefined {
	return byKey.get(key as FilterKey)?.options.find((o) => o.value === value);
}

/** Selected option values per group, in the order of FILTER_GROUPS; empty groups omitted. */
export type FilterSelection = Partial<Record<FilterKey, string[]>>;

export interface SelectedGroup {
	group: FilterGroup;
	options: FilterOption[];
}

/** The selection as option objects, dropping values that are not options. */
export function selectedGroups(selection: FilterSelection): SelectedGroup[] {
	return FILTER_GROUPS.flatMap((group) => {
		const values = selection[group.key] ?? [];
		const options = group.options.filter((o) => values.includes(o.value));
		return options.length ? [{ group, options }] : [];
	});
}

/** True when a program with these codes satisfies the option. */
export function optionMatches(option: FilterOption, codes: ReadonlySet<string>): boolean {
	return option.all
		? option.codes.every((c) => codes.has(c))
		: option.codes.some((c) => codes.has(c));
}

/** The medications a program offers, for the at-a-glance line of a result. */
export const MEDICATIONS = [
	{ value: 'methadone', label: 'Methadone', code: 'MU' },
	{ value: 'buprenorphine', label: 'Buprenorphine', code: 'BU' },
	{ value: 'naltrexone', label: 'Naltrexone', code: 'NU' }
] as const;

export type Medication = (typeof MEDICATIONS)[number]['value'];

export function medicationsOf(codes: ReadonlySet<string>): Medication[] {
	return MEDICATIONS.filter((m) => codes.has(m.code)).map((m) => m.value);
}
