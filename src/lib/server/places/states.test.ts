import { describe, expect, it } from 'vitest';
import { misspeltStateCode, STATE_NAMES, stateCode } from './states';
import { words } from './text';

describe('stateCode', () => {
	it('reads codes, names and common abbreviations in any case', () => {
		expect(stateCode(words('ma'))).toBe('MA');
		expect(stateCode(words('Massachusetts'))).toBe('MA');
		expect(stateCode(words('Mass.'))).toBe('MA');
		expect(stateCode(words('D.C.'))).toBe('DC');
		expect(stateCode(words('Puerto Rico'))).toBe('PR');
		expect(stateCode(words('Northern Mariana Islands'))).toBe('MP');
		expect(stateCode(words('Guam'))).toBe('GU');
		expect(stateCode(words('England'))).toBeUndefined();
	});

	it('covers the 50 states, DC and the territories', () => {
		expect(Object.keys(STATE_NAMES)).toHaveLength(56);
	});
});

describe('misspeltStateCode', () => {
	it('corrects a typo in a full name when only one state is that close', () => {
		expect(misspeltStateCode(words('Massachusets'))).toBe('MA');
		expect(misspeltStateCode(words('Pensylvania'))).toBe('PA');
		expect(misspeltStateCode(words('Dakota'))).toBeUndefined();
		expect(misspeltStateCode(words('Mas'))).toBeUndefined();
	});
});
