import type {
	ExpressionSpecification,
	GeoJSONSourceSpecification,
	LayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import { kindColor } from './kind';

// The map as data: the offline basemap's style and the layers that draw a search on top of any
// basemap. There are no glyphs (no font server, and no npm package ships glyph PBFs), so no layer
// draws text: place labels and cluster counts are HTML markers.

const empty = (): GeoJSONSourceSpecification => ({
	type: 'geojson',
	data: { type: 'FeatureCollection', features: [] }
});

/** The offline basemap's colors, and the fills the search draws under its names. */
export const MAP_COLORS = {
	water: '#d7e4ee',
	land: '#f7f6f2',
	countyLine: '#cfd3d6',
	stateBorder: '#8c959e',
	coast: '#9fb3c2',
	/** The search radius's disc: this color at `areaOpacity` over land or water. */
	area: '#4a6a85',
	areaOpacity: 0.06,
	cluster: '#2f4858'
} as const;

/**
 * The text drawn over the map (ResultsMap.svelte's overlay): each at least 4.5:1 on every fill
 * above (style.test.ts), with a white halo where a line passes under it.
 */
export const LABEL_INK = {
	state: '#4f5863',
	town: '#3d454c',
	center: '#1b1f24',
	clusterCount: '#ffffff'
} as const;

/** Census boundaries drawn from sources the component fills once their TopoJSON is loaded. */
export function offlineStyle(): StyleSpecification {
	return {
		version: 8,
		sources: { land: empty(), 'state-borders': empty(), 'county-lines': empty() },
		layers: [
			{ id: 'water', type: 'background', paint: { 'background-color': MAP_COLORS.water } },
			{ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': MAP_COLORS.land } },
			{
				id: 'county-lines',
				type: 'line',
				source: 'county-lines',
				minzoom: 6,
				paint: { 'line-color': MAP_COLORS.countyLine, 'line-width': 0.7 }
			},
			{
				id: 'state-borders',
				type: 'line',
				source: 'state-borders',
				paint: {
					'line-color': MAP_COLORS.stateBorder,
					'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6]
				}
			},
			{
				id: 'coast',
				type: 'line',
				source: 'land',
				paint: { 'line-color': MAP_COLORS.coast, 'line-width': 0.6 }
			}
		]
	};
}

export const PINS = 'pins';
export const HIGHLIGHT = 'highlight';
export const AREA = 'area';
export const CENTER = 'center';
/** Layers the pointer can pick programs from. */
export const PIN_LAYER = 'pins';
export const CLUSTER_LAYER = 'clusters';

/** A cluster's radius in px from each count up: 12 px below 10 programs, 24 px from 1,000. */
const CLUSTER_STEPS: readonly (readonly [count: number, radius: number])[] = [
	[0, 12],
	[10, 15],
	[100, 19],
	[1000, 24]
];
export const clusterRadius = (count: number): number =>
	CLUSTER_STEPS.findLast(([from]) => count >= from)![1];
/** Pins' radius in px by zoom (linear between). */
export const PIN_RADIUS = [4, 5, 12, 7] as const;

/** The selected or hovered program's ring, and the searched place's dot, in px. */
export const HIGHLIGHT_RING = { radius: 9, stroke: 4 } as const;
export const CENTER_DOT = { radius: 5, stroke: 2 } as const;

/** Zoom past which nothing is clustered: every program is its own pin. */
export const CLUSTER_MAX_ZOOM = 11;

export function dataSources(): Record<string, GeoJSONSourceSpecification> {
	return {
		[AREA]: empty(),
		[CENTER]: empty(),
		[PINS]: { ...empty(), cluster: true, clusterRadius: 40, clusterMaxZoom: CLUSTER_MAX_ZOOM },
		[HIGHLIGHT]: empty()
	};
}

const color = kindColor() as ExpressionSpecification;
const approx: ExpressionSpecification = ['==', ['get', 'approx'], true];

export function dataLayers(): LayerSpecification[] {
	return [
		{
			id: 'area-fill',
			type: 'fill',
			source: AREA,
			paint: { 'fill-color': MAP_COLORS.area, 'fill-opacity': MAP_COLORS.areaOpacity }
		},
		{
			id: 'area-line',
			type: 'line',
			source: AREA,
			// Not a pin color: the circle must not read as a program.
			paint: { 'line-color': MAP_COLORS.area, 'line-width': 1.5, 'line-dasharray': [3, 2] }
		},
		{
			id: CLUSTER_LAYER,
			type: 'circle',
			source: PINS,
			filter: ['has', 'point_count'],
			paint: {
				'circle-color': MAP_COLORS.cluster,
				'circle-radius': [
					'step',
					['get', 'point_count'],
					CLUSTER_STEPS[0]![1],
					...CLUSTER_STEPS.slice(1).flat()
				] as ExpressionSpecification,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 2
			}
		},
		{
			id: PIN_LAYER,
			type: 'circle',
			source: PINS,
			filter: ['!', ['has', 'point_count']],
			paint: {
				// Approximate places are hollow rings, exact ones solid dots.
				'circle-color': ['case', approx, '#ffffff', color],
				'circle-radius': ['interpolate', ['linear'], ['zoom'], ...PIN_RADIUS],
				'circle-stroke-color': ['case', approx, color, '#ffffff'],
				'circle-stroke-width': ['case', approx, 2.5, 1.5]
			}
		},
		{
			id: 'highlight',
			type: 'circle',
			source: HIGHLIGHT,
			paint: {
				'circle-color': color,
				'circle-radius': HIGHLIGHT_RING.radius,
				'circle-stroke-color': '#b8460b',
				'circle-stroke-width': HIGHLIGHT_RING.stroke
			}
		},
		{
			id: 'center',
			type: 'circle',
			source: CENTER,
			paint: {
				'circle-color': '#1b1f24',
				'circle-radius': CENTER_DOT.radius,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': CENTER_DOT.stroke
			}
		}
	];
}
