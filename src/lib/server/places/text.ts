// Words spelled more than one way in US place names; each maps to the form used in keys.
const ALIASES: Record<string, string> = {
	saint: 'st',
	sainte: 'ste',
	fort: 'ft',
	mount: 'mt',
	township: 'twp'
};

/** Lower-case ASCII words: accents dropped, apostrophes and dots joined ("D.C." → "dc"). */
export function words(text: string): string[] {
	// Most names are plain ASCII, and normalizing them is most of the cost of building the index.
	const plain = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
	return (
		plain
			.toLowerCase()
			.replace(/['’.]/g, '')
			.match(/[a-z0-9]+/g) ?? []
	);
}

/**
 * The comparison key of a place name: spaces and punctuation do not count ("Mc Kee" = "McKee",
 * "La Place" = "LaPlace") and neither do the usual abbreviations ("Saint Louis" = "St. Louis").
 */
export function nameKey(nameWords: string[]): string {
	return nameWords.map((word) => ALIASES[word] ?? word).join('');
}
