// PostgreSQL only: the app's earlier query (on facility) against changed shapes, server settings
// and table layouts, on the same centers, so each fix comes with its measured effect; the app's
// own figures are the main cases'. See README.md.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/lib/server/db/schema';
import { CASES, type Center, type SearchCase } from './cases';
import { sample, type Timing } from './measure';
import type { VariantResult, WorkerOptions } from './results';
import { placesFor } from './run-cases';
import { buildSpatialCopies, SPATIAL_BITS, SPATIAL_TABLE } from './spatial-copy';
import * as shapes from './variant-sql';

/** Settings for short interactive queries: no JIT compilation, no parallel workers. */
const OLTP = '-c jit=off -c max_parallel_workers_per_gather=0';
const JIT_OFF = '-c jit=off';

interface Variant {
	name: string;
	shape: shapes.Shape;
	settings?: string;
	/** Which searches it applies to: with a place or without; with filters or either. */
	radius: boolean;
	filtered?: boolean;
}

const APP = shapes.APP_TABLE;
const VARIANTS: Variant[] = [
	{ name: 'before: facility table, server defaults', shape: shapes.appShape, radius: true },
	{
		name: 'before: facility table, jit+parallel off',
		shape: shapes.appShape,
		settings: OLTP,
		radius: true
	},
	{ name: 'radius first, server defaults', shape: shapes.radiusFirst(APP), radius: true },
	{
		name: 'radius first, jit off',
		shape: shapes.radiusFirst(APP),
		settings: JIT_OFF,
		radius: true
	},
	{
		name: 'radius first, jit+parallel off',
		shape: shapes.radiusFirst(APP),
		settings: OLTP,
		radius: true
	},
	{
		name: 'radius first, 1 statement',
		shape: shapes.radiusFirstOneStatement(APP),
		settings: OLTP,
		radius: true
	},
	{ name: 'before: facility table, server defaults', shape: shapes.appShape, radius: false },
	{
		name: 'before: facility table, jit+parallel off',
		shape: shapes.appShape,
		settings: OLTP,
		radius: false
	},
	{
		name: 'capped count (1,001)',
		shape: shapes.cappedCount,
		settings: OLTP,
		radius: false,
		filtered: true
	},
	{
		name: 'page only (total cached per import)',
		shape: shapes.pageOnly,
		settings: OLTP,
		radius: false
	}
];

const ON_SPATIAL_COPY: Variant[] = [
	{
		name: 'radius first, 1 statement, rows in spatial order',
		shape: shapes.radiusFirstOneStatement(SPATIAL_TABLE),
		settings: OLTP,
		radius: true
	},
	{
		name: '… and filter bitmask',
		shape: shapes.radiusFirstOneStatement(SPATIAL_BITS),
		settings: OLTP,
		radius: true
	}
];

function applies(v: Variant, c: SearchCase): boolean {
	if (v.radius !== (c.radiusMiles !== null)) return false;
	return v.filtered === undefined || v.filtered === c.groups.length > 0;
}

export async function timeVariants(
	db: Kysely<DB>,
	centers: readonly Center[],
	options: Pick<WorkerOptions, 'runs' | 'warmup'>,
	log: (message: string) => void
): Promise<VariantResult[]> {
	const url = process.env.DATABASE_URL!;
	const results: VariantResult[] = [];
	const run = async (variants: Variant[]) => {
		for (const c of CASES) {
			const places = placesFor(c, centers);
			const expected: number[] = [];
			for (const place of places) expected.push((await shapes.appShape(db, c, place)).total);
			for (const v of variants.filter((v) => applies(v, c))) {
				const { timing, totals } = await timeOne(url, v, c, places, options);
				const wrong = totals.filter((t, i) => !sameTotal(t, expected[i]!)).length;
				if (wrong) log(`variant ${c.key} ${v.name}: wrong total at ${wrong} center(s)`);
				results.push({ case: c.key, variant: v.name, timing });
				log(`variant ${c.key} ${v.name}: p50 ${timing.p50.toFixed(2)} ms`);
			}
		}
	};
	await run(VARIANTS);
	const ms = await buildSpatialCopies(db);
	log(`built the spatially ordered copies in ${(ms / 1000).toFixed(1)} s`);
	await run(ON_SPATIAL_COPY);
	return results;
}

async function timeOne(
	url: string,
	v: Variant,
	c: SearchCase,
	places: (Center | undefined)[],
	options: Pick<WorkerOptions, 'runs' | 'warmup'>
): Promise<{ timing: Timing; totals: number[] }> {
	const pool = new pg.Pool({ connectionString: url, max: 2, options: v.settings });
	pool.on('error', () => {});
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
	try {
		const totals: number[] = [];
		for (const place of places) totals.push((await v.shape(db, c, place)).total);
		const timing = await sample(
			{ warmup: options.warmup, runs: options.runs, budgetMs: 20_000, minRuns: 20 },
			(i) => v.shape(db, c, places[i % places.length])
		);
		return { timing, totals };
	} finally {
		await db.destroy();
	}
}

/** A variant's total agrees with the app's: equal, capped at 1,001, or not computed (NaN). */
function sameTotal(got: number, want: number): boolean {
	return Number.isNaN(got) || got === want || (got === 1001 && want > 1001);
}
