import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, test } from 'vitest';
import { labelPoint, stateBoundaries } from './boundaries';

const atlas = (name: string) =>
	JSON.parse(
		readFileSync(new URL(`../../../node_modules/us-atlas/${name}`, import.meta.url), 'utf8')
	) as Topology;

describe('labelPoint', () => {
	test('the centroid of a square', () => {
		const square = [
			[0, 0],
			[2, 0],
			[2, 2],
			[0, 2],
			[0, 0]
		];
		const at = labelPoint({
			type: 'Feature',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [square] }
		});
		expect(at?.lng).toBeCloseTo(1);
		expect(at?.lat).toBeCloseTo(1);
	});
});

describe('us-atlas states', () => {
	const { land, borders, labels } = stateBoundaries(atlas('states-10m.json'));

	test('56 states and territories with their lines between them', () => {
		expect(land.features.length).toBeGreaterThanOrEqual(56);
		expect(borders.type).toBe('MultiLineString');
		expect(borders.coordinates.length).toBeGreaterThan(50);
	});

	test('labels sit inside their state', () => {
		const at = (name: string) => labels.find((l) => l.name === name)!;
		// Michigan on its lower peninsula, not in Lake Michigan.
		expect(at('Michigan').lat).toBeGreaterThan(42);
		expect(at('Michigan').lat).toBeLessThan(45);
		expect(at('Michigan').lng).toBeGreaterThan(-86.3);
		// Hawaii on the Big Island.
		expect(at('Hawaii').lng).toBeGreaterThan(-156.1);
		expect(at('Vermont').lat).toBeCloseTo(44, 0);
	});
});
