import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { getOk, type Params } from './http';
import {
	haversineMeters,
	loadDirectory,
	METERS_PER_MILE,
	type LngLat,
	type Program
} from './oracle';

// Issue 12, checked against the raw 2023 directory: the default scope, each medication option's
// definition, contradictory listings, the pin's kind and the programs beyond the radius. Every
// expectation here is written from SAMHSA's dictionary codes again, not taken from the app's
// filter vocabulary, and counted over the raw file (or, where a position is needed, over the
// directory as the importer places it).

const RAW = new URL(
	'../../db/data/national-directory-su-facilities-2023_facilities-list.csv.gz',
	import.meta.url
);
const raw = (
	parse(gunzipSync(readFileSync(RAW)), { columns: true }) as { Service_code_info: string }[]
).map((r) => new Set(r.Service_code_info.split(/[\s*]+/).filter(Boolean)));

type Codes = ReadonlySet<string>;
type Rule = (c: Codes) => boolean;
const any =
	(...codes: string[]): Rule =>
	(c) =>
		codes.some((x) => c.has(x));

const moud = any('MU', 'BU', 'NU');
const hereBup = any('UB', 'BUM', 'DB', 'OTP');
const contradicts = (c: Codes) => moud(c) && (c.has('NOOP') || c.has('NMOA'));

/** The medication options as the issue defines them from the dictionary's codes. */
const DEFINITIONS: [string, Rule][] = [
	['methadone', (c) => c.has('MM')],
	['methadone-detox', (c) => c.has('DM') && !c.has('MM')],
	['buprenorphine', (c) => c.has('BU') && hereBup(c)],
	['prescribed-elsewhere', (c) => c.has('MOA')],
	['naltrexone', (c) => c.has('UN')],
	['all-three', (c) => c.has('MM') && c.has('BU') && c.has('UN') && hereBup(c)],
	['opioid-detox', (c) => c.has('ODTX')],
	['otp', (c) => c.has('OTP')]
];

/** The pin's colour from the codes: contradictions first, then the narrowest medication. */
function kindOf(c: Codes): string {
	if (!moud(c)) return 'other';
	if (c.has('NOOP') || c.has('NMOA')) return 'check';
	return c.has('MU') ? 'methadone' : c.has('BU') ? 'buprenorphine' : 'naltrexone';
}

const count = (rule: Rule) => raw.filter(rule).length;

interface Item {
	id: string;
	distanceMiles: number | null;
	medication: { kind: string; contradiction: string | null };
}
interface Answer {
	total: number;
	place: { lat: number; lng: number } | null;
	items: Item[];
	beyond: Item[];
	telehealth: { state: string; total: number; items: Item[] } | null;
}

const search = (params: Params) => getOk<Answer>('/api/facilities', [...params, ['limit', 100]]);

test('the raw file has the issue’s figures', () => {
	expect(raw).toHaveLength(12_744);
	expect(count(moud)).toBe(8_004);
	expect(count((c) => !moud(c) && c.has('MOA'))).toBe(3_208);
	expect(count((c) => c.has('OTP') && !c.has('MU'))).toBe(89);
	expect(count(contradicts)).toBe(120);
});

describe('scope', () => {
	test.each([
		['(default)', [], moud],
		['medication', [['scope', 'medication']], moud],
		['supports', [['scope', 'supports']], (c: Codes) => moud(c) || c.has('MOA')],
		['all', [['scope', 'all']], () => true]
	] as const)('nationwide, %s', async (_label, params, rule) => {
		expect((await search(params)).total).toBe(count(rule));
	});
});

describe('medication options mean what their codes say', () => {
	test.each(DEFINITIONS)('%s', async (value, rule) => {
		const inScope = await search([['medication', value]]);
		expect(inScope.total).toBe(count((c) => rule(c) && moud(c)));
		const everywhere = await search([
			['medication', value],
			['scope', 'all']
		]);
		expect(everywhere.total).toBe(count(rule));
	});
});

const directory = await loadDirectory();

function nearest(center: LngLat, rule: Rule): { program: Program; miles: number }[] {
	return directory
		.filter((p) => rule(p.services))
		.map((program) => ({ program, miles: haversineMeters(center, program) / METERS_PER_MILE }))
		.sort((a, b) => a.miles - b.miles);
}

describe('the default scope around the issue’s places (25 mi)', () => {
	test.each([['01608'], ['Chicago, IL'], ['59301']])('%s', async (near) => {
		const answer = await search([['near', near]]);
		const expected = nearest(answer.place!, moud).filter((h) => h.miles < 25);
		expect(answer.total).toBe(expected.length);
		const ids = new Set(expected.map((h) => h.program.id));
		expect(answer.items.every((i) => ids.has(i.id))).toBe(true);
		console.log(`default scope near ${near}: ${answer.total} programs`);
	});
});

test('contradictory listings are marked and get their own kind, in the list, page and pin', async () => {
	const ids = directory.filter((p) => contradicts(p.services)).map((p) => p.id);
	expect(ids.length).toBeGreaterThan(100);
	const pins = await getOk<{ features: { id: string; properties: { kind: string } }[] }>(
		'/api/facilities.geojson',
		[['scope', 'all']]
	);
	const pinKind = new Map(pins.features.map((f) => [f.id, f.properties.kind]));
	for (const id of ids.slice(0, 40)) {
		const detail = await getOk<{ medication: { kind: string; contradiction: string | null } }>(
			`/api/facilities/${id}`
		);
		expect(detail.medication.kind, id).toBe('check');
		expect(detail.medication.contradiction, id).toMatch(/call to check/);
		expect(pinKind.get(id), id).toBe('check');
	}
});

test('every pin’s kind follows the codes, the 89 OTPs without methadone included', async () => {
	const pins = await getOk<{ features: { id: string; properties: { kind: string } }[] }>(
		'/api/facilities.geojson',
		[['scope', 'all']]
	);
	expect(pins.features).toHaveLength(directory.length);
	const byId = new Map(directory.map((p) => [p.id, p]));
	const wrong = pins.features.filter((f) => f.properties.kind !== kindOf(byId.get(f.id)!.services));
	expect(wrong.map((f) => f.id)).toEqual([]);
	const otpsWithoutMethadone = directory.filter(
		(p) => p.services.has('OTP') && !p.services.has('MU')
	);
	expect(otpsWithoutMethadone.length).toBe(89);
	expect(otpsWithoutMethadone.every((p) => kindOf(p.services) !== 'methadone')).toBe(true);
});

describe('no dead ends', () => {
	test('59301, buprenorphine, 25 mi: the nearest matching programs beyond, apart', async () => {
		const answer = await search([
			['near', '59301'],
			['medication', 'buprenorphine']
		]);
		const rule: Rule = (c) => moud(c) && c.has('BU') && hereBup(c);
		const all = nearest(answer.place!, rule);
		const inside = all.filter((h) => h.miles < 25);
		expect(answer.total).toBe(inside.length);
		expect(inside.length).toBeLessThan(5);
		const expected = all.filter((h) => h.miles > 25).slice(0, 5 - inside.length);
		expect(answer.beyond.map((i) => i.id)).toEqual(expected.map((h) => h.program.id));
		answer.beyond.forEach((item, i) => {
			expect(Math.abs(item.distanceMiles! - expected[i]!.miles)).toBeLessThan(0.1);
			expect(item.distanceMiles!).toBeGreaterThan(25);
		});
		console.log(`59301 beyond: ${answer.beyond.map((i) => `${i.distanceMiles} mi`).join(', ')}`);
	});

	test('a search with enough programs inside lists none beyond', async () => {
		const answer = await search([['near', 'Chicago, IL']]);
		expect(answer.total).toBeGreaterThanOrEqual(5);
		expect(answer.beyond).toEqual([]);
		expect(answer.telehealth).toBeNull();
	});
});

interface Group {
	key: string;
	single?: boolean;
	options: { value: string; codes: string[]; all?: string[]; none?: string[] }[];
}

test('no offered option matches zero programs nationally, in the raw file', async () => {
	const groups = await getOk<Group[]>('/api/filters');
	const zero = groups.flatMap((g) =>
		g.options
			.filter(
				(o) =>
					count(
						(c) =>
							(o.codes.length === 0 || o.codes.some((x) => c.has(x))) &&
							(o.all ?? []).every((x) => c.has(x)) &&
							!(o.none ?? []).some((x) => c.has(x))
					) === 0
			)
			.map((o) => `${g.key}=${o.value}`)
	);
	expect(zero).toEqual([]);
	// The issue's never-matching codes are offered nowhere.
	const offered = new Set(groups.flatMap((g) => g.options.flatMap((o) => o.codes)));
	for (const code of ['DBT', 'CFT', 'FPSY', 'TBI', 'PTSD'])
		expect(offered.has(code), code).toBe(false);
});

test('every code is offered in at most one group', async () => {
	const groups = await getOk<Group[]>('/api/filters');
	const home = new Map<string, string[]>();
	for (const g of groups.filter((g) => !g.single)) {
		for (const code of new Set(g.options.flatMap((o) => o.codes))) {
			home.set(code, [...(home.get(code) ?? []), g.key]);
		}
	}
	expect([...home].filter(([, keys]) => keys.length > 1)).toEqual([]);
});
