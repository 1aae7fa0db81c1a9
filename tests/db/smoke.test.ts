import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { distanceMeters, point, within } from '../../src/lib/server/db/postgis';
import { backends } from './backends';

// Baltimore's city hall, a point ~1 km east of it, and Denver.
const cityHall = { lng: -76.6122, lat: 39.2904 };
const east = { lng: -76.6006, lat: 39.2904 };
const denver = { lng: -104.9903, lat: 39.7392 };

describe.each(backends)('schema on $name', (backend) => {
	let database: Database;

	beforeAll(async () => {
		database = await backend.open();
		await database.db
			.insertInto('facility')
			.values(
				[
					{ id: 'city-hall', at: cityHall, services: ['BU', 'MM'] },
					{ id: 'east', at: east, services: ['NU'] },
					{ id: 'denver', at: denver, services: ['BU'] }
				].map(({ id, at, services }) => ({
					id,
					name: id,
					street1: '1 Main St',
					city: 'Somewhere',
					state: 'MD',
					zip: '21202',
					intake_phones: [],
					location: point(at),
					location_precision: 'address' as const,
					location_source: 'test',
					services,
					source: 'test',
					source_date: '2026-01-01'
				}))
			)
			.execute();
	});

	afterAll(async () => {
		await database?.close();
	});

	test('opens the expected backend', () => {
		expect(database.kind).toBe(backend.name);
	});

	test('migrations create the tables', async () => {
		const { rows } = await sql<{ table_name: string }>`
			select table_name from information_schema.tables
			where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(database.db);
		expect(rows.map((r) => r.table_name)).toEqual(
			expect.arrayContaining(['facility', 'service_code', 'import_run', 'kysely_migration'])
		);
	});

	test('PostGIS measures geodesic distance and finds points within a radius', async () => {
		const near = await database.db
			.selectFrom('facility')
			.select(['id', distanceMeters('location', cityHall).as('meters')])
			.where(within('location', cityHall, 2_000))
			.orderBy('meters')
			.execute();
		expect(near.map((r) => r.id)).toEqual(['city-hall', 'east']);
		expect(near[0]?.meters).toBe(0);
		expect(near[1]?.meters).toBeGreaterThan(990);
		expect(near[1]?.meters).toBeLessThan(1_010);

		const tight = await database.db
			.selectFrom('facility')
			.select('id')
			.where(within('location', cityHall, 500))
			.execute();
		expect(tight.map((r) => r.id)).toEqual(['city-hall']);
	});

	test('the GiST and GIN indexes exist and serve their queries', async () => {
		const { rows: indexes } = await sql<{ indexname: string; indexdef: string }>`
			select indexname, indexdef from pg_indexes where tablename = 'facility'`.execute(database.db);
		const definition = (name: string) => indexes.find((i) => i.indexname === name)?.indexdef;
		expect(definition('facility_location_gist')).toMatch(/USING gist \(location\)/);
		expect(definition('facility_services_gin')).toMatch(/USING gin \(services\)/);

		// Three rows never need an index, so forbid sequential scans to see that one can be used.
		const plans = await database.db.transaction().execute(async (trx) => {
			await sql`set local enable_seqscan = off`.execute(trx);
			const explain = async (query: { compile(): unknown }) => {
				const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(trx);
				return rows.map((r) => r['QUERY PLAN']).join('\n');
			};
			return {
				radius: await explain(
					trx
						.selectFrom('facility')
						.select('id')
						.where(within('location', cityHall, 2_000))
				),
				services: await explain(
					trx
						.selectFrom('facility')
						.select('id')
						.where(sql<boolean>`services && ${sql.val(['BU'])}::text[]`)
				)
			};
		});
		expect(plans.radius).toContain('facility_location_gist');
		expect(plans.services).toContain('facility_services_gin');
	});

	test('running the migrations again changes nothing', async () => {
		const count = () =>
			database.db
				.selectFrom('kysely_migration' as 'facility')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
		const before = await count();
		expect(before.n).toBeGreaterThan(0);
		expect(await migrateToLatest(database.db)).toEqual([]);
		expect(await count()).toEqual(before);
	});

	// The pg client names reads so PostgreSQL parses each shape once per connection (connect.ts);
	// PGlite runs in-process, where the app's pool sends statements as they are.
	test.runIf(backend.name === 'postgres')(
		'reads are prepared once per connection, writes are not',
		async () => {
			const prepared = await database.db.connection().execute(async (session) => {
				const read = session.selectFrom('facility').select('id').where('state', '=', 'MD');
				await read.execute();
				await read.execute();
				await session.updateTable('facility').set({ name: 'x' }).where('id', '=', 'none').execute();
				const { rows } = await sql<{ name: string; statement: string }>`
					select name, statement from pg_prepared_statements`.execute(session);
				const mode = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(session);
				return { rows, text: read.compile().sql, mode: mode.rows[0]?.plan_cache_mode };
			});
			expect(prepared.rows).toContainEqual({
				name: expect.stringMatching(/^mat_[0-9a-f]{24}$/),
				statement: prepared.text
			});
			expect(prepared.rows.every((r) => /^\s*(select|with)\b/i.test(r.statement))).toBe(true);
			// Planned for each call's values, never a generic plan (connect.ts).
			expect(prepared.mode).toBe('force_custom_plan');
		}
	);
});
