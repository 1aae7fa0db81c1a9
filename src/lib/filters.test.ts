import { describe, expect, it } from 'vitest';
import {
	FILTER_GROUPS,
	filterOption,
	medicationsOf,
	optionMatches,
	selectedGroups
} from './filters';

describe('filter vocabulary', () => {
	it('has the nine groups the API names', () => {
		expect(FILTER_GROUPS.map((g) => g.key)).toEqual([
			'medication',
			'counseling',
			'family',
			'credential',
			'payment',
			'age',
			'language',
			'setting',
			'group'
		]);
	});

	it('has unique option values within each group and upper-case SAMHSA codes', () => {
		for (const group of FILTER_GROUPS) {
			const values = group.options.map((o) => o.value);
			expect(new Set(values).size).toBe(values.length);
			for (const o of group.options) {
				expect(o.codes.length).toBeGreaterThan(0);
				for (const code of o.codes) expect(code).toMatch(/^[A-Z0-9]+$/);
			}
		}
	});

	it('maps the mission’s options to the issue’s codes', () => {
		expect(filterOption('medication', 'methadone')?.codes).toEqual(['MU']);
		expect(filterOption('medication', 'bup-implant')?.codes).toEqual(['BSDM']);
		expect(filterOption('counseling', 'contingency-management')?.codes).toEqual(['CMI']);
		expect(filterOption('family', 'child-care')?.codes).toEqual(['CCC']);
		expect(filterOption('credential', 'samhsa-otp')?.codes).toEqual(['SOTP']);
	});

	it('"offers all three" needs every medication; other options need any of their codes', () => {
		const allThree = filterOption('medication', 'all-three')!;
		expect(optionMatches(allThree, new Set(['MU', 'BU']))).toBe(false);
		expect(optionMatches(allThree, new Set(['MU', 'BU', 'NU', 'CBT']))).toBe(true);
		const native = filterOption('language', 'american-indian')!;
		expect(optionMatches(native, new Set(['N23']))).toBe(true);
		expect(optionMatches(native, new Set(['SP']))).toBe(false);
	});

	it('keeps only known values when selecting, in vocabulary order', () => {
		const groups = selectedGroups({ family: ['pregnant'], medication: ['naltrexone', 'nope'] });
		expect(groups.map((g) => [g.group.key, g.options.map((o) => o.value)])).toEqual([
			['medication', ['naltrexone']],
			['family', ['pregnant']]
		]);
	});

	it('lists a program’s medications at a glance', () => {
		expect(medicationsOf(new Set(['NU', 'MU', 'CBT']))).toEqual(['methadone', 'naltrexone']);
	});
});
