import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { placeForZip, resolvePlace } from './index';

const DIRECTORY = new URL(
	'../../../../db/data/national-directory-su-facilities-2023_facilities-list.csv.gz',
	import.meta.url
);

function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
	return 12742 * Math.asin(Math.sqrt(h));
}

// The gazetteer must know the places people search for: at least every place in the directory.
describe('the cities and ZIP codes of the national directory', () => {
	const rows = parse(gunzipSync(readFileSync(DIRECTORY)), { columns: true }) as {
		City: string;
		State: string;
		Zip: string;
	}[];
	const places = new Map<string, string>();
	for (const row of rows)
		places.set(`${row.City.trim()}, ${row.State.trim()}`, row.Zip.slice(0, 5));

	it('knows every ZIP code', () => {
		const unknown = rows.filter((row) => !placeForZip(row.Zip));
		expect(unknown).toEqual([]);
	});

	it('finds nearly every "City, ST", near its facilities', async () => {
		let found = 0;
		let near = 0;
		for (const [text, zip] of places) {
			const result = await resolvePlace(text);
			if (result.status !== 'found') continue;
			found++;
			if (distanceKm(result.place, placeForZip(zip)!) < 30) near++;
		}
		expect(found / places.size).toBeGreaterThan(0.999);
		expect(near / found).toBeGreaterThan(0.99);
	});
});
