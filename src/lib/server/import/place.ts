import type { LngLat } from '../db/postgis';
import type { LocationPrecision } from '../db/schema';
import { distanceKm } from './geo';
import type { Geocoder, MatchRule } from './geocode';
import { zipCentroid } from './zip-centroid';
import type { AdapterResult, FacilityRecord } from './types';

/** An address point this far from the centroid of the facility's ZIP is worth a look. */
export const FAR_FROM_ZIP_KM = 50;
/**
 * Farther than this, the point contradicts the ZIP the facility gives: in the 2023 data the two
 * such points (over 200 km off) lie in another part of the state, while points 50–100 km off
 * are correct places in large rural ZIPs whose centroid is far from town.
 */
export const MAX_KM_FROM_ZIP = 100;

export interface Placement {
	point: LngLat;
	precision: LocationPrecision;
	locationSource: string;
	rule: MatchRule | 'own coordinates' | null;
	/** Kilometres between an address point and the ZIP centroid, when both are known. */
	kmFromZip: number | null;
	/** Why a point the facility has or matched was not used. */
	note: string | null;
}

/** Puts a facility on the map: its own coordinates, an address match, or its ZIP's centroid. */
export function place(facility: FacilityRecord, geocoder: Geocoder): AdapterResult<Placement> {
	const centroid = zipCentroid(facility.zip);
	const match: { point: LngLat; list: string; rule: Placement['rule'] } | null =
		facility.location && facility.locationList
			? { point: facility.location, list: facility.locationList, rule: 'own coordinates' }
			: geocoder.locate(facility);
	let note = facility.locationNote;
	if (match) {
		const kmFromZip = centroid ? distanceKm(match.point, centroid) : null;
		if (kmFromZip === null || kmFromZip <= MAX_KM_FROM_ZIP) {
			const { point, list: locationSource, rule } = match;
			return { ok: { point, precision: 'address', locationSource, rule, kmFromZip, note } };
		}
		note = `point from ${match.list} (${match.rule}) lies ${Math.round(kmFromZip)} km from ZIP ${facility.zip}`;
	}
	if (centroid) {
		const placement = {
			point: centroid,
			precision: 'zip',
			locationSource: 'zip-centroid'
		} as const;
		return { ok: { ...placement, rule: null, kmFromZip: 0, note } };
	}
	return {
		rejected:
			`ZIP ${facility.zip} is not in the ZIP-centroid table and the address matched no ` +
			'geocoded list'
	};
}
