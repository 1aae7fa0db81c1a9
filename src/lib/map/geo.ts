// Small geometry the map needs in the browser, without pulling turf's whole bundle in.

export interface LngLat {
	lng: number;
	lat: number;
}

/** [west, south, east, north] */
export type Bbox = [number, number, number, number];

const EARTH_RADIUS_MILES = 3958.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), in miles. */
export function milesBetween(a: LngLat, b: LngLat): number {
	const dLat = rad(b.lat - a.lat);
	const dLng = rad(b.lng - a.lng);
	const h =
		Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest radius choice whose circle around `center` holds the whole view (its farthest
 * corner), or the largest choice when none does: "search this area" should not drop what the
 * person can see, and cannot search wider than the form allows.
 */
export function radiusCovering(center: LngLat, view: Bbox, choices: readonly number[]): number {
	const [w, s, e, n] = view;
	const corners = [
		{ lng: w, lat: s },
		{ lng: w, lat: n },
		{ lng: e, lat: s },
		{ lng: e, lat: n }
	];
	const farthest = Math.max(...corners.map((c) => milesBetween(center, c)));
	const sorted = [...choices].sort((a, b) => a - b);
	return sorted.find((r) => r >= farthest) ?? sorted[sorted.length - 1]!;
}

/** The box around some points, or undefined for none. */
export function bboxOf(points: Iterable<LngLat>): Bbox | undefined {
	let box: Bbox | undefined;
	for (const { lng, lat } of points) {
		box = box
			? [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)]
			: [lng, lat, lng, lat];
	}
	return box;
}

/** The contiguous states: where a national view opens (Alaska, Hawaii and the territories are a pan away). */
export const LOWER_48: Bbox = [-124.8, 24.4, -66.9, 49.4];
