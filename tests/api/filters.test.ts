import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { FILTER_GROUPS } from '../../src/lib/filters';
import { getOk } from './http';

interface Group {
	key: string;
	label: string;
	options: { value: string; label: string; help?: string; codes: string[]; match?: string }[];
}

const KEYS = [
	'medication',
	'counseling',
	'family',
	'credential',
	'payment',
	'age',
	'language',
	'setting',
	'group'
];

function dictionary(): Set<string> {
	const file = new URL('../../db/data/samhsa-service-codes.csv.gz', import.meta.url);
	const rows = parse(gunzipSync(readFileSync(file)), { columns: true }) as {
		service_code: string;
	}[];
	return new Set(rows.map((r) => r.service_code));
}

test('/api/filters lists the nine groups, their options and the SAMHSA codes behind them', async () => {
	const groups = await getOk<Group[]>('/api/filters');
	expect(groups.map((g) => g.key)).toEqual(KEYS);
	for (const group of groups) {
		expect(group.label).toEqual(expect.any(String));
		expect(group.options.length).toBeGreaterThan(1);
		const values = group.options.map((o) => o.value);
		expect(new Set(values).size, `${group.key} values are unique`).toBe(values.length);
		for (const option of group.options) {
			expect(option.value).toMatch(/^[a-z0-9-]+$/);
			expect(option.label).toEqual(expect.any(String));
			expect(option.help === undefined || typeof option.help === 'string').toBe(true);
			expect(option.codes.length).toBeGreaterThan(0);
			expect(option.codes.every((c) => typeof c === 'string')).toBe(true);
		}
	}
	// It is the vocabulary the server validates with, all-of options included.
	const spec = FILTER_GROUPS.map((g) => ({
		key: g.key,
		options: g.options.map((o) => ({ value: o.value, codes: [...o.codes], all: !!o.all }))
	}));
	expect(
		groups.map((g) => ({
			key: g.key,
			options: g.options.map((o) => ({ value: o.value, codes: o.codes, all: o.match === 'all' }))
		}))
	).toEqual(spec);
	expect(groups[0]!.options.find((o) => o.value === 'all-three')?.codes).toEqual([
		'MU',
		'BU',
		'NU'
	]);
});

test('every code a filter uses is in the SAMHSA service code dictionary', async () => {
	const known = dictionary();
	expect(known.size).toBeGreaterThan(200);
	const groups = await getOk<Group[]>('/api/filters');
	const unknown = groups.flatMap((g) =>
		g.options.flatMap((o) =>
			o.codes.filter((c) => !known.has(c)).map((c) => `${g.key}=${o.value}: ${c}`)
		)
	);
	expect(unknown).toEqual([]);
});
