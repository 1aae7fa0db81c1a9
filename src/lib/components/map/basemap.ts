import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import countiesUrl from 'us-atlas/counties-10m.json?url';
import statesUrl from 'us-atlas/states-10m.json?url';
import { countyLines, stateBoundaries } from '$lib/map/boundaries';
import { TextOverlay } from './overlay';

// The offline basemap's data: us-atlas TopoJSON, bundled as static assets (hashed, cached for
// good), never fetched from anyone else. Counties (250 kB gzipped) wait until someone zooms in
// far enough to see them, and until the results are on the map; states (37 kB) come with the
// first view.

const COUNTY_ZOOM = 5.5;
const LABEL_ZOOM = 4.5;

async function topology(url: string, signal: AbortSignal): Promise<Topology> {
	const response = await fetch(url, { signal });
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as Topology;
}

/**
 * Fills the offline style's sources; returns a function that takes the labels away. Called before
 * the style has loaded, so that the boundaries are fetched while MapLibre starts.
 */
export function drawBoundaries(
	map: MapLibreMap,
	signal: AbortSignal,
	resultsDrawn: Promise<void>
): () => void {
	const loaded = new Promise((resolve) => map.once('load', resolve));
	const fill = (source: string, data: GeoJSON.GeoJSON) =>
		void loaded.then(() => (map.getSource(source) as GeoJSONSource | undefined)?.setData(data));
	const labels = new TextOverlay(map, 'state-labels', LABEL_ZOOM);
	void topology(statesUrl, signal)
		.then((t) => {
			const { land, borders, labels: names } = stateBoundaries(t);
			fill('land', land);
			fill('state-borders', borders);
			void loaded.then(() =>
				labels.set(names.map((n) => ({ lng: n.lng, lat: n.lat, text: n.name })))
			);
		})
		.catch(ignoreAbort);

	let counties = false;
	const loadCounties = () => {
		if (counties || map.getZoom() < COUNTY_ZOOM) return;
		counties = true;
		map.off('zoomend', loadCounties);
		void resultsDrawn
			.then(() => topology(countiesUrl, signal))
			.then((t) => fill('county-lines', countyLines(t)))
			.catch(ignoreAbort);
	};
	map.on('zoomend', loadCounties);
	loadCounties();
	return () => {
		map.off('zoomend', loadCounties);
		labels.remove();
	};
}

function ignoreAbort(error: unknown): void {
	if ((error as Error).name !== 'AbortError') console.warn('basemap:', error);
}
