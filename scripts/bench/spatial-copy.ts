// A copy of the facility table as an intermediate fix would store it, built beside the real table
// in the bench's own database (only a GiST index: the radius shapes use nothing else):
// facility_spatial has every column, rows written in spatial order (a radius reads few pages),
// plus the bitmask of filter codes beside the text[]. The app went one step further: the narrow
// facility_search table (db/migrations/2026_11_22_03_facility_search.ts).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { bitsCondition } from '../../src/lib/server/db/search-table';
import { APP_TABLE, type Source } from './variant-sql';

export const SPATIAL_TABLE: Source = { table: 'facility_spatial', filters: APP_TABLE.filters };
export const SPATIAL_BITS: Source = {
	table: 'facility_spatial',
	filters: (groups) => bitsCondition(groups) ?? sql<boolean>`true`
};

/** Builds facility_spatial; returns the milliseconds it took. */
export async function buildSpatialCopies(db: Kysely<DB>): Promise<number> {
	const started = performance.now();
	await db.connection().execute(async (conn) => {
		await sql`set work_mem = '256MB'`.execute(conn);
		await sql`set maintenance_work_mem = '512MB'`.execute(conn);
		await sql`drop table if exists facility_spatial`.execute(conn);
		// The bits are the app's own, from facility_search.
		await sql`
			create table facility_spatial as
			select f.*, s.filter_lo, s.filter_hi
			from facility f join facility_search s using (id)
			order by ST_GeoHash(f.location::geometry, 8)`.execute(conn);
		await sql`create index on facility_spatial using gist (location)`.execute(conn);
	});
	await sql`vacuum analyze facility_spatial`.execute(db);
	return performance.now() - started;
}
