import { bbox, meshArcs } from 'topojson-client';
import type { GeometryCollection, MultiLineString, Topology } from 'topojson-specification';

// The county lines, one small TopoJSON per state, cut from us-atlas's counties-10m (250 kB
// gzipped whole, over the map's 100 kB budget for one payload). Each holds only the lines between
// that state's counties (state lines are drawn once, from the states file), as arcs of the
// original, unchanged: the same quantized points, so the lines are exactly us-atlas's.

export type CountyLines = Topology<{ lines: MultiLineString }>;
/** A state's FIPS code to the box [west, south, east, north] of its county lines. */
export type CountyIndex = Record<string, readonly number[]>;

export function countiesByState(counties: Topology): {
	files: Map<string, CountyLines>;
	index: CountyIndex;
} {
	const all = counties.objects.counties as GeometryCollection;
	const byState = new Map<string, GeometryCollection['geometries']>();
	for (const g of all.geometries) {
		const state = String(g.id).slice(0, 2);
		byState.set(state, [...(byState.get(state) ?? []), g]);
	}
	const files = new Map<string, CountyLines>();
	const index: CountyIndex = {};
	for (const [state, geometries] of [...byState].sort(([a], [b]) => a.localeCompare(b))) {
		// Arcs that two of this state's counties share: the lines between them.
		const mesh = meshArcs(counties, { type: 'GeometryCollection', geometries }, (a, b) => a !== b);
		if (mesh.arcs.length === 0) continue; // one county (or none): no line inside the state
		const kept: number[] = [];
		const renumber = new Map<number, number>();
		const arcOf = (i: number) => {
			const own = i < 0 ? ~i : i;
			let n = renumber.get(own);
			if (n === undefined) {
				n = kept.push(own) - 1;
				renumber.set(own, n);
			}
			return i < 0 ? ~n : n;
		};
		const lines = mesh.arcs.map((line) => line.map(arcOf));
		const file: CountyLines = {
			type: 'Topology',
			transform: counties.transform,
			objects: { lines: { type: 'MultiLineString', arcs: lines } },
			arcs: kept.map((i) => counties.arcs[i]!)
		};
		const [w, s, e, n] = bbox(file);
		// Rounded outwards, so that the box still holds every line.
		const [down, up] = [
			(v: number) => Math.floor(v * 1e4) / 1e4,
			(v: number) => Math.ceil(v * 1e4) / 1e4
		];
		index[state] = [down(w), down(s), up(e), up(n)];
		files.set(state, file);
	}
	return { files, index };
}

/** Whether two boxes [west, south, east, north] overlap. */
export function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
	return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}
