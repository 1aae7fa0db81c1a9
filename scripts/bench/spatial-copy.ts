// Copies of the facility table as proposed fixes would store it, built beside the real table in
// the bench's own database (only GiST indexes: the radius shapes use nothing else):
//   facility_spatial  every column, rows written in spatial order (a radius reads few pages),
//                     plus a narrow bitmask of filter codes beside the text[];
//   facility_search   only id, location and the bitmask, in the same order: a radius search
//                     scans this and fetches its page of 20 from facility by id.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { bitsCondition, bitsOf } from './filter-bits';
import { APP_TABLE, type Source } from './variant-sql';

export const SPATIAL_TABLE: Source = { table: 'facility_spatial', filters: APP_TABLE.filters };
export const SPATIAL_BITS: Source = { table: 'facility_spatial', filters: bitsCondition };

/** Builds facility_spatial and facility_search; returns the milliseconds it took. */
export async function buildSpatialCopies(db: Kysely<DB>): Promise<number> {
	const started = performance.now();
	// Programs share code sets (the synthetic table reuses the real ones): compute each set's
	// bits once, in JavaScript, and join them on.
	const { rows } = await sql<{ services: string[] }>`
		select distinct services from facility`.execute(db);
	const words = rows.map((r) => bitsOf(r.services));
	await db.connection().execute(async (conn) => {
		await sql`set work_mem = '256MB'`.execute(conn);
		await sql`set maintenance_work_mem = '512MB'`.execute(conn);
		await sql`drop table if exists facility_spatial, facility_search`.execute(conn);
		await sql`
			create temp table bench_bits as
			select * from unnest(${rows.map((r) => r.services.join(','))}::text[],
				${words.map((w) => w[0])}::int8[], ${words.map((w) => w[1])}::int8[])
				as b(key, filter_lo, filter_hi)`.execute(conn);
		await sql`
			create table facility_spatial as
			select f.*, b.filter_lo, b.filter_hi
			from facility f join bench_bits b on b.key = array_to_string(f.services, ',')
			order by ST_GeoHash(f.location::geometry, 8)`.execute(conn);
		await sql`create index on facility_spatial using gist (location)`.execute(conn);
		await sql`drop table bench_bits`.execute(conn);
		await sql`
			create table facility_search as
			select id, location, filter_lo, filter_hi from facility_spatial`.execute(conn);
		await sql`create index on facility_search using gist (location)`.execute(conn);
	});
	await sql`vacuum analyze facility_spatial, facility_search`.execute(db);
	return performance.now() - started;
}
