import { json } from '@sveltejs/kit';
import { selectedGroups } from '$lib/filters';
import * as facilities from '$lib/server/db/facilities';
import { handleApi, placeError } from '$lib/server/http';
import { locate, MAP_CODES } from '$lib/server/search';
import { parseSearchParams } from '$lib/server/validate/search';
import type { RequestHandler } from './$types';

// The same search as /api/facilities, unpaged (limit and offset are accepted and ignored, so the
// list's URL can be reused), with only what the map draws.
export const GET: RequestHandler = ({ url }) =>
	handleApi(async () => {
		const params = parseSearchParams(url.searchParams);
		const located = await locate(params);
		if ('problem' in located) return placeError(located.problem);
		const { place } = located;
		const rows = await facilities.points(
			{
				center: place ? { lng: place.lng, lat: place.lat } : undefined,
				radiusMiles: params.radius,
				groups: selectedGroups(params.filters)
			},
			MAP_CODES
		);
		return json(
			{
				type: 'FeatureCollection',
				features: rows.map((r) => {
					const codes = new Set(r.services);
					return {
						type: 'Feature',
						id: r.id,
						geometry: { type: 'Point', coordinates: [round(r.lng), round(r.lat)] },
						properties: {
							id: r.id,
							precision: r.locationPrecision,
							methadone: codes.has('MU'),
							buprenorphine: codes.has('BU'),
							naltrexone: codes.has('NU'),
							otp: codes.has('OTP')
						}
					};
				})
			},
			{ headers: { 'content-type': 'application/geo+json' } }
		);
	});

// Six decimals is about 10 cm, far finer than any listed address.
const round = (degrees: number) => Math.round(degrees * 1e6) / 1e6;
