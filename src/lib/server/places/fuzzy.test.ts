import { describe, expect, it } from 'vitest';
import { allowedEdits, editDistance } from './fuzzy';

describe('editDistance', () => {
	it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
		expect(editDistance('bostn', 'boston', 3)).toBe(1);
		expect(editDistance('worcestor', 'worcester', 3)).toBe(1);
		expect(editDistance('wocrester', 'worcester', 3)).toBe(1);
		expect(editDistance('boston', 'boston', 3)).toBe(0);
		expect(editDistance('', 'abc', 3)).toBe(3);
	});

	it('stops at max + 1', () => {
		expect(editDistance('springfield', 'boston', 2)).toBe(3);
		expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
	});
});

describe('allowedEdits', () => {
	it('allows more edits in longer names', () => {
		expect(allowedEdits('rye')).toBe(1);
		expect(allowedEdits('bostn')).toBe(2);
		expect(allowedEdits('worcestor')).toBe(3);
	});
});
