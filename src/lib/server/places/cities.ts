import { geoNamesPlaces } from './geonames';
import { nameKey, words } from './text';
import { zipTable } from './zips';

/** A city, town or village: one per name and state. */
export interface City {
	name: string;
	state: string;
	lat: number;
	lng: number;
	/** How many ZIP codes carry this name in this state: the size measure used for ranking. */
	zips: number;
	key: string;
}

export interface CityIndex {
	/** Cities by name key, largest first. */
	byKey: Map<string, City[]>;
	/** Cities by state, largest first. */
	byState: Map<string, City[]>;
}

interface Point {
	name: string;
	lat: number;
	lng: number;
}

// A GeoNames point farther than this from every ZIP code of the same name is another place.
const SAME_PLACE_KM = 30;

let index: CityIndex | undefined;

/** Cities of the states, DC and the territories, built on first use. */
export function cityIndex(): CityIndex {
	index ??= build();
	return index;
}

function build(): CityIndex {
	const zipPoints = [...zipTable().values()].map((z) => ({
		name: z.city,
		state: z.state,
		lat: z.latitude,
		lng: z.longitude
	}));
	const fromZips = group(zipPoints);
	const fromGeoNames = group(geoNamesPlaces());
	const byKey = new Map<string, City[]>();
	const byState = new Map<string, City[]>();
	for (const id of new Set([...fromGeoNames.keys(), ...fromZips.keys()])) {
		const [key, state] = id.split('|') as [string, string];
		const zips = fromZips.get(id) ?? [];
		// The USPS says "New York" where GeoNames says "New York City".
		const centers = fromGeoNames.get(id) ?? fromGeoNames.get(`${key}city|${state}`) ?? [];
		const { name, lat, lng } = pick(centers, zips);
		const city = { name, lat, lng, state, key, zips: zips.length };
		append(byKey, key, city);
		append(byState, state, city);
	}
	for (const list of [...byKey.values(), ...byState.values()]) list.sort((a, b) => b.zips - a.zips);
	return { byKey, byState };
}

/**
 * GeoNames' point (the center of the place) when it is the place the ZIP codes name; otherwise
 * the middle of the ZIP codes, for places only the USPS knows (neighbourhoods, small towns).
 */
function pick(centers: Point[], zips: Point[]): Point {
	if (zips.length === 0) return centers[0]!;
	const nearest = centers
		.map((point) => ({ point, km: Math.min(...zips.map((zip) => approxKm(point, zip))) }))
		.sort((a, b) => a.km - b.km)[0];
	if (nearest && nearest.km <= SAME_PLACE_KM) return nearest.point;
	return {
		name: zips[0]!.name,
		lat: median(zips.map((p) => p.lat)),
		lng: median(zips.map((p) => p.lng))
	};
}

function group(points: (Point & { state: string })[]): Map<string, Point[]> {
	const groups = new Map<string, Point[]>();
	const keys = new Map<string, string>();
	for (const point of points) {
		let key = keys.get(point.name);
		if (key === undefined) keys.set(point.name, (key = nameKey(words(point.name))));
		if (key !== '') append(groups, `${key}|${point.state}`, point);
	}
	return groups;
}

function append<T>(map: Map<string, T[]>, key: string, value: T) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

// The median, not the mean: one stray ZIP centroid must not drag a city across the county.
function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function approxKm(a: Point, b: Point): number {
	const x = (b.lng - a.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
	return Math.hypot(x, b.lat - a.lat) * 111.2;
}
