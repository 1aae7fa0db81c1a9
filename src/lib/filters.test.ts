import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	FILTER_ALIASES,
	FILTER_CODES,
	FILTER_GROUPS,
	codesOfOption,
	filterOption,
	medicationsOf,
	optionMatches,
	selectedGroups,
	withDefaults,
	withoutImplied,
	type FilterSelection,
	type SelectedGroup
} from './filters';
import { rawDirectoryRows } from './raw-directory';

const has = (key: string, value: string, ...codes: string[]) =>
	optionMatches(filterOption(key, value)!, new Set(codes));

describe('filter vocabulary', () => {
	it('has the scope first, then the filter groups', () => {
		expect(FILTER_GROUPS.map((g) => g.key)).toEqual([
			'scope',
			'medication',
			'support',
			'counseling',
			'family',
			'credential',
			'payment',
			'age',
			'gender',
			'language',
			'setting',
			'operator',
			'group'
		]);
		expect(FILTER_GROUPS.filter((g) => g.single).map((g) => g.key)).toEqual(['scope']);
	});

	it('has unique option values within each group and upper-case SAMHSA codes', () => {
		for (const group of FILTER_GROUPS) {
			const values = group.options.map((o) => o.value);
			expect(new Set(values).size).toBe(values.length);
			for (const o of group.options) {
				for (const code of codesOfOption(o)) expect(code).toMatch(/^[A-Z0-9]+$/);
			}
		}
	});

	it('offers each code in one filter group at most (the scope is a level, not a filter)', () => {
		const home = new Map<string, string>();
		const twice: string[] = [];
		for (const group of FILTER_GROUPS.filter((g) => !g.single)) {
			for (const code of new Set(group.options.flatMap((o) => o.codes))) {
				const other = home.get(code);
				if (other && other !== group.key) twice.push(`${code}: ${other} and ${group.key}`);
				home.set(code, group.key);
			}
		}
		expect(twice).toEqual([]);
	});

	it('every moved value points at an option that exists, in another group or value', () => {
		for (const [from, [key, value]] of Object.entries(FILTER_ALIASES)) {
			const [fromKey, fromValue] = from.split('=');
			expect(filterOption(key, value), from).toBeDefined();
			expect(filterOption(fromKey!, fromValue!), `${from} is no longer an option`).toBeUndefined();
		}
	});

	it('uses no code from the mental health directory, and fits two 64-bit words', () => {
		const csv = gunzipSync(
			readFileSync(new URL('../../db/data/samhsa-service-codes.csv.gz', import.meta.url))
		).toString();
		const mhOnly = csv
			.split('\n')
			.filter((line) => /,N-SUMHSS 2023 MH directory\r?$/.test(line))
			.map((line) => line.split(',')[0]);
		expect(mhOnly.length).toBeGreaterThan(10);
		expect(FILTER_CODES.filter((c) => mhOnly.includes(c))).toEqual([]);
		expect(FILTER_CODES.length).toBeLessThanOrEqual(128);
	});
});

describe('medication definitions', () => {
	it('methadone is maintenance; detox only excludes maintenance', () => {
		expect(has('medication', 'methadone', 'MU', 'MM')).toBe(true);
		expect(has('medication', 'methadone', 'MU', 'DM')).toBe(false);
		expect(has('medication', 'methadone-detox', 'MU', 'DM')).toBe(true);
		expect(has('medication', 'methadone-detox', 'MU', 'DM', 'MM')).toBe(false);
	});
	it('buprenorphine needs BU and a code that it is given here', () => {
		expect(has('medication', 'buprenorphine', 'BU')).toBe(false);
		expect(has('medication', 'buprenorphine', 'BU', 'UB')).toBe(true);
		expect(has('medication', 'buprenorphine', 'BU', 'OTP')).toBe(true);
		expect(has('medication', 'buprenorphine', 'UB')).toBe(false);
		expect(has('medication', 'naltrexone', 'NU')).toBe(false);
		expect(has('medication', 'naltrexone', 'NU', 'UN')).toBe(true);
	});
	it('"offers all three" needs every one of them given here', () => {
		expect(has('medication', 'all-three', 'MU', 'BU', 'NU')).toBe(false);
		expect(has('medication', 'all-three', 'MM', 'BU', 'UN', 'OTP')).toBe(true);
		expect(has('medication', 'all-three', 'MM', 'BU', 'UN')).toBe(false);
	});
	it('the scope levels nest, and "all" matches everything', () => {
		expect(has('scope', 'medication', 'NU')).toBe(true);
		expect(has('scope', 'medication', 'MOA')).toBe(false);
		expect(has('scope', 'supports', 'MOA')).toBe(true);
		expect(has('scope', 'all')).toBe(true);
	});
	it('"ages not listed" is a program naming no age group', () => {
		expect(has('age', 'not-listed', 'BU')).toBe(true);
		expect(has('age', 'not-listed', 'BU', 'SNR')).toBe(false);
	});
});

describe('selection', () => {
	it('keeps only known values, in vocabulary order, and drops a scope that is everything', () => {
		const groups = selectedGroups({
			group: ['pregnant'],
			medication: ['naltrexone', 'nope'],
			scope: ['all']
		});
		expect(groups.map((g) => [g.group.key, g.options.map((o) => o.value)])).toEqual([
			['medication', ['naltrexone']],
			['group', ['pregnant']]
		]);
	});

	it('lists a program’s medications at a glance', () => {
		expect(medicationsOf(new Set(['NU', 'MU', 'CBT']))).toEqual(['methadone', 'naltrexone']);
	});
});

describe('implied groups', () => {
	const rows = rawDirectoryRows();
	const programs = rows.map((row) => new Set(row.Service_code_info.split(/\s+/)));
	const matches = (groups: SelectedGroup[], codes: ReadonlySet<string>) =>
		groups.every((g) => g.options.some((o) => optionMatches(o, codes)));

	it('leaves out the default scope once a buprenorphine filter is chosen, but not a methadone one', () => {
		const keys = (selection: FilterSelection) =>
			withoutImplied(selectedGroups(withDefaults(selection))).map((g) => g.group.key);
		expect(keys({ medication: ['buprenorphine'] })).toEqual(['medication']);
		expect(keys({ medication: ['buprenorphine', 'methadone'] })).toEqual(['scope', 'medication']);
		expect(keys({ payment: ['medicaid'] })).toEqual(['scope', 'payment']);
	});

	it('matches the same programs as every group, for each scope with each option of another group', () => {
		let dropped = 0;
		for (const scope of FILTER_GROUPS[0]!.options) {
			for (const group of FILTER_GROUPS.slice(1)) {
				for (const option of group.options) {
					const groups = selectedGroups({ scope: [scope.value], [group.key]: [option.value] });
					const fewer = withoutImplied(groups);
					if (fewer.length === groups.length) continue;
					dropped++;
					const differ = programs.filter((p) => matches(groups, p) !== matches(fewer, p));
					expect(differ.length, `${scope.value} with ${group.key}=${option.value}`).toBe(0);
				}
			}
		}
		expect(dropped).toBeGreaterThan(0);
	});
});
