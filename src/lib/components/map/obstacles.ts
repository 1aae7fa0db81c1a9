import type { Map as MapLibreMap } from 'maplibre-gl';
import { circleBox, type Box } from '$lib/map/label-placement';
import {
	CENTER,
	CENTER_DOT,
	CLUSTER_LAYER,
	clusterRadius,
	HIGHLIGHT,
	HIGHLIGHT_RING,
	PIN_LAYER,
	PIN_RADIUS
} from '$lib/map/style';

// What a place name must never cover, in the map's screen pixels: every cluster, pin and ring the
// data layers draw (style.ts gives their radii; their stroke and 2 px of clear space added), and
// the map's own controls.

const RADIUS: Record<string, (p: Record<string, unknown>) => number> = {
	[CLUSTER_LAYER]: (p) => clusterRadius(Number(p.point_count)) + 4,
	[PIN_LAYER]: () => PIN_RADIUS[3] + 4,
	[HIGHLIGHT]: () => HIGHLIGHT_RING.radius + HIGHLIGHT_RING.stroke + 2,
	[CENTER]: () => CENTER_DOT.radius + CENTER_DOT.stroke + 2
};

export function mapObstacles(map: MapLibreMap): Box[] {
	const layers = Object.keys(RADIUS).filter((id) => map.getLayer(id));
	const drawn = map.queryRenderedFeatures({ layers }).map((f) => {
		const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
		const { x, y } = map.project([lng, lat]);
		return circleBox(x, y, RADIUS[f.layer.id]!(f.properties));
	});
	const container = map.getContainer();
	const origin = container.getBoundingClientRect();
	const boxes = [...container.querySelectorAll('.maplibregl-ctrl')].map((el) => {
		const r = el.getBoundingClientRect();
		return {
			left: r.left - origin.left,
			top: r.top - origin.top,
			right: r.right - origin.left,
			bottom: r.bottom - origin.top
		};
	});
	return [...drawn, ...boxes];
}
