import { CompiledQuery, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../src/lib/server/db/connect';
import type { DB } from '../../src/lib/server/db/schema';
import { prepareImport } from '../../src/lib/server/import/prepare';
import { defaultSources } from '../../src/lib/server/import/sources';
import { replaceFacilities } from '../../src/lib/server/import/write';
import type { PlacedFacility } from '../../src/lib/server/import/types';
import { searchStatements, type SearchSpec } from '../../scripts/bench/search-sql';
import { backends } from './backends';

// The radius search must be answered through the GiST index of facility_search (ST_DWithin
// expands to an indexable `&&`), not by measuring every program. Plans of the statements
// facilities.search really sends (scripts/bench/search-sql.ts), on the programs of the Northeast.
// db/SEARCH-PLANS.md has the full plans on the national data.

const NORTHEAST = new Set(['NY', 'NJ', 'CT', 'PA', 'MA', 'RI']);
const NEW_YORK = { lng: -74.006, lat: 40.7128 };

let slice: PlacedFacility[];

beforeAll(async () => {
	const { facilities } = await prepareImport(defaultSources());
	slice = facilities.filter((f) => NORTHEAST.has(f.state));
});

/**
 * The plan PostgreSQL keeps for the statement once prepared: the app's pg client names its reads
 * (connect.ts), and after five runs PostgreSQL may switch to this parameter-blind plan.
 */
async function genericPlan(db: Kysely<DB>, statement: CompiledQuery): Promise<string> {
	const literal = (v: unknown) =>
		typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
	return db.connection().execute(async (session) => {
		await sql`set plan_cache_mode = force_generic_plan`.execute(session);
		await session.executeQuery(CompiledQuery.raw(`prepare generic_plan as ${statement.sql}`));
		try {
			const { rows } = await session.executeQuery<Record<string, string>>(
				CompiledQuery.raw(
					`explain (costs off) execute generic_plan(${statement.parameters.map(literal).join(', ')})`
				)
			);
			return rows.map((r) => Object.values(r)[0]).join('\n');
		} finally {
			await sql`deallocate generic_plan`.execute(session);
			await sql`reset plan_cache_mode`.execute(session);
		}
	});
}

async function plan(db: Kysely<DB>, statement: CompiledQuery): Promise<string> {
	const { rows } = await db.executeQuery<Record<string, string>>(
		CompiledQuery.raw(`explain (analyze, costs off) ${statement.sql}`, [...statement.parameters])
	);
	return rows.map((r) => Object.values(r)[0]).join('\n');
}

const near = (radiusMiles: number, filters: SearchSpec['filters'] = {}): SearchSpec => ({
	center: NEW_YORK,
	radiusMiles,
	filters,
	limit: 20,
	offset: 0
});

describe.each(backends)('search plans on $name', (backend) => {
	let database: Database;

	beforeAll(async () => {
		database = await backend.open();
		await database.db.transaction().execute((trx) => replaceFacilities(trx, slice));
		await sql`analyze facility, facility_search`.execute(database.db);
	});

	afterAll(async () => {
		await database?.close();
	});

	test('the slice is big enough for the planner to prefer an index', () => {
		expect(slice.length).toBeGreaterThan(2_000);
	});

	test.each([5, 25])(
		'a %i-mile page and count go through the search table GiST index',
		async (miles) => {
			const [page, count] = searchStatements(near(miles));
			expect(page!.sql).toMatch(/ST_DWithin\("location", .*, false\)/);
			for (const statement of [page!, count!]) {
				const text = await plan(database.db, statement);
				expect(text, text).toMatch(/(Index|Bitmap Index) Scan (using|on) facility_search_gist/);
				expect(text, text).toMatch(/Index Cond: \(location && _st_expand\(/);
				expect(text, text).not.toMatch(/Seq Scan/);
			}
		}
	);

	test('nearest first is by distance, ties by id, and only the page is read from facility', async () => {
		const [page] = searchStatements(near(25));
		expect(page!.sql).toMatch(/order by "meters", "id" limit/);
		const text = await plan(database.db, page!);
		expect(text, text).toMatch(/Index Scan using facility_pkey on facility/);
		expect(text, text).not.toMatch(/Seq Scan/);
	});

	test('with filters, the radius picks the rows and the bitmasks check them', async () => {
		const statements = searchStatements(
			near(25, { medication: ['buprenorphine', 'methadone'], payment: ['medicaid'] })
		);
		for (const statement of statements) {
			const text = await plan(database.db, statement);
			expect(text, text).toMatch(/facility_search_gist/);
			expect(text, text).toMatch(/filter_lo/);
			expect(text, text).not.toMatch(/facility_services_gin|Seq Scan/);
		}
	});

	test('nationwide without filters, the page comes off the order index and the total is kept', async () => {
		const [page, count] = searchStatements({ radiusMiles: 25, filters: {}, limit: 20, offset: 0 });
		const pagePlan = await plan(database.db, page!);
		expect(pagePlan, pagePlan).toMatch(/facility_national_order_idx/);
		expect(pagePlan, pagePlan).not.toMatch(/Seq Scan|Sort/);
		const countPlan = await plan(database.db, count!);
		expect(countPlan, countPlan).toMatch(/facility_search_build/);
		expect(countPlan, countPlan).not.toMatch(/on facility\b|on facility_search\b/);
	});

	test('prepared, the parameter-blind plans keep the same indexes', async () => {
		const [nearPage, nearCount] = searchStatements(
			near(25, { medication: ['buprenorphine'], payment: ['medicaid'] })
		);
		for (const statement of [nearPage!, nearCount!]) {
			const text = await genericPlan(database.db, statement);
			expect(text, text).toMatch(/facility_search_gist/);
			expect(text, text).not.toMatch(/Seq Scan/);
		}
		const [nationalPage] = searchStatements({ radiusMiles: 25, filters: {}, limit: 20, offset: 0 });
		const text = await genericPlan(database.db, nationalPage!);
		expect(text, text).toMatch(/facility_national_order_idx/);
		expect(text, text).not.toMatch(/Seq Scan/);
	});

	test('the kept total is the number of programs', async () => {
		const { rows } = await sql<{ total: number; programs: number }>`
			select (select total from facility_search_build) as total,
				(select count(*)::int from facility) as programs`.execute(database.db);
		expect(rows[0]).toEqual({ total: slice.length, programs: slice.length });
	});
});
