import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/connect';
import { latOf, lngOf } from '../../src/lib/server/db/postgis';
import type { DB } from '../../src/lib/server/db/schema';
import {
	importDefaultSources,
	importSources,
	type ImportSources
} from '../../src/lib/server/import/index';
import { backends } from './backends';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const sources = (...facilities: string[]): ImportSources => ({
	facilities: facilities.map(fixture),
	coordinates: [
		fixture('SubstanceUseTreatment_Geocoded-sample.csv'),
		fixture('OpioidTreatmentProgram_Geocoded-sample.csv'),
		fixture('FindTreatment_Facility_listing_2025_08_19_sample.csv')
	],
	serviceCodes: fixture('samhsa-service-codes-sample.csv.gz')
});

/** Everything an import writes, to compare before and after a failed one. */
async function snapshot(db: Kysely<DB>) {
	const facilities = await db
		.selectFrom('facility')
		.select(['id', 'name', 'services', 'location_precision', lngOf('location').as('lng')])
		.orderBy('id')
		.execute();
	const runs = await db.selectFrom('import_run').select('id').orderBy('id').execute();
	const codes = await db.selectFrom('service_code').select('code').orderBy('code').execute();
	return { facilities, runs, codes };
}

describe.each(backends)('importer on $name', (backend) => {
	let database: Database;
	let db: Kysely<DB>;

	beforeAll(async () => {
		database = await backend.open();
		db = database.db;
	});
	afterAll(async () => {
		await database?.close();
	});

	it('imports the fixtures, and the counts add up', async () => {
		const summary = await importSources(
			db,
			sources('nsumhss-2023-sample.csv', 'nsumhss-2023-edge-cases.csv')
		);
		// The edge cases repeat three sample rows verbatim: those merge across files too.
		expect(summary).toMatchObject({ sourceRows: 48, imported: 41, merged: 4, rejected: 3 });
		expect(summary.sourceRows).toBe(summary.imported + summary.merged + summary.rejected);

		const { count } = await db
			.selectFrom('facility')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(Number(count)).toBe(41);

		const precision = await db
			.selectFrom('facility')
			.select(['location_precision', (eb) => eb.fn.countAll<number>().as('n')])
			.groupBy('location_precision')
			.orderBy('location_precision')
			.execute();
		expect(precision.map((p) => [p.location_precision, Number(p.n)])).toEqual([
			['address', summary.precision.address],
			['zip', summary.precision.zip]
		]);

		// A Puerto Rico row keeps its leading zero and lands in Puerto Rico.
		const pr = await db
			.selectFrom('facility')
			.select(['zip', 'services', lngOf('location').as('lng'), latOf('location').as('lat')])
			.where('state', '=', 'PR')
			.executeTakeFirstOrThrow();
		expect(pr.zip).toMatch(/^00/);
		expect(pr.lat).toBeGreaterThan(17.5);
		expect(pr.lng).toBeLessThan(-65);
		expect(pr.services.length).toBeGreaterThan(0);
		expect(pr.services.every((code) => code === code.toUpperCase() && code !== '*')).toBe(true);

		const run = await db
			.selectFrom('import_run')
			.select(['summary', 'source'])
			.where('id', '=', summary.runId)
			.executeTakeFirstOrThrow();
		expect(run.summary).toMatchObject({ imported: 41, rejected: 3 });
		expect(run.source).toContain('nsumhss-2023-sample.csv');
		const codes = await db.selectFrom('service_code').select('code').execute();
		expect(codes.length).toBe(summary.serviceCodes);
	});

	it('gives the same ids when the same data is imported again', async () => {
		const before = await snapshot(db);
		await importSources(db, sources('nsumhss-2023-sample.csv', 'nsumhss-2023-edge-cases.csv'));
		const after = await snapshot(db);
		expect(after.facilities).toEqual(before.facilities);
		expect(after.runs).toHaveLength(before.runs.length + 1);
	});

	it('rolls the whole import back when the database refuses a row', async () => {
		const before = await snapshot(db);
		// A constraint the importer does not know about fails an insert after the old rows were
		// deleted, in the middle of the transaction ('not valid': the current rows break it too).
		const noWv = sql`alter table facility add constraint test_no_wv check (state <> 'WV') not valid`;
		await noWv.execute(db);
		try {
			await expect(importSources(db, sources('nsumhss-2023-sample.csv'))).rejects.toThrow(
				/test_no_wv/
			);
		} finally {
			await sql`alter table facility drop constraint test_no_wv`.execute(db);
		}
		expect(await snapshot(db)).toEqual(before);
	});

	it('imports the full national directory', { timeout: 240_000 }, async () => {
		const summary = await importDefaultSources(db);
		expect(summary.sourceRows).toBe(12_744);
		expect(summary.imported + summary.merged + summary.rejected).toBe(12_744);
		expect(summary.precision.address + summary.precision.zip).toBe(summary.imported);
		// Shared SOURCE.md: street1+ZIP alone places 67%; the importer does better.
		expect(summary.precision.address / summary.imported).toBeGreaterThan(0.75);

		const rows = await db
			.selectFrom('facility')
			.select([
				(eb) => eb.fn.countAll<number>().as('n'),
				(eb) => eb.fn.count<number>('id').distinct().as('ids')
			])
			.executeTakeFirstOrThrow();
		expect(Number(rows.n)).toBe(summary.imported);
		expect(Number(rows.ids)).toBe(summary.imported);
	});
});
