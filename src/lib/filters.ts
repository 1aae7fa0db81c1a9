// The search filters: groups of options, each option defined by SAMHSA service codes. Options in
// a group are any-of; groups combine as all-of. Map by code, never by label: labels are ours, codes
// are SAMHSA's (db/data/samhsa-service-codes.csv.gz). /about/data prints every definition.
//
// Codes from SAMHSA's mental-health directory (DBT, CFT, FPSY, TBI, PTSD) are not here: the
// dictionary marks them as never used by the substance use directory this app imports. Options
// whose codes no program in the loaded data has are not offered (offered-options.ts).

export type FilterKey =
	| 'scope'
	| 'medication'
	| 'support'
	| 'counseling'
	| 'family'
	| 'credential'
	| 'payment'
	| 'age'
	| 'gender'
	| 'language'
	| 'setting'
	| 'operator'
	| 'group';

export interface FilterOption {
	/** URL slug: /api/facilities?medication=methadone */
	value: string;
	label: string;
	/** A program matches when it has any of these codes (no requirement when empty)… */
	codes: readonly string[];
	/** …and every one of these… */
	all?: readonly string[];
	/** …and none of these. */
	none?: readonly string[];
	help?: string;
}

export interface FilterGroup {
	key: FilterKey;
	label: string;
	options: readonly FilterOption[];
	/** One option at a time, this one when none is given (the scope). */
	single?: { default: string };
}

interface Rule {
	all?: readonly string[];
	none?: readonly string[];
	help?: string;
}

const opt = (
	value: string,
	label: string,
	codes: string | readonly string[],
	rule?: string | Rule
): FilterOption => {
	const { help, all, none } = typeof rule === 'string' ? { help: rule } : (rule ?? {});
	return {
		value,
		label,
		codes: typeof codes === 'string' ? [codes] : codes,
		...(all ? { all } : {}),
		...(none ? { none } : {}),
		...(help ? { help } : {})
	};
};

/** The three medications for opioid use disorder, as SAMHSA codes them ("used in treatment"). */
export const MOUD_CODES = ['MU', 'BU', 'NU'] as const;

/** Buprenorphine given here: prescribed, maintained, detox with it, or dispensed by an OTP. */
const BUP_HERE = ['UB', 'BUM', 'DB', 'OTP'];

export const AGE_CODES = ['CHLD', 'YAD', 'ADLT', 'SNR'] as const;

export const FILTER_GROUPS: readonly FilterGroup[] = [
	{
		key: 'scope',
		label: 'Programs shown',
		single: { default: 'medication' },
		options: [
			opt('medication', 'Offer a medication for opioid use disorder here', MOUD_CODES, {
				help: 'Programs that list methadone, buprenorphine or naltrexone (MU, BU, NU).'
			}),
			opt('supports', 'Also programs that support people taking it', [...MOUD_CODES, 'MOA'], {
				help: 'Adds programs that list none of the three but accept clients who take a medication prescribed elsewhere (MOA).'
			}),
			opt('all', 'All substance use programs', [])
		]
	},
	{
		key: 'medication',
		label: 'Medications',
		options: [
			opt('methadone', 'Methadone maintenance', 'MM', {
				help: 'A daily dose, usually a liquid, from a federally certified opioid treatment program (a clinic), continued for months or years. At first most doses are taken at the clinic; more take-home doses follow as treatment goes on. It eases withdrawal and cravings.'
			}),
			opt('methadone-detox', 'Methadone detox only', 'DM', {
				none: ['MM'],
				help: 'Methadone for a short, tapering withdrawal, with no maintenance listed. Few programs offer only this.'
			}),
			opt('buprenorphine', 'Prescribes or dispenses buprenorphine', BUP_HERE, {
				all: ['BU'],
				help: 'Buprenorphine started and prescribed here (or dispensed by an opioid treatment program): usually a film or tablet under the tongue taken at home, often combined with naloxone, or a weekly or monthly injection given by a clinician. It eases withdrawal and cravings.'
			}),
			opt('prescribed-elsewhere', 'Accepts clients on medication prescribed elsewhere', 'MOA', {
				help: 'The program continues your care while someone else (your doctor or another clinic) prescribes the medication.'
			}),
			opt('naltrexone', 'Prescribes naltrexone', 'UN', {
				help: 'Started after detox (usually 7 to 10 days without opioids): a daily pill or a monthly injection. It blocks the effect of opioids and causes no physical dependence.'
			}),
			opt('all-three', 'Offers all three medications', BUP_HERE, {
				all: ['MM', 'BU', 'UN'],
				help: 'Methadone maintenance, buprenorphine prescribed or dispensed here, and naltrexone prescribed here.'
			}),
			opt('opioid-detox', 'Opioid detox (medically supervised withdrawal)', 'ODTX', {
				help: 'Help through withdrawal from opioids under medical care, usually over days. On its own it is not a medication treatment: ask what follows it.'
			}),
			opt('otp', 'Federally certified opioid treatment program (OTP)', 'OTP', {
				help: 'The only kind of program that may dispense methadone for opioid use disorder.'
			}),
			opt('bup-naloxone', 'Buprenorphine with naloxone', 'BWN'),
			opt('bup-mono', 'Buprenorphine without naloxone', 'BWON'),
			opt('bup-injection', 'Buprenorphine, extended-release injection', 'BERI'),
			opt('bup-implant', 'Buprenorphine implant', 'BSDM'),
			opt('naltrexone-oral', 'Naltrexone pill', 'NXN'),
			opt('naltrexone-injection', 'Naltrexone, extended-release injection', 'VTRL'),
			opt('oud-only', 'Only for people with opioid use disorder', 'OUDO')
		]
	},
	{
		key: 'support',
		label: 'Support services',
		options: [
			opt('case-management', 'Case management', 'CM', {
				help: 'A case manager helps arrange the other things you need, such as benefits, housing or medical care, and checks in on how it is going.'
			}),
			opt('peer-support', 'Mentoring or peer support', 'PEER', {
				help: 'Support from someone who has been through addiction and recovery themselves.'
			}),
			opt('recovery-coach', 'Recovery coach', 'RC'),
			opt('housing', 'Housing services', 'HS', {
				help: 'Help finding and keeping a place to live.'
			}),
			opt('employment', 'Employment counseling or training', 'EMP'),
			opt('transportation', 'Transportation assistance', 'TA', {
				help: 'Help getting to appointments, such as rides or bus passes: it matters for daily methadone doses.'
			}),
			opt('naloxone', 'Naloxone and overdose education', 'NOE', {
				help: 'Naloxone (Narcan) reverses an opioid overdose; the program gives it out and teaches how to use it.'
			}),
			opt('hiv-testing', 'HIV testing', 'HIVT'),
			opt('hepatitis-testing', 'Hepatitis B or C testing', ['HBT', 'HCT']),
			opt('hiv-medication', 'Medications for HIV', 'MHIV'),
			opt('hepatitis-c-medication', 'Medications for hepatitis C', 'MHCV')
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
				'A structured talking therapy that helps a person notice the thoughts and situations that lead to use and practice other ways of responding.'
			),
			opt('motivational-interviewing', 'Motivational interviewing', 'MOTI'),
			opt(
				'contingency-management',
				'Contingency management',
				'CMI',
				'Small rewards, such as vouchers, given for goals that can be checked, like a negative drug test. It is among the best-supported treatments for stimulant use.'
			),
			opt('trauma', 'Trauma-related counseling', 'TRC'),
			opt('twelve-step', '12-step facilitation', 'TWFA'),
			opt('relapse-prevention', 'Relapse prevention', 'RELP')
		]
	},
	{
		key: 'family',
		label: 'Family support',
		options: [
			opt('child-care', 'Child care for clients’ children', 'CCC'),
			opt('children-beds', 'Residential beds for clients’ children', 'BC'),
			opt('domestic-violence', 'Domestic violence services, including family or partner', 'DVFP')
		]
	},
	{
		key: 'credential',
		label: 'Licenses and accreditation',
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
			opt('children', 'Children and adolescents (17 or younger)', 'CHLD'),
			opt('young-adults', 'Young adults (18–25)', 'YAD'),
			opt('adults', 'Adults (26–64)', 'ADLT'),
			opt('seniors', 'Seniors (65 or older)', 'SNR'),
			opt('not-listed', 'Programs that list no ages', [], {
				none: AGE_CODES,
				help: 'SAMHSA’s listing for these programs names no age group. They may well accept you: call to ask.'
			})
		]
	},
	{
		key: 'gender',
		label: 'Gender accepted',
		options: [opt('female', 'Women', 'FEM'), opt('male', 'Men', 'MALE')]
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
			opt(
				'telehealth',
				'Telehealth',
				'TELE',
				'Appointments by video or phone: a program anywhere in your state may be able to see you.'
			)
		]
	},
	{
		key: 'operator',
		label: 'Run by',
		options: [
			opt('va', 'U.S. Department of Veterans Affairs', 'VAMC'),
			opt('tribal', 'A tribal government', 'TBG'),
			opt('ihs', 'Indian Health Service', 'IH')
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
			opt('dui', 'DUI/DWI clients', 'DU')
		]
	}
];

export const FILTER_KEYS = FILTER_GROUPS.map((g) => g.key);

/** Codes no option filters by that results still need: a record contradicting its medications. */
export const CONTRADICTION_CODES = ['NOOP', 'NMOA'] as const;

/** Every code the filters and results use, once each, in a fixed order (bit positions of bitsets). */
export const FILTER_CODES: readonly string[] = [
	...new Set([
		...FILTER_GROUPS.flatMap((g) =>
			g.options.flatMap((o) => [...o.codes, ...(o.all ?? []), ...(o.none ?? [])])
		),
		...CONTRADICTION_CODES
	])
];

/**
 * URL values that moved when each code got one home (key=value → key=value): old links keep
 * their meaning.
 */
export const FILTER_ALIASES: Readonly<Record<string, readonly [FilterKey, string]>> = {
	'counseling=telehealth': ['setting', 'telehealth'],
	'family=family-counseling': ['counseling', 'family'],
	'family=military-families': ['group', 'military-families'],
	'family=pregnant': ['group', 'pregnant']
};

/**
 * URL values of options that are gone because their codes belong to SAMHSA's mental-health
 * directory and never matched a program here: an old link with one still opens, without it.
 */
export const RETIRED_VALUES: ReadonlySet<string> = new Set([
	'counseling=dbt',
	'family=family-therapy',
	'family=psychoeducation',
	'group=tbi',
	'group=ptsd'
]);

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
/** The selection with each one-choice group's default (the scope) where none is chosen. */
export function withDefaults(selection: FilterSelection): FilterSelection {
	const filled: FilterSelection = { ...selection };
	for (const group of FILTER_GROUPS) {
		if (group.single) filled[group.key] ??= [group.single.default];
	}
	return filled;
}

export function selectedGroups(selection: FilterSelection): SelectedGroup[] {
	return FILTER_GROUPS.flatMap((group) => {
		const values = selection[group.key] ?? [];
		const options = group.options.filter((o) => values.includes(o.value));
		// An option every program meets makes its group no condition at all.
		return options.length && !options.some(matchesEverything) ? [{ group, options }] : [];
	});
}

/**
 * True when every program `option` matches also meets `target`, from their definitions alone:
 * `option` requires one of `target`'s codes, or has only codes `target` accepts.
 */
function optionImplies(option: FilterOption, target: FilterOption): boolean {
	if (option === target) return true;
	if (target.all?.length || target.none?.length) return false;
	const accepted = new Set(target.codes);
	return (
		(option.all ?? []).some((c) => accepted.has(c)) ||
		(option.codes.length > 0 && option.codes.every((c) => accepted.has(c)))
	);
}

/** Every option chosen in `group` implies one chosen in `target` (a group is any of its options). */
const groupImplies = (group: SelectedGroup, target: SelectedGroup) =>
	group.options.every((o) => target.options.some((t) => optionImplies(o, t)));

/**
 * The groups without those another kept group implies: the default scope "offers a medication"
 * (MU, BU or NU) once "prescribes or dispenses buprenorphine" (which requires BU) is chosen. The
 * same programs match; the database tests one condition fewer per row.
 */
export function withoutImplied(groups: readonly SelectedGroup[]): SelectedGroup[] {
	const kept = [...groups];
	for (const group of groups) {
		if (kept.some((other) => other !== group && groupImplies(other, group)))
			kept.splice(kept.indexOf(group), 1);
	}
	return kept;
}

/** True when a program with these codes satisfies the option. */
export function optionMatches(option: FilterOption, codes: ReadonlySet<string>): boolean {
	return (
		(option.codes.length === 0 || option.codes.some((c) => codes.has(c))) &&
		(option.all ?? []).every((c) => codes.has(c)) &&
		!(option.none ?? []).some((c) => codes.has(c))
	);
}

/** An option any program meets (scope=all): no condition to send to the database. */
export const matchesEverything = (option: FilterOption) =>
	option.codes.length === 0 && !option.all?.length && !option.none?.length;

/** Every code an option's definition names, for the page that prints the definitions. */
export const codesOfOption = (option: FilterOption) => [
	...option.codes,
	...(option.all ?? []),
	...(option.none ?? [])
];

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
