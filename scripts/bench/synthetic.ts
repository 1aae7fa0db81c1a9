// A synthetic facility table of any size with a realistic spatial spread: every real program is
// replicated (programs / 12,744 times) at random offsets of a few kilometres, so density follows
// where programs really are, and each copy takes the service codes of a random real program in
// the same state. Set-based SQL throughout: the rows never pass through JavaScript.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { rebuildSearchTable } from '../../src/lib/server/db/search-table';
import type { SeedProgram } from './seeds';

/** Median offset of a copy from its original, about 3.5 km (Rayleigh, sigma 3 km). */
const OFFSET_SIGMA_METERS = 3_000;

/** Milliseconds per step of the build. */
export type BuildSteps = Record<'rows' | 'searchTable' | 'indexes' | 'vacuumAnalyze', number>;

export async function buildSynthetic(
	db: Kysely<DB>,
	seeds: readonly SeedProgram[],
	programs: number
): Promise<BuildSteps> {
	let mark = performance.now();
	const lap = () => -mark + (mark = performance.now());
	const steps: Partial<BuildSteps> = {};
	await db.connection().execute(async (conn) => {
		await loadSeeds(conn, seeds);
		// Indexes are built once after the load (from their own definitions), not row by row.
		const { rows: indexes } = await sql<{ name: string; definition: string }>`
			select indexname as name, indexdef as definition from pg_indexes
			where schemaname = current_schema() and tablename in ('facility', 'facility_search')
				and indexname not in (select conname from pg_constraint)
		`.execute(conn);
		for (const { name } of indexes) await sql`drop index ${sql.id(name)}`.execute(conn);
		await sql`set maintenance_work_mem = '512MB'`.execute(conn);
		await sql`select setseed(0.2026)`.execute(conn);
		await replicate(conn, programs, seeds.length);
		await sql`drop table bench_seed`.execute(conn);
		steps.rows = lap();
		// The app's own derived table, as its import would build it.
		await rebuildSearchTable(conn);
		steps.searchTable = lap();
		for (const { definition } of indexes) await sql.raw(definition).execute(conn);
		steps.indexes = lap();
	});
	await sql`vacuum analyze facility, facility_search`.execute(db);
	return { ...(steps as Omit<BuildSteps, 'vacuumAnalyze'>), vacuumAnalyze: lap() };
}

async function loadSeeds(conn: Kysely<DB>, seeds: readonly SeedProgram[]): Promise<void> {
	const col = <T>(get: (s: SeedProgram) => T) => sql.val(seeds.map(get));
	await sql`
		create table bench_seed as
		select s.*,
			row_number() over (partition by state order by ord) - 1 as state_rank,
			count(*) over (partition by state) as state_count
		from unnest(
			${col((s) => s.name)}::text[], ${col((s) => s.name2)}::text[],
			${col((s) => s.street1)}::text[], ${col((s) => s.street2)}::text[],
			${col((s) => s.city)}::text[], ${col((s) => s.state)}::text[], ${col((s) => s.zip)}::text[],
			${col((s) => s.phone)}::text[], ${col((s) => s.intakePhones.join('|'))}::text[],
			${col((s) => s.website)}::text[], ${col((s) => s.lng)}::float8[], ${col((s) => s.lat)}::float8[],
			${col((s) => s.precision)}::text[], ${col((s) => s.locationSource)}::text[],
			${col((s) => s.services.join(','))}::text[], ${col((s) => s.source)}::text[],
			${col((s) => s.sourceDate)}::text[]
		) with ordinality as s(name, name2, street1, street2, city, state, zip, phone, intake_phones,
			website, lng, lat, location_precision, location_source, services, source, source_date, ord)
	`.execute(conn);
}

async function replicate(conn: Kysely<DB>, programs: number, seedCount: number): Promise<void> {
	await sql`
		insert into facility (id, name, name2, street1, street2, city, state, zip, phone,
			intake_phones, website, location, location_precision, location_source, services, source,
			source_date)
		select 'syn' || lpad(g.i::text, 7, '0'), s.name, s.name2, s.street1, s.street2, s.city,
			s.state, s.zip, s.phone, string_to_array(s.intake_phones, '|'), s.website,
			ST_Project(ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326)::geography,
				${OFFSET_SIGMA_METERS}::float8 * sqrt(-2 * ln(1 - g.u_distance)), 2 * pi() * g.u_azimuth),
			s.location_precision, s.location_source, string_to_array(c.services, ','), s.source,
			s.source_date::date
		from (
			select i, random() as u_distance, random() as u_azimuth, random() as u_codes
			from generate_series(0, ${programs - 1}::int) as i
		) as g
		join bench_seed s on s.ord = g.i % ${seedCount}::int + 1
		join bench_seed c on c.state = s.state and c.state_rank = floor(g.u_codes * s.state_count)
	`.execute(conn);
}
