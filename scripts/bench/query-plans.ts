// Compares the two ways of storing a program's SAMHSA codes, on the imported national data:
//   A. facility.services text[] with a GIN index (what the schema uses), and
//   B. a join table facility_service(facility_id, code) with a btree index.
// It builds B inside a transaction that is rolled back, so the database is left as it was, and
// prints EXPLAIN ANALYZE plans plus median timings for typical filters. Usage:
//   npm run bench:plans            (embedded database in DATA_DIR, or DATABASE_URL)
//   npm run bench:plans -- --markdown > db/QUERY-PLANS.md
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { closeDb, db, dbKind } from '../../src/lib/server/db/index';
import type { DB } from '../../src/lib/server/db/schema';

const markdown = process.argv.includes('--markdown');
const RUNS = 25;
const CENTER = { lng: -87.6298, lat: 41.8781 }; // Chicago
const METERS = 50 * 1609.344;

// Two groups, any-of inside each, all-of across: (buprenorphine or methadone) and family counseling.
const GROUPS = [['BU', 'MU'], ['FCO']];

interface Case {
	name: string;
	array: RawBuilder<unknown>;
	join: RawBuilder<unknown>;
}

const arrayWhere = GROUPS.map((g) => sql`services && ${sql.val(g)}::text[]`);
const joinWhere = GROUPS.map(
	(g) =>
		sql`exists (select 1 from facility_service s where s.facility_id = f.id and s.code = any(${sql.val(g)}::text[]))`
);
const near = sql`ST_DWithin(location, ST_SetSRID(ST_MakePoint(${CENTER.lng}, ${CENTER.lat}), 4326)::geography, ${METERS})`;

const cases: Case[] = [
	{
		name: 'national count, two filter groups',
		array: sql`select count(*) from facility f where ${sql.join(arrayWhere, sql` and `)}`,
		join: sql`select count(*) from facility f where ${sql.join(joinWhere, sql` and `)}`
	},
	{
		name: 'rare code alone (BSDM, buprenorphine implant)',
		array: sql`select count(*) from facility f where services && array['BSDM']`,
		join: sql`select count(*) from facility f where exists (select 1 from facility_service s where s.facility_id = f.id and s.code = 'BSDM')`
	},
	{
		name: '50 miles of Chicago, two filter groups, nearest 20',
		array: sql`select id from facility f where ${near} and ${sql.join(arrayWhere, sql` and `)} order by location <-> ST_SetSRID(ST_MakePoint(${CENTER.lng}, ${CENTER.lat}), 4326)::geography limit 20`,
		join: sql`select id from facility f where ${near} and ${sql.join(joinWhere, sql` and `)} order by location <-> ST_SetSRID(ST_MakePoint(${CENTER.lng}, ${CENTER.lat}), 4326)::geography limit 20`
	}
];

async function explain(trx: Kysely<DB>, query: RawBuilder<unknown>): Promise<string> {
	const { rows } = await sql<{
		'QUERY PLAN': string;
	}>`explain (analyze, costs off, timing off) ${query}`.execute(trx);
	return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function medianMs(trx: Kysely<DB>, query: RawBuilder<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		await query.execute(trx);
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)] ?? NaN;
}

class Rollback extends Error {}

const out: string[] = [];
const say = (line = '') => out.push(line);

try {
	await db
		.transaction()
		.execute(async (trx) => {
			const { rows } = await sql<{ n: number }>`select count(*)::int as n from facility`.execute(
				trx
			);
			const n = rows[0]?.n ?? 0;
			if (n === 0) throw new Error('The facility table is empty: run npm run db:import first.');
			await sql`create table facility_service as select id as facility_id, unnest(services) as code from facility`.execute(
				trx
			);
			await sql`create index on facility_service (code, facility_id)`.execute(trx);
			await sql`create index on facility_service (facility_id)`.execute(trx);
			await sql`analyze facility`.execute(trx);
			await sql`analyze facility_service`.execute(trx);

			say(`# Service codes: text[] + GIN against a join table`);
			say();
			say(
				`Measured by \`scripts/bench/query-plans.ts\` on ${dbKind}, ${n} programs, ${RUNS} runs each (median).`
			);
			for (const c of cases) {
				const [aMs, bMs] = [await medianMs(trx, c.array), await medianMs(trx, c.join)];
				say();
				say(`## ${c.name}`);
				say();
				say(`- text[] + GIN: median ${aMs.toFixed(2)} ms`);
				say(`- join table: median ${bMs.toFixed(2)} ms (${(bMs / aMs).toFixed(1)}× the array)`);
				say();
				say('text[] + GIN plan:');
				say('```');
				say(await explain(trx, c.array));
				say('```');
				say('join table plan:');
				say('```');
				say(await explain(trx, c.join));
				say('```');
			}
			throw new Rollback();
		})
		.catch((e) => {
			if (!(e instanceof Rollback)) throw e;
		});
	console.log(markdown ? out.join('\n') : out.join('\n').replaceAll('```\n', ''));
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
} finally {
	await closeDb();
}
