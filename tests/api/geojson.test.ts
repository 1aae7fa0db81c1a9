import { describe, expect, test } from 'vitest';
import { get, getOk, type Params } from './http';

// /api/facilities.geojson is the map's view of the same search: one small Point feature per
// program, [lng, lat], with only what the map draws.

interface Item {
	id: string;
	lat: number;
	lng: number;
	precision: string;
	medications: string[];
	medication: { kind: string };
}

interface Feature {
	type: string;
	id: string;
	geometry: { type: string; coordinates: number[] };
	properties: Record<string, unknown>;
}

const MAP_PROPERTIES = ['id', 'kind', 'approx'];

const searches: [string, Params][] = [
	[
		'Chicago, 25 miles',
		[
			['lat', '41.8781'],
			['lng', '-87.6298']
		]
	],
	[
		'ZIP 10001, methadone, 10 miles',
		[
			['near', '10001'],
			['radius', '10'],
			['medication', 'methadone']
		]
	],
	[
		'Alaska, 250 miles',
		[
			['lat', '61.2'],
			['lng', '-149.9'],
			['radius', '250']
		]
	],
	['national, all three medications', [['medication', 'all-three']]]
];

async function everyItem(params: Params): Promise<{ total: number; items: Item[] }> {
	const first = await getOk<{ total: number; items: Item[] }>('/api/facilities', [
		...params,
		['limit', 100]
	]);
	const items = [...first.items];
	for (let offset = 100; offset < first.total; offset += 100) {
		const page = await getOk<{ items: Item[] }>('/api/facilities', [
			...params,
			['limit', 100],
			['offset', offset]
		]);
		items.push(...page.items);
	}
	return { total: first.total, items };
}

describe.each(searches)('%s', (_label, params) => {
	test('a FeatureCollection with one Point per listed program, at [lng, lat]', async () => {
		const answer = await get<{ type: string; features: Feature[] }>(
			'/api/facilities.geojson',
			params
		);
		expect(answer.status).toBe(200);
		expect(answer.contentType).toMatch(/^application\/geo\+json/);
		expect(answer.body.type).toBe('FeatureCollection');
		const { total, items } = await everyItem(params);
		expect(total).toBeGreaterThan(0);
		expect(answer.body.features.length).toBe(total);
		const listed = new Map(items.map((i) => [i.id, i]));
		for (const feature of answer.body.features) {
			const item = listed.get(feature.id);
			expect(item, `feature ${feature.id} is not in the list`).toBeDefined();
			expect(feature.type).toBe('Feature');
			expect(feature.geometry.type).toBe('Point');
			const [lng, lat] = feature.geometry.coordinates;
			expect(feature.geometry.coordinates).toHaveLength(2);
			// Six decimals (~10 cm) are plenty for a map.
			expect(Math.abs(lng! - item!.lng)).toBeLessThanOrEqual(5e-7 + 1e-12);
			expect(Math.abs(lat! - item!.lat)).toBeLessThanOrEqual(5e-7 + 1e-12);
			expect(Object.keys(feature.properties).every((k) => MAP_PROPERTIES.includes(k))).toBe(true);
			expect(feature.properties.id).toBe(feature.id);
			expect(feature.properties.approx, feature.id).toBe(
				item!.precision === 'zip' ? true : undefined
			);
			// One rule for the pin and the list: the same kind (tests/api/mat.test.ts checks it
			// against the raw directory).
			expect(feature.properties.kind, feature.id).toBe(item!.medication.kind);
		}
	});
});

test('a feature stays small: no names, addresses or service lists', async () => {
	const answer = await get<{ features: Feature[] }>('/api/facilities.geojson', [
		['lat', '39.2904'],
		['lng', '-76.6122']
	]);
	expect(answer.body.features.length).toBeGreaterThan(10);
	// About 155 bytes: the point, the id (twice: MapLibre drops string feature ids), the kind.
	expect(answer.text.length / answer.body.features.length).toBeLessThan(175);
	expect(answer.text).not.toMatch(/"(name|street1|phone|services)"/);
});
