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

	test('nationwide with only a scope, the total is the one kept for that scope', async () => {
		const [, count] = searchStatements({
			radiusMiles: 25,
			filters: { scope: ['medication'] },
			limit: 20,
			offset: 0
		});
		const countPlan = await plan(database.db, count!);
		expect(countPlan, countPlan).toMatch(/facility_search_build/);
		expect(countPlan, countPlan).not.toMatch(/on facility\b|on facility_search\b/);
	});

	test('the kept totals are the programs of each scope, counted from their codes', async () => {
		const row = await database.db
			.selectFrom('facility_search_build')
			.select('scope_totals')
			.executeTakeFirstOrThrow();
		// Written again here from the scope's wording, not from the filter definitions.
		const lists = (f: PlacedFacility, ...codes: string[]) =>
			codes.some((c) => f.services.includes(c));
		expect(row.scope_totals).toEqual({
			'scope:medication': slice.filter((f) => lists(f, 'MU', 'BU', 'NU')).length,
			'scope:supports': slice.filter((f) => lists(f, 'MU', 'BU', 'NU', 'MOA')).length,
			'scope:all': slice.length
		});
	});

	test('the kept total is the number of programs', async () => {
		const { rows } = await sql<{ total: number; programs: number }>`
			select (select total from facility_search_build) as total,
				(select count(*)::int from facility) as programs`.execute(database.db);
		expect(rows[0]).toEqual({ total: slice.length, programs: slice.length });
	});
});
