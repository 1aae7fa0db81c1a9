import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-10m.json';
import { bboxOf } from '$lib/map/geo';
import { rings, svgPath } from './svg-path';

// A program page's small map: its state's outline with a dot, drawn on the server as SVG from the
// Census boundaries the app already vendors. No tiles, no script, nothing fetched: it costs the
// page a few kilobytes and works offline. The address beside it says the same in words.

export interface Locator {
	width: number;
	height: number;
	/** The state's outline, an SVG path in the view's units. */
	outline: string;
	x: number;
	y: number;
}

const WIDTH = 240;
const MAX_HEIGHT = 200;
/** Points closer than this (view units) to the last one kept add nothing at this size. */
const STEP = 1.2;

let byName: Map<string, Feature> | undefined;

function stateFeature(name: string): Feature | undefined {
	byName ??= new Map(
		(
			feature(
				states as unknown as Topology,
				(states as unknown as Topology).objects.states as GeometryCollection<{ name: string }>
			) as FeatureCollection
		).features.map((f) => [(f.properties as { name: string }).name, f])
	);
	return byName.get(name);
}

/** Alaska's Aleutians cross the 180th meridian: keep the state in one piece. */
const unwrap = (lng: number) => (lng > 0 ? lng - 360 : lng);

export function locator(stateName: string, lng: number, lat: number): Locator | undefined {
	const f = stateFeature(stateName);
	if (!f) return undefined;
	const all = rings(f);
	const wrap = stateName === 'Alaska' ? unwrap : (x: number) => x;
	const points = [[lng, lat], ...all.flat()].map(([x, y]) => ({ lng: wrap(x!), lat: y! }));
	const [minX, minY, maxX, maxY] = bboxOf(points)!;
	// Equirectangular, with longitude shrunk by the cosine of the middle latitude.
	const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
	const spanX = Math.max((maxX - minX) * k, 1e-6);
	const spanY = Math.max(maxY - minY, 1e-6);
	const pad = 8;
	const scale = Math.min((WIDTH - 2 * pad) / spanX, (MAX_HEIGHT - 2 * pad) / spanY);
	const height = Math.round(spanY * scale + 2 * pad);
	const project = (x: number, y: number): [number, number] => [
		pad + (wrap(x) - minX) * k * scale,
		pad + (maxY - y) * scale
	];
	const outline = svgPath(all, ([x, y]) => project(x!, y!), { close: true, step: STEP });
	const [x, y] = project(lng, lat);
	return { width: WIDTH, height, outline, x: +x.toFixed(1), y: +y.toFixed(1) };
}
