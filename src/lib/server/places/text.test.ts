import { describe, expect, it } from 'vitest';
import { nameKey, words } from './text';

describe('words', () => {
	it('lower-cases, drops accents and joins abbreviations', () => {
		expect(words('  Mayagüez,  P.R. ')).toEqual(['mayaguez', 'pr']);
		expect(words("Coeur d'Alene")).toEqual(['coeur', 'dalene']);
		expect(words('Hagåtña')).toEqual(['hagatna']);
		expect(words('東京 !!!')).toEqual([]);
	});
});

describe('nameKey', () => {
	it('ignores spacing and the usual abbreviations', () => {
		expect(nameKey(words('Saint Louis'))).toBe(nameKey(words('St. Louis')));
		expect(nameKey(words('Mount Vernon'))).toBe(nameKey(words('Mt Vernon')));
		expect(nameKey(words('Fort Worth'))).toBe(nameKey(words('Ft. Worth')));
		expect(nameKey(words('Mc Kee'))).toBe(nameKey(words('McKee')));
		expect(nameKey(words('Winston-Salem'))).toBe('winstonsalem');
	});
});
