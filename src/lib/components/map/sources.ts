import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MapText } from './overlay';

/** Replaces a GeoJSON source's data; MapLibre applies it in its worker, nothing to wait for. */
export function setSource(map: MapLibreMap, id: string, data: GeoJSON.GeoJSON): void {
	void (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
}

/**
 * Each cluster drawn in `layer`, where it is and how many programs it holds (a cluster spanning
 * tiles is reported per tile; it is counted once).
 */
export function clusterTexts(map: MapLibreMap, layer: string): (MapText & { count: number })[] {
	const seen = new Set<number>();
	return map.queryRenderedFeatures({ layers: [layer] }).flatMap((f) => {
		const id = f.properties.cluster_id as number;
		if (seen.has(id)) return [];
		seen.add(id);
		const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
		const count = f.properties.point_count as number;
		return [{ lng, lat, text: String(f.properties.point_count_abbreviated), count }];
	});
}

/** How many programs `layer` draws as single pins in view, each once (tiles overlap at edges). */
export function pinsInView(map: MapLibreMap, layer: string): number {
	return new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties.id)).size;
}
