import { FILTER_GROUPS, type FilterOption } from '../../src/lib/filters';
import { prepareImport } from '../../src/lib/server/import/prepare';
import { defaultSources } from '../../src/lib/server/import/sources';

// The test's own answer to a search, computed by brute force over the whole directory as the
// importer prepares it (never read back from the database). Only the filter vocabulary comes
// from the app, because it is the specification of what each option means; matching, distances
// and ordering are written here again, independently of the SQL.

export interface Program {
	id: string;
	name: string;
	city: string;
	state: string;
	lat: number;
	lng: number;
	services: ReadonlySet<string>;
	zip: string;
	precision: 'address' | 'zip';
}

export interface LngLat {
	lng: number;
	lat: number;
}

/** Selected option values per filter key, as the URL carries them. */
export type Selection = Record<string, string[]>;

/** The sphere PostGIS measures on with use_spheroid = false (the mean Earth radius). */
const EARTH_RADIUS_METERS = 6_371_008.8;
export const METERS_PER_MILE = 1609.344;
/** Points this close to the radius may fall either side of it (float noise, formula). */
export const EDGE_METERS = 1;

export async function loadDirectory(): Promise<Program[]> {
	const { facilities } = await prepareImport(defaultSources());
	return facilities.map((f) => ({
		id: f.id,
		name: f.name,
		city: f.city,
		state: f.state,
		lat: f.point.lat,
		lng: f.point.lng,
		services: new Set(f.services),
		zip: f.zip,
		precision: f.precision
	}));
}

/** Great-circle distance by the haversine formula. */
export function haversineMeters(a: LngLat, b: LngLat): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLng = (b.lng - a.lng) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

const OPTIONS = new Map<string, FilterOption>(
	FILTER_GROUPS.flatMap((g) => g.options.map((o) => [`${g.key}=${o.value}`, o] as const))
);

/** One-choice groups (the scope) and the value the API uses when a search names none. */
const DEFAULTS = FILTER_GROUPS.flatMap((g) =>
	g.single ? [[g.key, g.single.default] as const] : []
);

/** The selection as the API reads it: with the default scope when it names none. */
export function withDefaults(selection: Selection): Selection {
	const full = { ...selection };
	for (const [key, value] of DEFAULTS) full[key] ??= [value];
	return full;
}

/** Any of an option's codes (if it lists any), all of its `all` codes, none of its `none` codes. */
export function meets(services: ReadonlySet<string>, option: FilterOption): boolean {
	let any = option.codes.length === 0;
	for (const code of option.codes) if (services.has(code)) any = true;
	for (const code of option.all ?? []) if (!services.has(code)) return false;
	for (const code of option.none ?? []) if (services.has(code)) return false;
	return any;
}

/**
 * Any of a group's chosen options, in every chosen group: with the default scope unless the
 * selection is already complete (a facet count leaves the scope out on purpose).
 */
export function satisfies(
	services: ReadonlySet<string>,
	selection: Selection,
	{ complete = false }: { complete?: boolean } = {}
): boolean {
	const full = complete ? selection : withDefaults(selection);
	for (const key in full) {
		const met = full[key]!.some((value) => {
			const option = OPTIONS.get(`${key}=${value}`);
			if (!option) throw new Error(`the test chose an unknown option ${key}=${value}`);
			return meets(services, option);
		});
		if (!met) return false;
	}
	return true;
}

export interface Hit {
	program: Program;
	meters: number;
}

export interface NearAnswer {
	/** Matches clearly inside the radius, nearest first, ties by id. */
	inside: Hit[];
	/** Matches within EDGE_METERS of the radius, either side: the API may list them or not. */
	edge: Map<string, Hit>;
}

export function near(
	directory: readonly Program[],
	center: LngLat,
	radiusMiles: number,
	selection: Selection
): NearAnswer {
	const radius = radiusMiles * METERS_PER_MILE;
	const inside: Hit[] = [];
	const edge = new Map<string, Hit>();
	for (const program of directory) {
		const meters = haversineMeters(center, program);
		if (meters > radius + EDGE_METERS || !satisfies(program.services, selection)) continue;
		if (meters < radius - EDGE_METERS) inside.push({ program, meters });
		else edge.set(program.id, { program, meters });
	}
	inside.sort((a, b) => a.meters - b.meters || compareBytes(a.program.id, b.program.id));
	return { inside, edge };
}

/** Every match, in the national order: state, city, name, id. */
export function national(directory: readonly Program[], selection: Selection): Program[] {
	return directory
		.filter((p) => satisfies(p.services, selection))
		.sort(
			(a, b) =>
				compareBytes(a.state, b.state) ||
				compareBytes(a.city, b.city) ||
				compareBytes(a.name, b.name) ||
				compareBytes(a.id, b.id)
		);
}

// Both backends' databases use the C collation (PGlite's default; with-postgres.sh's initdb
// --locale=C), which orders text by its UTF-8 bytes.
const encoder = new TextEncoder();
export function compareBytes(a: string, b: string): number {
	return Buffer.compare(encoder.encode(a), encoder.encode(b));
}
