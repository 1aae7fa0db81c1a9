import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { FILTER_GROUPS } from '../../src/lib/filters';
import { getOk } from './http';

interface Group {
	key: string;
	label: string;
	single?: boolean;
	options: {
		value: string;
		label: string;
		help?: string;
		codes: string[];
		all?: string[];
		none?: string[];
		nationally: number;
	}[];
}

const KEYS = [
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
];

function dictionary(): Set<string> {
	const file = new URL('../../db/data/samhsa-service-codes.csv.gz', import.meta.url);
	const rows = parse(gunzipSync(readFileSync(file)), { columns: true }) as {
		service_code: string;
	}[];
	return new Set(rows.map((r) => r.service_code));
}

test('/api/filters lists the groups, their offered options and the SAMHSA codes behind them', async () => {
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
			expect(option.nationally, `${group.key}=${option.value}`).toBeGreaterThan(0);
		}
	}
	// It is the vocabulary the server validates with (less options no program meets).
	const byKey = new Map(groups.map((g) => [g.key, g]));
	for (const g of FILTER_GROUPS) {
		for (const o of byKey.get(g.key)!.options) {
			const spec = g.options.find((s) => s.value === o.value)!;
			expect(spec, `${g.key}=${o.value}`).toBeDefined();
			expect([o.codes, o.all ?? [], o.none ?? []]).toEqual([
				[...spec.codes],
				[...(spec.all ?? [])],
				[...(spec.none ?? [])]
			]);
		}
	}
	const allThree = byKey.get('medication')!.options.find((o) => o.value === 'all-three')!;
	expect(allThree.all).toEqual(['MM', 'BU', 'UN']);
});

test('every code a filter uses is in the SAMHSA service code dictionary', async () => {
	const known = dictionary();
	expect(known.size).toBeGreaterThan(200);
	const groups = await getOk<Group[]>('/api/filters');
	const unknown = groups.flatMap((g) =>
		g.options.flatMap((o) =>
			[...o.codes, ...(o.all ?? []), ...(o.none ?? [])]
				.filter((c) => !known.has(c))
				.map((c) => `${g.key}=${o.value}: ${c}`)
		)
	);
	expect(unknown).toEqual([]);
});
