import * as v from 'valibot';
import type { Geocoder, Place } from './types';

export interface NominatimOptions {
	/** Give up on a request after this long (default 5 s); the caller then resolves offline. */
	timeoutMs?: number;
	/** Space requests this far apart (default 1 s, the public Nominatim's usage policy). */
	minIntervalMs?: number;
	userAgent?: string;
}

// Nominatim files the territories as countries of their own.
const COUNTRIES = 'us,pr,gu,mp,vi,as';

const Hit = v.object({
	lat: v.pipe(v.union([v.string(), v.number()]), v.transform(Number), v.number()),
	lon: v.pipe(v.union([v.string(), v.number()]), v.transform(Number), v.number()),
	display_name: v.string(),
	address: v.optional(v.record(v.string(), v.unknown()))
});
type Hit = v.InferOutput<typeof Hit>;

/** A client for a Nominatim `/search` endpoint (self-hosted, public, or a compatible service). */
export function nominatimGeocoder(endpoint: string, options: NominatimOptions = {}): Geocoder {
	const base = new URL(endpoint);
	if (base.protocol !== 'https:' && base.protocol !== 'http:') {
		throw new Error(`A geocoder URL must be http:// or https://, not ${base.protocol}`);
	}
	const { timeoutMs = 5000, minIntervalMs = 1000, userAgent = 'MAT Locator' } = options;
	let nextSlot = 0;
	return async (query) => {
		const wait = Math.max(0, nextSlot - Date.now());
		if (wait > timeoutMs) throw new Error('geocoder busy');
		nextSlot = Date.now() + wait + minIntervalMs;
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

		// Parameters already in the URL (a hosted service's API key) are kept.
		const url = new URL(base);
		const params = { q: query, format: 'jsonv2', countrycodes: COUNTRIES, addressdetails: '1' };
		for (const [name, value] of Object.entries({ ...params, limit: '5' })) {
			url.searchParams.set(name, value);
		}
		const response = await fetch(url, {
			headers: { accept: 'application/json', 'user-agent': userAgent },
			signal: AbortSignal.timeout(timeoutMs)
		});
		if (!response.ok) throw new Error(`geocoder answered ${response.status}`);
		const body: unknown = await response.json();
		if (!Array.isArray(body)) throw new Error('geocoder answered something other than a list');
		return body.flatMap((item) => {
			const hit = v.safeParse(Hit, item);
			return hit.success && Math.abs(hit.output.lat) <= 90 && Math.abs(hit.output.lon) <= 180
				? [toPlace(hit.output)]
				: [];
		});
	};
}

/** The geocoder that `GEOCODER_URL` configures, or undefined when it is unset (the default). */
export function geocoderFromEnv(env: Record<string, string | undefined>): Geocoder | undefined {
	const url = env.GEOCODER_URL?.trim();
	if (!url) return undefined;
	try {
		return nominatimGeocoder(url);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Invalid GEOCODER_URL: ${reason}`, { cause: error });
	}
}

function toPlace({ lat, lon, display_name, address = {} }: Hit): Place {
	const part = (key: string) => (typeof address[key] === 'string' ? address[key] : undefined);
	const iso = part('ISO3166-2-lvl4')?.match(/^US-([A-Z]{2})$/)?.[1];
	const country = part('country_code')?.toUpperCase();
	const state = iso ?? (country && country !== 'US' ? country : undefined);
	const street = [part('house_number'), part('road')].filter(Boolean).join(' ');
	const locality = part('city') ?? part('town') ?? part('village') ?? part('hamlet');
	const label =
		street && locality
			? [street, locality, state].filter(Boolean).join(', ')
			: display_name.split(', ').slice(0, 4).join(', ');
	return { label, lat, lng: lon, kind: 'address', ...(state ? { state } : {}) };
}
