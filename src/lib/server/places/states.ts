import { editDistance } from './fuzzy';
import { words } from './text';

/** The states, DC and the territories, by USPS code. */
export const STATE_NAMES: Record<string, string> = {
	AL: 'Alabama',
	AK: 'Alaska',
	AZ: 'Arizona',
	AR: 'Arkansas',
	CA: 'California',
	CO: 'Colorado',
	CT: 'Connecticut',
	DE: 'Delaware',
	DC: 'District of Columbia',
	FL: 'Florida',
	GA: 'Georgia',
	HI: 'Hawaii',
	ID: 'Idaho',
	IL: 'Illinois',
	IN: 'Indiana',
	IA: 'Iowa',
	KS: 'Kansas',
	KY: 'Kentucky',
	LA: 'Louisiana',
	ME: 'Maine',
	MD: 'Maryland',
	MA: 'Massachusetts',
	MI: 'Michigan',
	MN: 'Minnesota',
	MS: 'Mississippi',
	MO: 'Missouri',
	MT: 'Montana',
	NE: 'Nebraska',
	NV: 'Nevada',
	NH: 'New Hampshire',
	NJ: 'New Jersey',
	NM: 'New Mexico',
	NY: 'New York',
	NC: 'North Carolina',
	ND: 'North Dakota',
	OH: 'Ohio',
	OK: 'Oklahoma',
	OR: 'Oregon',
	PA: 'Pennsylvania',
	RI: 'Rhode Island',
	SC: 'South Carolina',
	SD: 'South Dakota',
	TN: 'Tennessee',
	TX: 'Texas',
	UT: 'Utah',
	VT: 'Vermont',
	VA: 'Virginia',
	WA: 'Washington',
	WV: 'West Virginia',
	WI: 'Wisconsin',
	WY: 'Wyoming',
	PR: 'Puerto Rico',
	GU: 'Guam',
	MP: 'Northern Mariana Islands',
	VI: 'U.S. Virgin Islands',
	AS: 'American Samoa'
};

// Other ways people write them, AP style abbreviations included ("Mass.", "Calif.").
const OTHER_NAMES: Record<string, string> = {
	'washington dc': 'DC',
	'washington d c': 'DC',
	'd c': 'DC',
	'virgin islands': 'VI',
	'mariana islands': 'MP',
	'n mariana islands': 'MP',
	cnmi: 'MP',
	ala: 'AL',
	ariz: 'AZ',
	ark: 'AR',
	calif: 'CA',
	cal: 'CA',
	colo: 'CO',
	conn: 'CT',
	del: 'DE',
	fla: 'FL',
	ill: 'IL',
	ind: 'IN',
	kan: 'KS',
	kans: 'KS',
	mass: 'MA',
	mich: 'MI',
	minn: 'MN',
	miss: 'MS',
	mont: 'MT',
	neb: 'NE',
	nebr: 'NE',
	nev: 'NV',
	okla: 'OK',
	ore: 'OR',
	penn: 'PA',
	penna: 'PA',
	tenn: 'TN',
	tex: 'TX',
	wash: 'WA',
	'w va': 'WV',
	wis: 'WI',
	wisc: 'WI',
	wyo: 'WY'
};

const BY_NAME = new Map<string, string>([
	...Object.entries(STATE_NAMES).flatMap(([code, name]) => [
		[code.toLowerCase(), code] as const,
		[words(name).join(' '), code] as const
	]),
	...Object.entries(OTHER_NAMES)
]);

const FULL_NAMES = Object.entries(STATE_NAMES).map(
	([code, name]) => [code, words(name).join(' ')] as const
);

/** The USPS code for a state or territory written as its code or its name, in any case. */
export function stateCode(wordList: string[]): string | undefined {
	return BY_NAME.get(wordList.join(' '));
}

/** The state whose full name is a typo away from these words ("Massachusets"), if just one is. */
export function misspeltStateCode(wordList: string[]): string | undefined {
	const typed = wordList.join(' ');
	if (typed.length < 5) return undefined;
	const close = FULL_NAMES.filter(([, name]) => editDistance(typed, name, 2) <= 2);
	return close.length === 1 ? close[0]![0] : undefined;
}

/** The longest run of words a state is written with ("northern mariana islands"). */
export const MAX_STATE_WORDS = 3;
