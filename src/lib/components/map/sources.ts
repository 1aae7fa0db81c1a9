import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { MapText } from './overlay';

/** Replaces a GeoJSON source's data; MapLibre applies it in its worker, nothing to wait for. */
export function setSource(map: MapLibreMap, id: string, data: GeoJSON.GeoJSON): void {
	void (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
}

/** The count of each cluster drawn in `layer` (a cluster spanning tiles is reported per tile). */
export function clusterTexts(map: MapLibreMap, layer: string): MapText[] {
	const seen = new Set<number>();
	return map.queryRenderedFeatures({ layers: [layer] }).flatMap((f) => {
		const id = f.properties.cluster_id as number;
		if (seen.has(id)) return [];
		seen.add(id);
		const [lng, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
		return [{ lng, lat, text: String(f.properties.point_count_abbreviated) }];
	});
}
