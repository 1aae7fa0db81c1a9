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

// The radius search must be answered through the GiST index on facility.location (ST_DWithin
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
		await sql`analyze facility`.execute(database.db);
	});

	afterAll(async () => {
		await database?.close();
	});

	test('the slice is big enough for the planner to prefer an index', () => {
		expect(slice.length).toBeGreaterThan(2_000);
	});

	test.each([5, 25])('a %i-mile page and count go through the GiST index', async (miles) => {
		const { rows, count } = await searchStatements(near(miles));
		expect(rows.sql).toMatch(/ST_DWithin\("location", .*, false\)/);
		for (const statement of [rows, count]) {
			const text = await plan(database.db, statement);
			expect(text, text).toMatch(/(Index|Bitmap Index) Scan (using|on) facility_location_gist/);
			expect(text, text).toMatch(/Index Cond: \(location && _st_expand\(/);
			expect(text, text).not.toMatch(/Seq Scan/);
		}
	});

	test('nearest first is ordered by the KNN distance operator, ties by id', async () => {
		const { rows } = await searchStatements(near(25));
		const text = await plan(database.db, rows);
		expect(text, text).toMatch(/(Sort Key|Order By): \(+location <-> /);
		expect(rows.sql).toMatch(/order by "location" <-> .*, "id" limit/);
	});

	test('with filters, no program is read without an index', async () => {
		const { rows, count } = await searchStatements(
			near(25, { medication: ['buprenorphine', 'methadone'], payment: ['medicaid'] })
		);
		for (const statement of [rows, count]) {
			const text = await plan(database.db, statement);
			expect(text, text).toMatch(/facility_location_gist|facility_services_gin/);
			expect(text, text).not.toMatch(/Seq Scan/);
		}
	});
});
