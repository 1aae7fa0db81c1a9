import fc from 'fast-check';
import { expect, test } from 'vitest';
import { FILTER_CODES } from '../../filters';
import { bitsOf, codesOfBits } from './search-table';

test('codesOfBits reads back the codes bitsOf wrote, for any subset of the filter codes', () => {
	fc.assert(
		fc.property(fc.subarray([...FILTER_CODES]), (codes) => {
			const [lo, hi] = bitsOf(codes);
			expect([...codesOfBits(lo, hi)].sort()).toEqual([...codes].sort());
		}),
		{ numRuns: 500 }
	);
});

test('the words’ sign bits and both halves of each word decode (bits 31, 32, 63, 64)', () => {
	for (const i of [0, 31, 32, 63, 64, 95, 96, FILTER_CODES.length - 1]) {
		const code = FILTER_CODES[i]!;
		const [lo, hi] = bitsOf([code]);
		expect([...codesOfBits(lo, hi)]).toEqual([code]);
	}
	expect(codesOfBits('0', '0').size).toBe(0);
	// Codes outside FILTER_CODES are not filter codes: bitsOf drops them.
	expect(bitsOf(['NOT-A-CODE'])).toEqual(['0', '0']);
});
