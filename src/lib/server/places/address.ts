import { resolveCity } from './city';
import { notFound, type Geocoder, type Place, type Resolution } from './types';
import { placeForZip } from './zip';

const MAX_CHOICES = 5;
const ZIP_AT_END = /\s*\b(\d{5})(?:-\d{4})?$/;

/** "12 Main St, Worcester, MA": a house number, then a word. */
export function looksLikeStreetAddress(input: string): boolean {
	return /^\d+[a-z]?(?:-\d+)?\s+\p{L}/iu.test(input);
}

/**
 * Asks the geocoder when one is configured; without one, or when it fails or finds nothing, falls
 * back on the ZIP code or the city the address names.
 */
export async function resolveAddress(input: string, geocoder?: Geocoder): Promise<Resolution> {
	if (geocoder) {
		// Promise.resolve: a geocoder that throws instead of rejecting must not escape either.
		const places = await Promise.resolve(input)
			.then(geocoder)
			.catch((error: unknown) => {
				console.warn(`Geocoder failed for an address: ${String(error)}`);
				return [] as Place[];
			});
		const distinct = places.filter((p, i) => places.findIndex((q) => q.label === p.label) === i);
		if (distinct.length === 1) return { status: 'found', place: distinct[0]! };
		if (distinct.length > 1)
			return { status: 'ambiguous', choices: distinct.slice(0, MAX_CHOICES) };
	}
	// Why the search is from less than the address: said on the results page.
	const why = geocoder
		? 'the street address could not be looked up just now'
		: 'this site finds places on its own server, without a mapping service, and has no list of street addresses';
	const zip = ZIP_AT_END.exec(input)?.[1];
	const zipPlace = zip === undefined ? undefined : placeForZip(zip);
	if (zipPlace) {
		const note = `Searched by the ZIP code ${zip}, not the street address: ${why}. Distances are from the middle of the ZIP code.`;
		return { status: 'found', place: { ...zipPlace, note } };
	}
	const comma = input.indexOf(',');
	const city =
		comma > 0
			? resolveCity(
					input
						.slice(comma + 1)
						.replace(ZIP_AT_END, '')
						.trim()
				)
			: undefined;
	if (city?.status === 'found') {
		const note = `Searched by the city, ${city.place.label}, not the street address: ${why}. Distances are from the middle of the city.`;
		return { status: 'found', place: { ...city.place, note } };
	}
	if (city?.status === 'ambiguous') return city;
	const advice = 'Try a ZIP code or "City, ST".';
	const message = geocoder
		? `We could not find "${input}". ${advice}`
		: `We could not find "${input}": street addresses are not looked up here. ${advice}`;
	return notFound(message, city?.status === 'not-found' ? city.suggestions : []);
}
