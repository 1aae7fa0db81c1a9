import { sql, type RawBuilder } from 'kysely';

// Typed spatial helpers: the only place that writes PostGIS SQL. Longitude comes first, as in
// GeoJSON and ST_MakePoint.

export interface LngLat {
	lng: number;
	lat: number;
}

/** A geography point literal from numbers, passed as parameters. */
export function point({ lng, lat }: LngLat): RawBuilder<unknown> {
	return sql`ST_SetSRID(ST_MakePoint(${lng}::float8, ${lat}::float8), 4326)::geography`;
}

/** Longitude of a geography point column, as a number. */
export function lngOf(column: string): RawBuilder<number> {
	return sql<number>`ST_X(${sql.ref(column)}::geometry)`;
}

/** Latitude of a geography point column, as a number. */
export function latOf(column: string): RawBuilder<number> {
	return sql<number>`ST_Y(${sql.ref(column)}::geometry)`;
}

// Distances are great-circle distances on a sphere of the Earth's mean radius (use_spheroid =
// false), the same measure the KNN operator <-> uses, so "within", "distance" and "nearest first"
// always agree with each other; against the spheroid they differ by under 0.5%.

/** Mean Earth radius PostGIS uses for sphere distances, in meters. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

/** True when the column lies within `meters` of the point; uses the GiST index. */
export function within(column: string, center: LngLat, meters: number): RawBuilder<boolean> {
	return sql<boolean>`ST_DWithin(${sql.ref(column)}, ${point(center)}, ${meters}::float8, false)`;
}

/** Great-circle distance in meters from the point. */
export function distanceMeters(column: string, center: LngLat): RawBuilder<number> {
	return sql<number>`ST_Distance(${sql.ref(column)}, ${point(center)}, false)`;
}

/** KNN ordering key (index-assisted nearest-first), in sphere meters. */
export function nearest(column: string, center: LngLat): RawBuilder<number> {
	return sql<number>`${sql.ref(column)} <-> ${point(center)}`;
}
