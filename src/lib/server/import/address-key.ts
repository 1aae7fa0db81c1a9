// Comparison keys for addresses and names. Lists spell the same address differently ('North Main
// Street, Suite 2' vs 'N Main St'), so keys keep only what identifies the place: lower-case
// [a-z0-9], USPS abbreviations, no unit designators.

const ABBREVIATIONS: Record<string, string> = {
	north: 'n',
	south: 's',
	east: 'e',
	west: 'w',
	northeast: 'ne',
	northwest: 'nw',
	southeast: 'se',
	southwest: 'sw',
	street: 'st',
	avenue: 'ave',
	av: 'ave',
	road: 'rd',
	boulevard: 'blvd',
	drive: 'dr',
	lane: 'ln',
	court: 'ct',
	place: 'pl',
	parkway: 'pkwy',
	highway: 'hwy',
	circle: 'cir',
	square: 'sq',
	terrace: 'ter',
	trail: 'trl',
	turnpike: 'tpke',
	expressway: 'expy',
	freeway: 'fwy',
	plaza: 'plz',
	center: 'ctr',
	centre: 'ctr',
	crossing: 'xing',
	heights: 'hts',
	point: 'pt',
	route: 'rte',
	alley: 'aly',
	mount: 'mt',
	saint: 'st',
	fort: 'ft',
	first: '1st',
	second: '2nd',
	third: '3rd',
	fourth: '4th',
	fifth: '5th',
	sixth: '6th',
	seventh: '7th',
	eighth: '8th',
	ninth: '9th',
	tenth: '10th'
};

// Everything from one of these on is the unit within the building, not the street address.
const UNIT_WORDS = new Set([
	'suite',
	'ste',
	'unit',
	'apt',
	'room',
	'rm',
	'floor',
	'fl',
	'flr',
	'bldg',
	'building',
	'dept',
	'#'
]);
const ORDINAL = /^\d+(st|nd|rd|th)$/;

function tokens(value: string): string[] {
	return value
		.toLowerCase()
		.replace(/#/g, ' # ')
		.replace(/[^a-z0-9#]+/g, ' ')
		.split(' ')
		.filter((t) => t !== '');
}

/** The leading house number ('1250', '8-13', '12b'), or null. */
export function houseNumber(value: string): string | null {
	const match = /^\s*(\d+(?:-\d+)?[a-z]?)\b/i.exec(value);
	return match?.[1]?.toLowerCase() ?? null;
}

// A P.O. box is a mailing address, not a place: '2080 Child Street, P.O. Box 1000' is kept up to
// the box, and 'P.O. Box 724' is left with nothing (so no house number, so no key).
const PO_BOX = /,?\s*\bp\.?\s*o\.?\s*box\b.*$/i;

/**
 * Key for a street address, or null when it cannot locate anything on its own (empty,
 * placeholder, P.O. box, or no house number).
 */
export function streetKey(value: string): string | null {
	const street = value.replace(PO_BOX, '');
	if (houseNumber(street) === null) return null;
	const all = tokens(street);
	const kept: string[] = [];
	for (const [i, token] of all.entries()) {
		if (i > 0 && UNIT_WORDS.has(token)) {
			// '2nd Floor': the ordinal belongs to the unit as well.
			if (/^(floor|fl|flr)$/.test(token) && ORDINAL.test(kept.at(-1) ?? '')) kept.pop();
			break;
		}
		kept.push(ABBREVIATIONS[token] ?? token);
	}
	return kept.length > 1 ? kept.join('') : null;
}

const NAME_NOISE = new Set(['the', 'inc', 'llc', 'pllc', 'pc', 'corp', 'corporation', 'co', 'ltd']);

/** Key for a program or organization name. */
export function nameKey(value: string): string {
	return tokens(value)
		.filter((t) => !NAME_NOISE.has(t))
		.map((t) => ABBREVIATIONS[t] ?? t)
		.join('');
}

/** Key for a city name ('Saint Paul' and 'St. Paul' agree). */
export function cityKey(value: string): string {
	return tokens(value)
		.map((t) => ABBREVIATIONS[t] ?? t)
		.join('');
}
