import { STATE_NAMES } from '../../states';
import { editDistance } from './fuzzy';
import { words } from './text';

// One list of jurisdictions for the whole app (src/lib/states.ts).
export { STATE_NAMES };

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
