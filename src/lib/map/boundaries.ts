import type { Feature, FeatureCollection, MultiLineString, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

// us-atlas's Census boundaries (TopoJSON, lng/lat) as the GeoJSON the offline basemap draws.
// TopoJSON is about a third of the GeoJSON's size on the wire; turning it into GeoJSON takes a
// few milliseconds in the browser.

export interface StateLabel {
	name: string;
	lng: number;
	lat: number;
}

type Areas = GeometryCollection<{ name: string }>;

/** Land (the states' areas), the lines between them, and a label point per state. */
export function stateBoundaries(topology: Topology) {
	const states = topology.objects.states as Areas;
	const land = feature(topology, states) as FeatureCollection;
	return {
		land,
		borders: mesh(topology, states, (a, b) => a !== b) as MultiLineString,
		labels: land.features.flatMap((f): StateLabel[] => {
			const at = labelPoint(f);
			const name = (f.properties as { name?: string } | null)?.name;
			return at && name ? [{ name, ...at }] : [];
		})
	};
}

/**
 * Where a state's name goes: the centroid of its largest part, so that Michigan is labelled on its
 * lower peninsula and Hawaii on the Big Island rather than at sea between islands.
 */
export function labelPoint(f: Feature): { lng: number; lat: number } | undefined {
	const g = f.geometry;
	const polygons: Position[][][] =
		g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
	let best: { area: number; lng: number; lat: number } | undefined;
	for (const [outer] of polygons as Polygon['coordinates'][]) {
		if (!outer) continue;
		const c = ringCentroid(outer);
		if (c && (!best || c.area > best.area)) best = c;
	}
	return best && { lng: best.lng, lat: best.lat };
}

/** Area-weighted centroid of a ring (planar, in degrees: fine for placing a label). */
function ringCentroid(ring: Position[]) {
	let twiceArea = 0;
	let x = 0;
	let y = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [x0, y0] = ring[j]!;
		const [x1, y1] = ring[i]!;
		const cross = x0! * y1! - x1! * y0!;
		twiceArea += cross;
		x += (x0! + x1!) * cross;
		y += (y0! + y1!) * cross;
	}
	if (twiceArea === 0) return undefined;
	return { area: Math.abs(twiceArea / 2), lng: x / (3 * twiceArea), lat: y / (3 * twiceArea) };
}
