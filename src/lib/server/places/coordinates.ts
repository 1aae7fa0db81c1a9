import { inUsBounds } from '../import/geo';
import { notFound, type Place, type Resolution } from './types';

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const PAIR = new RegExp(`^(${NUMBER})\\s*°?\\s*(?:,\\s*|\\s+)(${NUMBER})\\s*°?$`);

/** "lat, lng" in decimal degrees, or undefined when the input is not a pair of numbers. */
export function resolveCoordinates(input: string): Resolution | undefined {
	const match = PAIR.exec(input);
	if (!match) return undefined;
	const lat = Number(match[1]);
	const lng = Number(match[2]);
	if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
		return notFound(
			`We could not use "${input}" as coordinates: latitude goes from -90 to 90 and longitude from -180 to 180.`,
			swapped(lat, lng)
		);
	}
	if (!inUsBounds({ lat, lng }) && inUsBounds({ lat: lng, lng: lat })) {
		// "-71.8, 42.26" is valid (in the Southern Ocean) but almost surely "lng, lat".
		return notFound(
			`"${input}" is outside the US: coordinates go latitude first, then longitude.`,
			swapped(lat, lng)
		);
	}
	return { status: 'found', place: coordinatePlace(lat, lng) };
}

/** The same numbers the other way round, when that lands in the US. */
function swapped(lat: number, lng: number): Place[] {
	return inUsBounds({ lat: lng, lng: lat }) ? [coordinatePlace(lng, lat)] : [];
}

export function coordinatePlace(lat: number, lng: number): Place {
	return { label: `${lat.toFixed(5)}, ${lng.toFixed(5)}`, lat, lng, kind: 'coordinates' };
}
