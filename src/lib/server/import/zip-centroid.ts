import zipcodes from 'zipcodes';
import type { LngLat } from '../db/postgis';
import { inUsBounds } from './geo';

/** Centroid of a five-digit US ZIP code, or null when the zipcodes package does not know it. */
export function zipCentroid(zip: string): LngLat | null {
	const info = zipcodes.lookup(zip);
	// The package also holds Canadian postal codes; only US ones are ZIP codes.
	if (!info || info.country !== 'US') return null;
	const point = { lng: info.longitude, lat: info.latitude };
	return inUsBounds(point) ? point : null;
}
