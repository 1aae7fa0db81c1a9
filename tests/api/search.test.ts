import { describe, expect, test } from 'vitest';
import { FILTER_GROUPS } from '../../src/lib/filters';
import {
	degrees,
	describeSelection,
	drawCases,
	searchParams,
	sentCenter,
	type SearchCase
} from './cases';
import { get, getOk, url, type Params } from './http';
import {
	haversineMeters,
	loadDirectory,
	METERS_PER_MILE,
	national,
	near,
	satisfies,
	type LngLat,
	type Program,
	type Selection
} from './oracle';

// The search API against a brute-force oracle: for ~100 random searches, the complete result
// (every page of /api/facilities, and /api/facilities.geojson) must be exactly the programs the
// test itself finds in the imported directory, in the documented order.

interface Item {
	id: string;
	name: string;
	city: string;
	state: string;
	lat: number;
	lng: number;
	distanceMiles: number | null;
	matched: { key: string; value: string }[];
	medications: string[];
}

interface Page {
	total: number;
	limit: number;
	offset: number;
	place: (LngLat & { label: string }) | null;
	radiusMiles: number | null;
	items: Item[];
}

interface FeatureCollection {
	type: string;
	features: { id: string; properties: { id: string } }[];
}

const SEED = 20261122;
const directory = await loadDirectory();
const byId = new Map(directory.map((p) => [p.id, p]));
const cases = drawCases(directory, SEED);

let cleared = 0;
let empty = 0;
let listedTotal = 0;
/** Programs within EDGE_METERS of a radius, left out of the comparison. */
let onEdge = 0;

/** Every page of a search, checking that the pages agree with each other. */
async function allPages(params: Params, limit: number): Promise<{ first: Page; items: Item[] }> {
	const first = await getOk<Page>('/api/facilities', [...params, ['limit', limit]]);
	const items = [...first.items];
	for (let offset = limit; offset < first.total; offset += limit) {
		const page = await getOk<Page>('/api/facilities', [
			...params,
			['limit', limit],
			['offset', offset]
		]);
		expect(page.total, `total changed between pages at offset ${offset}`).toBe(first.total);
		expect(page.offset).toBe(offset);
		expect(page.items.length, `page at offset ${offset}`).toBe(
			Math.min(limit, first.total - offset)
		);
		items.push(...page.items);
	}
	expect(first.limit).toBe(limit);
	expect(first.items.length).toBe(Math.min(limit, first.total));
	return { first, items };
}

async function geojsonIds(params: Params): Promise<string[]> {
	const collection = await getOk<FeatureCollection>('/api/facilities.geojson', params);
	expect(collection.type).toBe('FeatureCollection');
	return collection.features.map((f) => f.id);
}

/** The chosen options a program meets, as the API's `matched` should list them. */
/** The chosen filters a program meets: the scope is a level, not a reason, so never listed. */
function expectedMatched(program: Program, selection: Selection): string[] {
	return Object.entries(selection)
		.filter(([key]) => !FILTER_GROUPS.find((g) => g.key === key)?.single)
		.flatMap(([key, values]) =>
			values
				.filter((value) => satisfies(program.services, { [key]: [value] }, { complete: true }))
				.map((v) => `${key}:${v}`)
		)
		.sort();
}

/** Per-item checks shared by radius and national searches: coordinates, matched, medications. */
function checkItem(item: Item, selection: Selection): void {
	const program = byId.get(item.id);
	expect(program, `the API listed ${item.id}, which the import does not have`).toBeDefined();
	expect(Math.abs(item.lat - program!.lat)).toBeLessThan(1e-9);
	expect(Math.abs(item.lng - program!.lng)).toBeLessThan(1e-9);
	expect(item.matched.map((m) => `${m.key}:${m.value}`).sort(), `matched of ${item.id}`).toEqual(
		expectedMatched(program!, selection)
	);
	const medications = [
		['methadone', 'MU'],
		['buprenorphine', 'BU'],
		['naltrexone', 'NU']
	].flatMap(([name, code]) => (program!.services.has(code!) ? [name] : []));
	expect(item.medications, `medications of ${item.id}`).toEqual(medications);
}

function duplicates(ids: readonly string[]): string[] {
	const seen = new Set<string>();
	return ids.filter((id) => seen.has(id) || !seen.add(id));
}

function show(ids: Iterable<string>, meters?: (id: string) => number): string {
	return [...ids]
		.slice(0, 10)
		.map((id) => {
			const p = byId.get(id);
			const d = meters ? ` at ${meters(id).toFixed(2)} m` : '';
			return `${id} (${p?.name}, ${p?.city} ${p?.state}${d})`;
		})
		.join('; ');
}

function checkRadius(
	c: SearchCase,
	center: LngLat,
	params: Params,
	items: Item[],
	total: number
): void {
	const radius = c.radius!;
	const expected = near(directory, center, radius, c.selection);
	const meters = (id: string) => haversineMeters(center, byId.get(id)!);
	const listed = new Set(items.map((i) => i.id));
	const inside = new Set(expected.inside.map((h) => h.program.id));
	const missing = [...inside].filter((id) => !listed.has(id));
	const extra = [...listed].filter((id) => !inside.has(id) && !expected.edge.has(id));
	onEdge += expected.edge.size;
	const where = `${url('/api/facilities', params)} (${describeSelection(c.selection)})`;
	expect(missing, `${where}: missing ${show(missing, meters)}`).toEqual([]);
	expect(extra, `${where}: not expected ${show(extra, meters)}`).toEqual([]);
	expect(total).toBeGreaterThanOrEqual(expected.inside.length);
	expect(total).toBeLessThanOrEqual(expected.inside.length + expected.edge.size);

	let previous: { item: Item; meters: number } | undefined;
	for (const item of items) {
		const d = meters(item.id);
		expect(item.distanceMiles, `distanceMiles of ${item.id}`).not.toBeNull();
		expect(
			Math.abs(item.distanceMiles! - d / METERS_PER_MILE),
			`distanceMiles of ${item.id}: ${item.distanceMiles} against ${(d / METERS_PER_MILE).toFixed(4)}`
		).toBeLessThanOrEqual(0.05 + 1e-9);
		if (previous) {
			expect(d, `${where}: ${item.id} listed after the nearer ${previous.item.id}`).toBeGreaterThan(
				previous.meters - 0.01
			);
			if (item.lat === previous.item.lat && item.lng === previous.item.lng) {
				expect(
					item.id > previous.item.id,
					`same point: ${previous.item.id} before ${item.id}`
				).toBe(true);
			}
		}
		previous = { item, meters: d };
	}
}

/** Pages to fetch of a long national list: the first three, the last, and some in between. */
function sampledOffsets(total: number, limit: number): number[] {
	const pages = Math.ceil(total / limit);
	if (pages <= 12) return Array.from({ length: pages }, (_, i) => i * limit);
	const picks = [0, 1, 2, pages - 1, ...[0.2, 0.4, 0.6, 0.8].map((f) => Math.floor(f * pages))];
	return [...new Set(picks)].sort((a, b) => a - b).map((page) => page * limit);
}

/**
 * Checks the list; returns the ids the whole search should have. A national list is ordered by
 * state, city, name and id, so each page is an exact slice of the oracle's list. Broad national
 * pages cost ~0.3 s each on PGlite, so long lists are sampled; the GeoJSON comparison still
 * covers the whole set.
 */
async function checkNational(c: SearchCase, params: Params): Promise<string[]> {
	const expected = national(directory, c.selection).map((p) => p.id);
	const offsets = sampledOffsets(Math.max(expected.length, 1), c.limit);
	for (const offset of offsets) {
		const page = await getOk<Page>('/api/facilities', [
			...params,
			['limit', c.limit],
			['offset', offset]
		]);
		expect(page.total).toBe(expected.length);
		expect(page.place).toBeNull();
		expect(page.radiusMiles).toBeNull();
		const where = `${url('/api/facilities', params)} at offset ${offset}`;
		expect(
			page.items.map((i) => i.id),
			where
		).toEqual(expected.slice(offset, offset + c.limit));
		for (const item of page.items) {
			expect(item.distanceMiles).toBeNull();
			checkItem(item, c.selection);
		}
	}
	return expected;
}

/** Checks every page of the list against the oracle; returns the ids listed. */
async function checkNearby(c: SearchCase, params: Params): Promise<string[]> {
	const { first, items } = await allPages(params, c.limit);
	expect(duplicates(items.map((i) => i.id)), 'listed twice').toEqual([]);
	for (const item of items) checkItem(item, c.selection);
	expect(first.radiusMiles).toBe(c.radius);
	let center: LngLat;
	if (c.zip) {
		expect(first.place, `near=${c.zip} resolved to no place`).not.toBeNull();
		center = { lat: first.place!.lat, lng: first.place!.lng };
	} else {
		center = sentCenter(c.center!);
		expect(first.place?.lat).toBe(center.lat);
		expect(first.place?.lng).toBe(center.lng);
	}
	checkRadius(c, center, params, items, first.total);
	return items.map((i) => i.id);
}

describe.each(cases)('$label', (c) => {
	const params = searchParams(c);

	test(`${describeSelection(c.selection)}${c.radius ? `, ${c.radius} mi` : ''}`, async () => {
		const ids = await (c.radius === undefined ? checkNational(c, params) : checkNearby(c, params));
		const total = ids.length;
		// The map shows exactly the programs the list has (the list was checked against the oracle).
		const features = await geojsonIds(params);
		expect(duplicates(features), 'GeoJSON features listed twice').toEqual([]);
		expect(features.length, 'GeoJSON feature count against the list total').toBe(total);
		expect(new Set(features)).toEqual(new Set(ids));
		cleared += 1;
		listedTotal += total;
		if (total === 0) empty += 1;
	});
});

describe('the oracle itself', () => {
	test('the cases are varied enough to mean something', () => {
		expect(directory.length).toBeGreaterThan(12_000);
		const radius = cases.filter((c) => c.radius !== undefined);
		expect(radius.length).toBeGreaterThanOrEqual(80);
		expect(
			cases.filter((c) => c.selection.medication?.includes('all-three')).length
		).toBeGreaterThan(5);
		expect(
			cases.filter((c) => c.selection.language?.includes('american-indian')).length
		).toBeGreaterThan(3);
		expect(new Set(radius.map((c) => c.radius)).size).toBe(6);
		// Run last (files and tests run in order): most searches must have found something.
		expect(cleared).toBe(cases.length);
		expect(empty).toBeLessThan(cases.length / 3);
		console.log(
			`[api] ${cleared} oracle searches, ${empty} empty, ${listedTotal} programs listed in all, ` +
				`${onEdge} within 1 m of a radius left out`
		);
	});

	test('haversine measures on the 6,371,008.8 m sphere', () => {
		const degree = (6_371_008.8 * Math.PI) / 180;
		expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(degree, 6);
		expect(haversineMeters({ lat: 10, lng: 179.5 }, { lat: 10, lng: -179.5 })).toBeCloseTo(
			haversineMeters({ lat: 10, lng: 0 }, { lat: 10, lng: 1 }),
			6
		);
		expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 90 })).toBeCloseTo(90 * degree, 4);
	});

	test('degrees() sends a centre the API parses back to the same number', async () => {
		const page = await getOk<Page>('/api/facilities', [
			['lat', degrees(33.2129116)],
			['lng', degrees(-86.787917)],
			['radius', 5]
		]);
		expect(page.place?.lat).toBe(33.2129116);
		expect(page.place?.lng).toBe(-86.787917);
		const third = await get<Page>('/api/facilities', [
			['lat', degrees(1 / 3)],
			['lng', '0']
		]);
		expect(third.status).toBe(200);
		expect(third.body.place?.lat).toBe(sentCenter({ lat: 1 / 3, lng: 0 }).lat);
	});
});
