// One name per program, made the same way for the list, the page, the map's popup, the shortlist,
// compare, the call sheet, CSV files, <title> and the API. SAMHSA splits long names over two
// fields (Name1, Name2), often mid-phrase: "Womens and Childrens Center for" / "Inner Healing".

/** The two lines as the directory has them. */
export interface NameLines {
	name: string;
	name2?: string | null;
}

export interface DisplayName {
	/** What to call the program: the first line, joined to the second when it breaks mid-phrase. */
	title: string;
	/** The second line when it names a site, unit or part of the program; null when joined or absent. */
	subtitle: string | null;
}

/**
 * A first line ending in one of these words (or a joining mark) goes on into the second: 248 of
 * the 2023 directory's programs. A line ending in anything else is a whole name.
 */
const CONNECTORS = new Set([
	'and',
	'of',
	'for',
	'at',
	'in',
	'the',
	'on',
	'to',
	'with',
	'by',
	'a',
	'an',
	'&',
	'+',
	'-',
	'–',
	'/'
]);

function clean(line: string | null | undefined): string {
	return (line ?? '').replace(/\s+/g, ' ').trim();
}

function endsMidPhrase(line: string): boolean {
	if (/[&+/,–-]$/.test(line)) return true;
	const last = line.split(' ').pop()?.toLowerCase() ?? '';
	return CONNECTORS.has(last);
}

export function displayName({ name, name2 }: NameLines): DisplayName {
	const first = clean(name);
	const second = clean(name2);
	if (!second || second.toLowerCase() === first.toLowerCase())
		return { title: first, subtitle: null };
	if (!first) return { title: second, subtitle: null };
	if (endsMidPhrase(first)) return { title: `${first} ${second}`, subtitle: null };
	return { title: first, subtitle: second };
}

/** The name on one line (titles, table cells, CSV): "Spectrum Health Systems Inc – Worcester". */
export function displayNameLine(lines: NameLines): string {
	const { title, subtitle } = displayName(lines);
	return subtitle ? `${title} – ${subtitle}` : title;
}
