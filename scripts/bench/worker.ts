// One backend × dataset: builds the data in a fresh place, times the searches, prints a RunResult
// as JSON on stdout (progress goes to stderr). Run by search.ts, one process each, because the
// app's database module picks its backend from the environment when it is first imported.
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { importDefaultSources } from '../../src/lib/server/import/index';
import { pickCenters } from './cases';
import { sample } from './measure';
import type { RunResult, WorkerOptions } from './results';
import { timeCases } from './run-cases';
import { loadNationalPrograms } from './seeds';
import { buildSynthetic, type BuildSteps } from './synthetic';
import { createTarget } from './target';
import { timeVariants } from './variants';

const options = JSON.parse(process.argv[2] ?? '{}') as WorkerOptions;
const { backend, dataset } = options;
const log = (message: string) => console.error(`[${backend} ${dataset}] ${message}`);

const seeds = await loadNationalPrograms();
const centers = pickCenters(seeds);
const target = await createTarget(backend, dataset, options.serverUrl);
delete process.env.DATABASE_URL;
// Building the synthetic table takes minutes per statement: no query timeout for the bench.
Object.assign(process.env, target.env, { QUERY_TIMEOUT_MS: '0' });
const { db, closeDb } = await import('../../src/lib/server/db/index');
try {
	log(`building in ${target.describe}`);
	const started = performance.now();
	await migrateToLatest(db);
	let buildSteps: BuildSteps | null = null;
	if (dataset === 'national') await importDefaultSources(db);
	else buildSteps = await buildSynthetic(db, seeds, options.syntheticSize);
	const buildMs = performance.now() - started;
	const { rows } = await sql<{ programs: number; server: string }>`
		select (select count(*)::int from facility) as programs,
			split_part(version(), ' ', 2) || ' + PostGIS ' || postgis_lib_version() as server
	`.execute(db);
	const { programs, server } = rows[0]!;
	log(`${programs} programs in ${(buildMs / 1000).toFixed(1)} s (${server})`);

	const floor = await sample(
		{ warmup: options.warmup, runs: options.runs, budgetMs: 10_000, minRuns: 20 },
		() => sql`select 1`.execute(db)
	);
	const cases = await timeCases(db, centers, options, log);
	const variants = options.variants ? await timeVariants(db, centers, options, log) : [];
	const result: RunResult = {
		backend,
		dataset,
		programs,
		server,
		buildMs,
		buildSteps,
		floor,
		centers,
		cases,
		variants
	};
	console.log(JSON.stringify(result));
} finally {
	await closeDb();
	if (options.keep) log(`kept: ${target.describe}`);
	else await target.remove();
}
