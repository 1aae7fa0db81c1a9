import type { LngLat } from '../db/postgis';
import type { AdapterResult } from './types';

// Rough boxes around the US states and territories (west, south, east, north). A point outside
// all of them is a bad coordinate (0,0, swapped lat/lng, a dropped minus sign), not a facility.
const BOXES: [number, number, number, number][] = [
	[-125, 24, -66, 49.5], // contiguous states
	[-180, 51, -129, 72], // Alaska
	[172, 51, 180, 54], // Aleutians west of the antimeridian
	[-161, 18.5, -154, 22.5], // Hawaii
	[-68, 17.5, -64.5, 18.6], // Puerto Rico, US Virgin Islands
	[144, 13, 146.5, 21], // Guam, Northern Mariana Islands
	[-171, -15, -168, -11] // American Samoa
];

export function inUsBounds({ lng, lat }: LngLat): boolean {
	return BOXES.some(([w, s, e, n]) => lng >= w && lng <= e && lat >= s && lat <= n);
}

/** Parses a coordinate pair from text, saying what is wrong with it when it is unusable. */
export function parseLngLat(lngText: string, latText: string): AdapterResult<LngLat> {
	if (lngText.trim() === '' || latText.trim() === '') return { rejected: 'missing coordinates' };
	const point = { lng: Number(lngText), lat: Number(latText) };
	if (!Number.isFinite(point.lng) || !Number.isFinite(point.lat)) {
		return { rejected: `coordinates are not numbers (${latText}, ${lngText})` };
	}
	if (Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) {
		return { rejected: `coordinates out of range (${latText}, ${lngText})` };
	}
	if (!inUsBounds(point)) {
		return { rejected: `coordinates outside the US and territories (${latText}, ${lngText})` };
	}
	return { ok: point };
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres. */
export function distanceKm(a: LngLat, b: LngLat): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLng = (b.lng - a.lng) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
