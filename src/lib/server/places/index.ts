import { looksLikeStreetAddress, resolveAddress } from './address';
import { cityIndex } from './cities';
import { resolveCity } from './city';
import { resolveCoordinates } from './coordinates';
import { geocoderFromEnv } from './geocoder';
import { notFound, type Geocoder, type Resolution } from './types';
import { placeForZip, resolveZip, ZIP } from './zip';

export type { Geocoder, Place, Resolution } from './types';
export { geocoderFromEnv, nominatimGeocoder } from './geocoder';
export { placeForZip };

export const MAX_INPUT_LENGTH = 200;

/**
 * What a person typed in the "Where" box, as a point: a ZIP code, "City, ST", a city name,
 * "lat, lng", or (with a geocoder configured) a street address. Never throws.
 */
export async function resolvePlace(
	text: string,
	options: { geocoder?: Geocoder } = {}
): Promise<Resolution> {
	const trimmed = typeof text === 'string' ? text.trim() : '';
	if (trimmed === '') return notFound('Type a ZIP code, a city and state, or coordinates.');
	if (trimmed.length > MAX_INPUT_LENGTH) {
		return notFound(`That is too long for a place: use at most ${MAX_INPUT_LENGTH} characters.`);
	}
	const input = trimmed.replace(/\s+/g, ' ');
	const zip = ZIP.exec(input)?.[1];
	if (zip !== undefined) return resolveZip(zip);
	const coordinates = resolveCoordinates(input);
	if (coordinates) return coordinates;
	if (looksLikeStreetAddress(input)) {
		return resolveAddress(input, options.geocoder ?? configuredGeocoder());
	}
	// "Worcester, MA 01608": the ZIP code is the more precise of the two.
	const trailingZip = /\s(\d{5})(?:-\d{4})?$/.exec(input)?.[1];
	const zipPlace = trailingZip === undefined ? undefined : placeForZip(trailingZip);
	if (zipPlace) return { status: 'found', place: zipPlace };
	return resolveCity(input.replace(/,?\s\d{5}(?:-\d{4})?$/, ''));
}

let fromEnv: { geocoder?: Geocoder } | undefined;

/** GEOCODER_URL, read once; a bad value is reported and leaves the geocoder off. */
function configuredGeocoder(): Geocoder | undefined {
	if (!fromEnv) {
		try {
			fromEnv = { geocoder: geocoderFromEnv(process.env) };
		} catch (error) {
			console.error(String(error));
			fromEnv = {};
		}
	}
	return fromEnv.geocoder;
}

/** Loads the gazetteer now rather than on the first request (about half a second). */
export function preloadPlaces(): void {
	cityIndex();
}
