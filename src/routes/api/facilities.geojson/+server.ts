import { selectedGroups } from '$lib/filters';
import type { PinFeature } from '$lib/map/features';
import { kindOf } from '$lib/map/kind';
import { dataVersion } from '$lib/server/data-version';
import * as facilities from '$lib/server/db/facilities';
import { keepJson, keptResponse, type KeptJson } from '$lib/server/gzip';
import { handleApi, placeError } from '$lib/server/http';
import { heavyTurn } from '$lib/server/load-shedding';
import { recentStore } from '$lib/server/recent-searches';
import { locate, MAP_CODES, searchKey } from '$lib/server/search';
import { parseSearchParams } from '$lib/server/validate/search';
import type { RequestHandler } from './$types';

// The same search as /api/facilities, unpaged (limit and offset are accepted and ignored, so the
// list's URL can be reused), with only what the map draws: the national view is every program
// in the country, so each feature is an id, a point, a color class and an "approximate" flag.
//
// Answers are up to ~2 MB (283 kB gzipped), so a repeat is kept gzipped only, in a small store,
// and carries an ETag: a browser that already has the map's points revalidates (no-cache) and
// gets a 304. `private`: the URL names a place, so no shared cache may keep it.
const recent = recentStore<KeptJson>(dataVersion, { maxEntries: 50 });

export const GET: RequestHandler = ({ url, request }) =>
	handleApi(async () => {
		const params = parseSearchParams(url.searchParams);
		const located = await locate(params);
		if ('problem' in located) return placeError(located.problem);
		const { place } = located;
		const key = searchKey({ ...params, limit: 0, offset: 0 }, false);
		const kept = await recent.get(key, () =>
			heavyTurn(async () => {
				const area = {
					center: place ? { lng: place.lng, lat: place.lat } : undefined,
					radiusMiles: params.radius,
					groups: selectedGroups(params.filters)
				};
				// The text of a Pins collection, written a slice at a time (see pointSlices).
				const features: string[] = [];
				for await (const slice of facilities.pointSlices(area, MAP_CODES)) {
					for (const row of slice) features.push(JSON.stringify(toFeature(row)));
				}
				return keepJson(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
			})
		);
		return keptResponse(request, kept, 'application/geo+json', 'private, no-cache');
	});

function toFeature(row: facilities.MapPoint): PinFeature {
	const kind = kindOf(new Set(row.services));
	return {
		type: 'Feature',
		id: row.id,
		geometry: { type: 'Point', coordinates: [round(row.lng), round(row.lat)] },
		properties: { id: row.id, kind, ...(row.locationPrecision === 'zip' ? { approx: true } : {}) }
	};
}

// Six decimals is about 10 cm, far finer than any listed address.
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
