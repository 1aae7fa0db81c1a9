import bboxClip from '@turf/bbox-clip';
import type { Feature, MultiLineString, Polygon, MultiPolygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import states from 'us-atlas/states-10m.json';
import { stateBoundaries } from '$lib/map/boundaries';
import { boxesMeet, type CountyIndex, type CountyLines } from '$lib/map/counties-source';
import countyIndex from '$lib/map/data/counties/index.json';
import { bboxOf, type Bbox } from '$lib/map/geo';
import { centeredBox, circleBox, placeLabels, type Box } from '$lib/map/label-placement';
import type { Town } from '$lib/map/towns-source';
import { rings, svgPath } from './svg-path';

// A program page's close-up: what is around the program, drawn on the server as SVG from the
// offline basemap's own data (us-atlas land, state and county lines; GeoNames towns), so it reads
// like the results map and costs no tiles, no script and no request to anyone.

export interface NearbyTown {
	name: string;
	x: number;
	y: number;
}

export interface NearbyMap {
	width: number;
	height: number;
	/** SVG paths in the view's units; water is what land leaves uncovered. */
	land: string;
	stateLines: string;
	countyLines: string;
	/** Town names placed so that none covers another or the program's dot. */
	towns: NearbyTown[];
	x: number;
	y: number;
	/** A scale bar: this many miles is `length` units. */
	scale: { miles: number; length: number };
	/** The corner kept for the state's outline (Locator.svelte), clear of town names. */
	inset: { x: number; y: number; width: number; height: number };
}

export const NEARBY = { width: 320, height: 200, halfWidthMiles: 12 } as const;
const INSET = { width: 84, height: 72, margin: 6 } as const;
/** Town names' size in view units, and a generous width per letter (the page's sans-serif). */
export const TOWN_FONT = { size: 12, perLetter: 6.8, pad: 3 } as const;
const MAX_TOWNS = 10;
/** Kept clear around the program's dot: the dot and an approximate location's ring. */
const DOT_CLEARANCE = 14;
const MILES_PER_DEGREE = 69.09;
/** Points closer than this (view units) to the last one kept add nothing at this size. */
const STEP = 0.8;

type Boundaries = ReturnType<typeof stateBoundaries>;
let boundaries: Boundaries | undefined;
let landBoxes: Bbox[] | undefined;

const countyFiles = Object.fromEntries(
	Object.entries(
		import.meta.glob<CountyLines>('$lib/map/data/counties/[0-9]*.json', { import: 'default' })
	).map(([file, load]) => [file.slice(-7, -5), load])
);

const townFiles = import.meta.glob<Town[]>('$lib/map/data/us-towns-*.json', { import: 'default' });
let towns: Promise<Town[]> | undefined;
/** Every tier's towns. Loaded for the first program page, not at start. */
function allTowns(): Promise<Town[]> {
	towns ??= Promise.all(Object.values(townFiles).map((load) => load())).then((tiers) =>
		tiers.flat()
	);
	return towns;
}

/** A land feature's box, to skip the shapes far from the view before clipping them. */
const boxOf = (f: Feature): Bbox =>
	bboxOf(
		rings(f)
			.flat()
			.map(([lng, lat]) => ({ lng: lng!, lat: lat! }))
	)!;

function projection(lng: number, lat: number) {
	const unitsPerMile = NEARBY.width / (2 * NEARBY.halfWidthMiles);
	// Equirectangular about the program: a degree of longitude is cos(latitude) of a degree of
	// latitude, so a mile is the same length across and up the view.
	const perLat = unitsPerMile * MILES_PER_DEGREE;
	const perLng = perLat * Math.cos((lat * Math.PI) / 180);
	const halfLng = NEARBY.width / 2 / perLng;
	const halfLat = NEARBY.height / 2 / perLat;
	const box: Bbox = [lng - halfLng, lat - halfLat, lng + halfLng, lat + halfLat];
	const project = ([x, y]: Position): [number, number] => [
		(x! - box[0]) * perLng,
		(box[3] - y!) * perLat
	];
	return { box, project, unitsPerMile };
}

/** A box grown by a fraction of its size each way: clipped shapes end outside the view. */
function grown(box: Bbox, by: number): Bbox {
	const [dx, dy] = [(box[2] - box[0]) * by, (box[3] - box[1]) * by];
	return [box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy];
}

const pathOf = (lines: Position[][], project: (p: Position) => [number, number], close: boolean) =>
	svgPath(lines, project, { close, step: STEP });

function clippedLines(lines: MultiLineString, box: Bbox): Position[][] {
	const g = bboxClip({ type: 'Feature', properties: {}, geometry: lines }, box).geometry;
	return g.type === 'MultiLineString' ? g.coordinates : [g.coordinates as Position[]];
}

const clippedRings = (f: Feature<Polygon | MultiPolygon>, box: Bbox): Position[][] =>
	rings(bboxClip(f, box));

const scaleMiles = (unitsPerMile: number) =>
	[1, 2, 5, 10].findLast((miles) => miles * unitsPerMile <= NEARBY.width / 4) ?? 1;

/**
 * The close-up around a program at (lng, lat): land, water, lines and the towns that fit. None
 * where the boundaries have no land (a territory us-atlas leaves out): all water would be false.
 */
export async function nearbyMap(lng: number, lat: number): Promise<NearbyMap | undefined> {
	boundaries ??= stateBoundaries(states as unknown as Topology);
	landBoxes ??= boundaries.land.features.map(boxOf);
	const { box, project, unitsPerMile } = projection(lng, lat);
	const clip = grown(box, 0.05);

	const land = boundaries.land.features
		.filter((_, i) => boxesMeet(landBoxes![i]!, clip))
		.flatMap((f) => clippedRings(f as Feature<Polygon | MultiPolygon>, clip));
	if (land.length === 0) return undefined;
	const counties = await Promise.all(
		Object.entries(countyIndex as CountyIndex)
			.filter(([, stateBox]) => boxesMeet(stateBox, clip))
			.map(async ([state]) => {
				const file = await countyFiles[state]!();
				return clippedLines(feature(file, file.objects.lines).geometry, clip);
			})
	);

	const [x, y] = project([lng, lat]);
	const scale = { miles: scaleMiles(unitsPerMile), length: 0 };
	scale.length = +(scale.miles * unitsPerMile).toFixed(1);
	const view: Box = { left: 0, top: 0, right: NEARBY.width, bottom: NEARBY.height };
	const obstacles: Box[] = [
		// The dot and an approximate location's ring; the scale bar and the inset in corners.
		circleBox(x, y, DOT_CLEARANCE),
		{
			left: NEARBY.width - INSET.width - 2 * INSET.margin,
			top: 0,
			right: NEARBY.width,
			bottom: INSET.height + 2 * INSET.margin
		},
		{ left: 0, top: NEARBY.height - 24, right: scale.length + 40, bottom: NEARBY.height }
	];
	const height = TOWN_FONT.size + 2 * TOWN_FONT.pad;
	const shift = DOT_CLEARANCE + height / 2 + 1;
	const candidates = (await allTowns())
		.filter(([, tx, ty]) => tx >= box[0] && tx <= box[2] && ty >= box[1] && ty <= box[3])
		.sort((a, b) => b[3] - a[3])
		.map(([name, tx, ty]) => {
			const [px, py] = project([tx, ty]);
			const width = name.length * TOWN_FONT.perLetter + 2 * TOWN_FONT.pad;
			// On its point, as the results map draws it; else just above or below it (the program's
			// own town, whose point is often under the dot).
			const boxes = [0, -shift, shift].map((dy) => centeredBox(px, py + dy, width, height));
			return { name, x: px, y: py, boxes };
		});
	const placed = placeLabels(candidates, obstacles, view).slice(0, MAX_TOWNS);

	return {
		width: NEARBY.width,
		height: NEARBY.height,
		land: pathOf(land, project, true),
		stateLines: pathOf(clippedLines(boundaries.borders, clip), project, false),
		countyLines: pathOf(counties.flat(), project, false),
		towns: placed.map(({ label, box }) => ({
			name: label.name,
			x: +((box.left + box.right) / 2).toFixed(1),
			y: +((box.top + box.bottom) / 2).toFixed(1)
		})),
		x: +x.toFixed(1),
		y: +y.toFixed(1),
		scale,
		inset: {
			x: NEARBY.width - INSET.width - INSET.margin,
			y: INSET.margin,
			width: INSET.width,
			height: INSET.height
		}
	};
}
