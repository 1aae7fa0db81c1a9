// EXPLAIN (ANALYZE, COSTS OFF) of the statements facilities.search runs, on the imported national
// data, with a one-line reading of each plan (which index the radius and the ordering use) and the
// median time of the whole search. Usage (the database in DATA_DIR, or DATABASE_URL):
//   npx tsx scripts/bench/search-plans.ts              plans as text
//   npx tsx scripts/bench/search-plans.ts --markdown   a section of db/SEARCH-PLANS.md
import { CompiledQuery, sql } from 'kysely';
import { selectedGroups } from '../../src/lib/filters';
import { closeDb, db, dbKind } from '../../src/lib/server/db/index';
import * as facilities from '../../src/lib/server/db/facilities';
import { searchStatements, type SearchSpec } from './search-sql';

const markdown = process.argv.includes('--markdown');
const RUNS = 15;

const CHICAGO = { lng: -87.6298, lat: 41.8781 };
const NEW_YORK = { lng: -74.006, lat: 40.7128 };
const DENVER = { lng: -104.9903, lat: 39.7392 };

const cases: { name: string; spec: SearchSpec }[] = [
	{
		name: '25 miles of Chicago, no filter, first page',
		spec: { center: CHICAGO, radiusMiles: 25, filters: {}, limit: 20, offset: 0 }
	},
	{
		name: '25 miles of Chicago, (buprenorphine or methadone) and Medicaid, first page',
		spec: {
			center: CHICAGO,
			radiusMiles: 25,
			filters: { medication: ['buprenorphine', 'methadone'], payment: ['medicaid'] },
			limit: 20,
			offset: 0
		}
	},
	{
		name: '250 miles of New York, no filter, first page',
		spec: { center: NEW_YORK, radiusMiles: 250, filters: {}, limit: 20, offset: 0 }
	},
	{
		name: '100 miles of Denver, all three medications, third page',
		spec: {
			center: DENVER,
			radiusMiles: 100,
			filters: { medication: ['all-three'] },
			limit: 20,
			offset: 40
		}
	},
	{
		name: 'national, methadone, first page',
		spec: { radiusMiles: 25, filters: { medication: ['methadone'] }, limit: 20, offset: 0 }
	}
];

async function explain(statement: CompiledQuery): Promise<string> {
	const query = CompiledQuery.raw(`explain (analyze, costs off) ${statement.sql}`, [
		...statement.parameters
	]);
	const { rows } = await db.executeQuery<Record<string, string>>(query);
	return rows.map((r) => Object.values(r)[0]).join('\n');
}

/** What a plan does, in words. */
function reading(plan: string): string {
	const parts = [
		/facility_search_gist/.test(plan) ? 'GiST index of the narrow search table for the radius' : '',
		/facility_location_gist/.test(plan) ? 'GiST index of facility for the radius' : '',
		/filter_lo|filter_hi/.test(plan) ? 'filter bitmasks' : '',
		/facility_services_gin/.test(plan) ? 'GIN index for the filters' : '',
		/facility_national_order_idx/.test(plan) ? 'national order index' : '',
		/facility_pkey/.test(plan) ? 'the page joined back to facility by id' : '',
		/facility_search_build/.test(plan) ? 'the total kept with the search table' : '',
		/Incremental Sort/.test(plan) ? 'an incremental sort' : /\bSort\b/.test(plan) ? 'a sort' : '',
		/Seq Scan on (\w+)/.exec(plan)?.[0].replace('Seq Scan on', 'a sequential scan of') ?? ''
	];
	return parts.filter(Boolean).join('; ');
}

async function medianMs(spec: SearchSpec): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await facilities.search({ ...spec, groups: selectedGroups(spec.filters) });
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}

const out: string[] = [];
const say = (line = '') => out.push(line);
const fence = (text: string) => (markdown ? ['```', text, '```'] : [text]).forEach((l) => say(l));

try {
	const { rows } = await sql<{ n: number }>`select count(*)::int as n from facility`.execute(db);
	const n = rows[0]?.n ?? 0;
	if (n === 0) throw new Error('The facility table is empty: run npm run db:import first.');
	const version = await sql<{
		v: string;
		pg: string;
	}>`select postgis_lib_version() as v, current_setting('server_version') as pg`.execute(db);
	say(`${markdown ? '## ' : ''}${dbKind === 'pglite' ? 'Embedded PGlite' : 'PostgreSQL'}`);
	say();
	say(
		`${n} programs, PostgreSQL ${version.rows[0]?.pg}, PostGIS ${version.rows[0]?.v}; search time is the median of ${RUNS} runs of facilities.search.`
	);
	for (const c of cases) {
		const [page, count] = searchStatements(c.spec) as [CompiledQuery, CompiledQuery];
		// Once unmeasured, so the first case does not pay for cold caches.
		await facilities.search({ ...c.spec, groups: selectedGroups(c.spec.filters) });
		const [pagePlan, countPlan] = [await explain(page), await explain(count)];
		// Nearest first, the page carries the total; the count runs only for a page past the end.
		const countLabel = c.spec.center ? 'count (only sent for a page past the end)' : 'count';
		say();
		say(`${markdown ? '### ' : '== '}${c.name}`);
		say();
		say(`- search: median ${(await medianMs(c.spec)).toFixed(1)} ms`);
		say(`- page: ${reading(pagePlan)}`);
		say(`- ${countLabel}: ${reading(countPlan)}`);
		say();
		say('The page:');
		fence(`${page.sql}\n-- parameters: ${JSON.stringify(page.parameters)}\n\n${pagePlan}`);
		say(`The ${countLabel}:`);
		fence(countPlan);
	}
	console.log(out.join('\n'));
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
} finally {
	await closeDb();
}
