// "All services" on a program page, in groups of our own wording rather than the survey's
// headings ("Service Setting (e.g., Outpatient, Residential, Inpatient, etc.)"). A code goes to a
// group by its dictionary category, or by its own code where the category would mislead
// (telehealth sits among SAMHSA's treatment approaches; naloxone among transitional services).

export interface ServiceCategory {
	id: string;
	label: string;
	/** SAMHSA dictionary category codes (db/data/samhsa-service-codes.csv.gz) this group takes. */
	categories: readonly string[];
	/** Service codes this group takes whatever their dictionary category. */
	codes?: readonly string[];
	/** Service codes of those categories that belong to another group. */
	except?: readonly string[];
}

export const SERVICE_CATEGORIES: readonly ServiceCategory[] = [
	{
		id: 'medications',
		label: 'Medications',
		categories: ['OM', 'OT', 'OMSC', 'PHR', 'AUT', 'SMAT']
	},
	{
		id: 'setting',
		label: 'Setting and type of care',
		categories: ['TC', 'SET', 'HOSP', 'FT'],
		codes: ['TELE']
	},
	{
		id: 'counseling',
		label: 'Counseling and therapy',
		categories: ['TAP', 'ECS'],
		except: ['TELE']
	},
	{
		id: 'medical',
		label: 'Assessment, testing, detox and medical care',
		categories: ['ASPT', 'SCR', 'DETOX', 'MSRV', 'EMS']
	},
	{
		id: 'support',
		label: 'Support services',
		categories: ['RSS', 'TRSRV', 'AS']
	},
	{ id: 'payment', label: 'Payment', categories: ['PAY', 'PYAS'] },
	{ id: 'serves', label: 'Who it serves', categories: ['AGE', 'GN', 'SG', 'EXCL'] },
	{ id: 'languages', label: 'Languages', categories: ['SL', 'OL', 'AIL'] },
	{
		id: 'operator',
		label: 'Run by, licenses and accreditation',
		categories: ['FOP', 'LCA']
	},
	{ id: 'other', label: 'Other', categories: ['OTHR', 'SMP', 'FVP'] }
];

const OTHER = SERVICE_CATEGORIES.at(-1)!;

/** Every group that claims the code: exactly one for each dictionary entry (categories.test.ts). */
export function categoriesClaiming(code: string, categoryCode: string | null): ServiceCategory[] {
	return SERVICE_CATEGORIES.filter((c) =>
		c.codes?.includes(code)
			? true
			: categoryCode !== null &&
				c.categories.includes(categoryCode) &&
				!(c.except ?? []).includes(code) &&
				!SERVICE_CATEGORIES.some((o) => o !== c && o.codes?.includes(code))
	);
}

/** The group a code is shown in; a code the dictionary does not know goes to "Other". */
export function categoryOf(code: string, categoryCode: string | null): ServiceCategory {
	return categoriesClaiming(code, categoryCode)[0] ?? OTHER;
}
