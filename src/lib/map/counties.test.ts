import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, test } from 'vitest';
import { countiesByState, type CountyLines } from './counties-source';

const read = (url: URL) => readFileSync(url, 'utf8');
const atlas = JSON.parse(
	read(new URL('../../../node_modules/us-atlas/counties-10m.json', import.meta.url))
) as Topology;
const dir = new URL('./data/counties/', import.meta.url);
const index = JSON.parse(read(new URL('index.json', dir))) as Record<string, number[]>;
const vendored = Object.keys(index).map((state) => {
	const text = read(new URL(`${state}.json`, dir));
	return { state, text, file: JSON.parse(text) as CountyLines };
});

// Each line as its set of segments, direction ignored: the same lines whichever way they are cut.
const segments = (lines: GeoJSON.Position[][]) =>
	lines.flatMap((line) =>
		line.slice(1).map((p, i) => [line[i]!.join(), p.join()].sort().join(' '))
	);
const linesOf = (file: CountyLines) =>
	(feature(file, file.objects.lines).geometry as GeoJSON.MultiLineString).coordinates;

describe('the county lines, a file per state', () => {
	test('are what npm run vendor:counties makes from the installed us-atlas', () => {
		const { files, index: made } = countiesByState(atlas);
		expect(made).toEqual(index);
		for (const { state, text } of vendored)
			expect(text, state).toBe(JSON.stringify(files.get(state)));
	});

	test('together are exactly the lines between two counties of one state', () => {
		// Straight from the whole file: every arc two counties share, unless they are in two states.
		const counties = atlas.objects.counties as GeometryCollection;
		const whole = mesh(
			atlas,
			counties,
			(a, b) => a !== b && String(a.id).slice(0, 2) === String(b.id).slice(0, 2)
		);
		const expected = segments(whole.coordinates).sort();
		expect(expected.length).toBeGreaterThan(20_000);
		const cut = new Set(vendored.flatMap(({ file }) => segments(linesOf(file))));
		expect(expected.filter((seg) => !cut.has(seg))).toEqual([]);
		// One arc of us-atlas is used by three counties, two of them in Illinois: the whole file's
		// mesh pairs its first and last user (a Kentucky county) and leaves it out, Illinois's own
		// keeps it. A 100 m segment on the Ohio River; nothing else differs.
		const inWhole = new Set(expected);
		const extra = [...cut].filter((seg) => !inWhole.has(seg));
		expect(extra).toEqual([
			'-88.41357715247152,37.42399851987519 -88.41357715247152,37.42485757956579'
		]);
	});

	test('each fits the map budget for one payload (100 kB gzipped) and its box', () => {
		for (const { state, text, file } of vendored) {
			expect(gzipSync(text).length, state).toBeLessThan(100_000);
			const [w, s, e, n] = index[state]!;
			for (const [lng, lat] of linesOf(file).flat()) {
				expect(lng! >= w! && lng! <= e! && lat! >= s! && lat! <= n!, state).toBe(true);
			}
		}
	});
});
